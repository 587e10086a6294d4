/**
 * Short Dutch names of the parameters, for messages a user reads ("Geen waarde voor wml.maand (het wettelijk
 * minimumloon per maand) op …"). The technical name stays in front: it is what PB.PARAM takes and the help lists.
 * Words, not numbers, so they live here and not in the versioned data (a label change is no new parameter set).
 */
const LABELS: Record<string, string> = {
  "deadline.beeld": "de uiterste datum voor het beeld van de uitvoering",
  "deadline.buig": "de bekendmaking van het BUIG-budget",
  "deadline.sisa.buig": "de SiSa-datum die meetelt voor de BUIG-verdeling",
  "deadline.sisa.gr": "de aanleverdatum van de SiSa-verantwoording van een gemeenschappelijke regeling",
  "deadline.sisa": "de uiterste datum voor de SiSa-bijlage bij CBS",
  "deadline.vaststelling": "de vaststelling van het participatiebudget",
  "doelgroep.leeftijd": "de leeftijdsgrenzen van de doelgroep",
  "lks.cap": "het maximum van de loonkostensubsidie",
  "lks.deeltijdregel": "de deeltijdregel van de loonkostensubsidie",
  "lks.forfaitair": "de forfaitaire loonkostensubsidie",
  "lks.forfaitair.maanden": "de maximale duur van de forfaitaire loonkostensubsidie",
  "lks.herziening": "de herziening van de loonkostensubsidie",
  "lks.normuren": "de voltijduren van de loonkostensubsidie",
  "lks.werkgeverslasten": "de vergoeding voor werkgeverslasten",
  "meeneem.reservering": "de meeneemregeling",
  "meeneem.reservering.art13": "de meeneemregeling voor gemeenten van art. 13",
  "meeneem.voorfinanciering": "de voorfinanciering",
  "meeneem.voorfinanciering.art13": "de voorfinanciering voor gemeenten van art. 13",
  "terugvordering.termijn": "de termijn voor de verantwoording",
  "terugvordering.termijn.gr": "de termijn voor de verantwoording van een gemeenschappelijke regeling",
  vakantiebijslag: "de minimumvakantiebijslag",
  "verdeling.educatie": "de verdeelsleutel educatie",
  "verdeling.inburgering": "de verdeelsleutel inburgering",
  "verdeling.outputlag": "het aantal jaren tussen outputjaar en budgetjaar",
  "verdeling.szw.a": "het objectief verdeelde aandeel van het SZW-deel",
  "verdeling.szw.gewichten": "de gewichten van de verdeelmaatstaven",
  "wml.jeugdafronding": "de afronding van het minimumjeugdloon",
  "wml.jeugdstaffel": "de jeugdloonstaffel",
  "wml.maand": "het wettelijk minimumloon per maand",
  "wml.uur": "het wettelijk minimumuurloon",
  "wml.volwassenleeftijd": "de leeftijd van het volwassen minimumloon",
};

/** "wml.maand (het wettelijk minimumloon per maand)"; a name without a label (an own set) as it is. */
export function parameterInMessage(name: string): string {
  const label = Object.prototype.hasOwnProperty.call(LABELS, name) ? LABELS[name] : undefined;
  return label ? `${name} (${label})` : name;
}

/** For the test that every built-in parameter has a label. */
export function hasLabel(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(LABELS, name);
}
