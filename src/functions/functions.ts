/*
 * The Excel custom functions of PB Rekenkit. The JSDoc here is the only source of their metadata: the
 * custom-functions-metadata plugin turns it into functions.json at build time (ids frozen, namespace PB from the
 * manifest). Each function is a thin wrapper: arguments go unchanged to the shared registry (src/functions/registry.ts),
 * which the headless engine calls too. Arguments are typed `any` so that one coercion layer decides for both hosts.
 * Money results are typed `any` as well: with the workbook setting "Bonnetje in de cel" they are a number with its
 * receipt as properties (src/functions/cellCard.ts), and Excel takes a data type only from a result of type any.
 * Only PB.UITLEG is asynchronous: it reads another cell's formula through Excel; every other function answers at once.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { excelCall, excelExplain } from "./excelErrors";

/**
 * Wettelijk minimumloon op een peildatum, voor een leeftijd.
 * @customfunction WML
 * @param peildatum Datum waarop het minimumloon geldt (Excel-datum of "2024-07-01").
 * @param [leeftijd] Leeftijd in jaren (15 of ouder); leeg = volwassen.
 * @param [periode] "maand" (standaard; vanaf 2024 het referentiemaandbedrag) of "uur" (vanaf 2024).
 * @returns Minimumloon in euro's.
 */
export function wml(peildatum: any, leeftijd?: any, periode?: any): any {
  return excelCall("WML", [peildatum, leeftijd, periode]);
}

/**
 * Loonkostensubsidie per maand voor één werknemer zoals vastgesteld op de peildatum (Participatiewet art. 10d lid 4), inclusief vakantiebijslag en werkgeverslasten.
 * @customfunction LKS
 * @param peildatum Datum waarop de subsidie geldt (Excel-datum of "2024-07-01").
 * @param loonwaarde Loonwaarde als fractie van het minimumloon, in hele procenten (60% = 0,6).
 * @param uren_per_week Overeengekomen arbeidsduur in uren per week.
 * @param [leeftijd] Leeftijd in jaren; leeg of 0 = volwassen.
 * @param [voltijduren] Tot 2024: normale arbeidsduur van de functie (standaard 38). Vanaf 2024: voltijd in vergelijkbare functies; ten hoogste zoveel uren tellen mee, nodig bij meer dan 36 uur. Leeg of 0 = standaard.
 * @returns Loonkostensubsidie per maand in euro's, afgerond op centen.
 */
export function lks(peildatum: any, loonwaarde: any, uren_per_week: any, leeftijd?: any, voltijduren?: any): any {
  return excelCall("LKS", [peildatum, loonwaarde, uren_per_week, leeftijd, voltijduren]);
}

/**
 * Loonkostensubsidie over een periode, met het bedrag zoals vastgesteld op de ingangsdatum en opnieuw vastgesteld per 1 januari (Participatiewet art. 10d lid 7; tot 1-2-2017 jaarlijks); een gedeeltelijke maand naar rato van kalenderdagen.
 * @customfunction LKSPERIODE
 * @param begindatum Eerste dag van de periode.
 * @param einddatum Laatste dag van de periode (inclusief).
 * @param loonwaarde Loonwaarde als fractie van het minimumloon, in hele procenten (60% = 0,6).
 * @param uren_per_week Overeengekomen arbeidsduur in uren per week.
 * @param [leeftijd] Leeftijd in jaren, voor de hele periode; leeg = volwassen.
 * @param [voltijduren] Tot 2024: normale arbeidsduur van de functie (standaard 38). Vanaf 2024: voltijd in vergelijkbare functies; ten hoogste zoveel uren tellen mee.
 * @param [ingangsdatum] Start van het dienstverband of van de laatste nieuwe vaststelling (niet een herziening per 1 januari); leeg of 0 = begindatum.
 * @returns Totale loonkostensubsidie over de periode in euro's, afgerond op centen.
 */
export function lksperiode(begindatum: any, einddatum: any, loonwaarde: any, uren_per_week: any, leeftijd?: any, voltijduren?: any, ingangsdatum?: any): any {
  return excelCall("LKSPERIODE", [begindatum, einddatum, loonwaarde, uren_per_week, leeftijd, voltijduren, ingangsdatum]);
}

/**
 * Loonkostensubsidie zonder loonwaardebepaling (50%-route, art. 10d lid 5, vanaf 1-2-2017), per maand, ten hoogste de eerste 6 maanden.
 * @customfunction LKSFORFAITAIR
 * @param peildatum Datum waarop de subsidie geldt (vanaf 1-2-2017).
 * @param uren_per_week Overeengekomen arbeidsduur in uren per week.
 * @param [leeftijd] Leeftijd in jaren; leeg = volwassen.
 * @param [voltijduren] Tot 2024: normale arbeidsduur van de functie (standaard 38). Vanaf 2024: voltijd in vergelijkbare functies.
 * @returns Forfaitaire loonkostensubsidie per maand in euro's, afgerond op centen.
 */
export function lksforfaitair(peildatum: any, uren_per_week: any, leeftijd?: any, voltijduren?: any): any {
  return excelCall("LKSFORFAITAIR", [peildatum, uren_per_week, leeftijd, voltijduren]);
}

/**
 * Waarde van een wettelijke parameter op een peildatum.
 * @customfunction PARAM
 * @param naam Naam van de parameter, bijvoorbeeld "lks.werkgeverslasten" of "wml.maand".
 * @param peildatum Datum waarop de waarde geldt.
 * @param [sleutel] Voor samengestelde parameters het onderdeel, bijvoorbeeld "20" in "wml.jeugdstaffel".
 * @returns De waarde van de parameter.
 */
export function param(naam: any, peildatum: any, sleutel?: any): any {
  return excelCall("PARAM", [naam, peildatum, sleutel]);
}

/**
 * Bron (regeling, artikel, publicatie, geldig vanaf, betrouwbaarheid) van een parameterwaarde op een peildatum.
 * @customfunction BRON
 * @param naam Naam van de parameter, bijvoorbeeld "lks.werkgeverslasten".
 * @param peildatum Datum waarop de waarde geldt.
 * @returns Bronvermelding als tekst.
 */
export function bron(naam: any, peildatum: any): string {
  return excelCall("BRON", [naam, peildatum]);
}

/**
 * Versie van PB Rekenkit en van de parameterset, om bij een berekening vast te leggen.
 * @customfunction VERSIE
 * @returns Versie van de invoegtoepassing en de parameterset (met controlegetal).
 */
export function versie(): string {
  return excelCall("VERSIE", []);
}

/**
 * Aandeel van een gemeente in een budget dat op output wordt verdeeld: budget × Σ gewichtᵢ × gemeenteᵢ / landelijkᵢ (Besluit participatiebudget art. 4 en 9).
 * @customfunction OUTPUTALLOCATION
 * @param gemeente Bereik of matrix met de aantallen van de gemeente, per verdeelmaatstaf (rij voor rij gelezen).
 * @param landelijk Bereik of matrix met de landelijke totalen, even groot als gemeente en in dezelfde volgorde.
 * @param budget Het (macro)budget dat verdeeld wordt, in euro's.
 * @param [gewichten] Gewicht per verdeelmaatstaf als fractie (samen 1, dus 100%); leeg = alle maatstaven even zwaar.
 * @returns Aandeel van de gemeente in euro's, afgerond op centen.
 */
export function outputallocation(gemeente: any[][], landelijk: any[][], budget: any, gewichten?: any[][]): any {
  return excelCall("OUTPUTALLOCATION", [gemeente, landelijk, budget, gewichten]);
}

/**
 * Inburgeringsdeel van het participatiebudget 2012 (Besluit participatiebudget art. 9 en 10, gegevens van t−2): 50% op voorzieningen (iv + 1,5 × div), 50% op examens ((epe + tgn + kns + prex)/4 + nt2).
 * @customfunction VERDEELINBURGERING
 * @param gemeente 7 aantallen van de gemeente, in deze volgorde: iv (inburgeringsvoorzieningen), div (duale voorzieningen/taalkennisvoorzieningen), epe (elektronisch praktijkexamen), tgn (toets gesproken Nederlands), kns (kennis Nederlandse samenleving), prex (praktijkdeel), nt2 (staatsexamen NT2).
 * @param landelijk De 7 landelijke totalen, in dezelfde volgorde: iv, div, epe, tgn, kns, prex, nt2.
 * @param budget Het landelijke inburgeringsbudget in euro's.
 * @param [via_sisa] WAAR (standaard) als de gegevens via SiSa zijn geleverd; ONWAAR: de aantallen van de gemeente tellen voor de helft (art. 10).
 * @param [budgetjaar] Budgetjaar; standaard 2012, het enige jaar met deze sleutel.
 * @returns Inburgeringsdeel van de gemeente in euro's, afgerond op centen.
 */
export function verdeelinburgering(gemeente: any[][], landelijk: any[][], budget: any, via_sisa?: any, budgetjaar?: any): any {
  return excelCall("VERDEELINBURGERING", [gemeente, landelijk, budget, via_sisa, budgetjaar]);
}

/**
 * Educatiedeel van het participatiebudget 2013–2014 (Besluit participatiebudget art. 4 en 6): vier termen van elk 25%.
 * @customfunction VERDEELEDUCATIE
 * @param gemeente 4 waarden van de gemeente, in deze volgorde: O (laagopgeleiden), A (inwoners met allochtone achtergrond), BV (educatietrajecten ingekocht bij roc's, t−2), C (behaalde NT2-certificaten, t−2).
 * @param landelijk De 4 landelijke totalen, in dezelfde volgorde: O, A, BV, C.
 * @param budget Het landelijke educatiebudget in euro's.
 * @param [via_sisa] WAAR (standaard) als de gegevens via SiSa zijn geleverd; ONWAAR: de outputtermen BV en C zijn 0 voor de gemeente (art. 6).
 * @param [budgetjaar] Budgetjaar 2013 of 2014 (verplicht).
 * @returns Educatiedeel van de gemeente in euro's, afgerond op centen.
 */
export function verdeeleducatie(gemeente: any[][], landelijk: any[][], budget: any, via_sisa?: any, budgetjaar?: any): any {
  return excelCall("VERDEELEDUCATIE", [gemeente, landelijk, budget, via_sisa, budgetjaar]);
}

/**
 * SZW-deel (re-integratie) van het participatiebudget: (a × OW/OTW + (1 − a) × KW/TKW) × TBW, met a = 67% (2009), 83% (2010), 100% (2011–2014) (Besluit participatiebudget art. 2).
 * @customfunction VERDEELSZW
 * @param ow Objectief verdeeld budget (maatstaf) van de gemeente.
 * @param otw Totaal van de objectieve maatstaf over alle gemeenten.
 * @param kw Historisch aandeel (basis) van de gemeente.
 * @param tkw Totaal van de historische basis over alle gemeenten.
 * @param budget TBW: het landelijke SZW-deel in euro's.
 * @param budgetjaar Budgetjaar (2009–2014); bepaalt a.
 * @returns SZW-deel van de gemeente in euro's, afgerond op centen.
 */
export function verdeelszw(ow: any, otw: any, kw: any, tkw: any, budget: any, budgetjaar: any): any {
  return excelCall("VERDEELSZW", [ow, otw, kw, tkw, budget, budgetjaar]);
}

/**
 * Objectieve maatstaf van het SZW-deel: MAX(0; 1,62 × bijstand − 0,20 × ww − 0,01 × beroepsbevolking + 0,31 × kwalitatieve discrepantie) (Regeling participatiebudget art. 2).
 * @customfunction SZWMAATSTAF
 * @param bijstand Aantal bijstandsontvangers.
 * @param ww Aantal WW-ontvangers.
 * @param beroepsbevolking Omvang van de beroepsbevolking.
 * @param kwal_discrepantie Kwalitatieve discrepantie laaggeschoolde arbeid.
 * @param budgetjaar Budgetjaar (2009–2014).
 * @returns De maatstaf (OW) van de gemeente; negatieve uitkomsten worden 0.
 */
export function szwmaatstaf(bijstand: any, ww: any, beroepsbevolking: any, kwal_discrepantie: any, budgetjaar: any): number {
  return excelCall("SZWMAATSTAF", [bijstand, ww, beroepsbevolking, kwal_discrepantie, budgetjaar]);
}

/**
 * Meeneemregeling: deel van de onderbesteding dat naar het volgende jaar mag, ten hoogste 25% van het budget (31,25% in 2009 voor gemeenten van Wpb art. 13) (Besluit participatiebudget art. 12).
 * @customfunction MEENEEM
 * @param budget Toegekend participatiebudget van het jaar, in euro's.
 * @param besteding Besteding in het jaar (baten-lastenstelsel), in euro's.
 * @param jaar Verantwoordingsjaar (2009–2014).
 * @param [art13] WAAR voor een gemeente van art. 13 Wpb (BDU-SIV); standaard ONWAAR.
 * @returns Reservering in euro's, afgerond op centen.
 */
export function meeneem(budget: any, besteding: any, jaar: any, art13?: any): any {
  return excelCall("MEENEEM", [budget, besteding, jaar, art13]);
}

/**
 * Voorfinanciering: deel van een overbesteding dat ten laste van het budget van het volgende jaar mag, ten hoogste 25% van het budget (31,25% in 2009 voor gemeenten van Wpb art. 13) (Besluit participatiebudget art. 12).
 * @customfunction VOORFINANCIERING
 * @param budget Toegekend participatiebudget van het jaar, in euro's.
 * @param besteding Besteding in het jaar, in euro's.
 * @param jaar Verantwoordingsjaar (2009–2014).
 * @param [art13] WAAR voor een gemeente van art. 13 Wpb (BDU-SIV): 31,25% in 2009; standaard ONWAAR.
 * @returns Voorfinanciering in euro's, afgerond op centen.
 */
export function voorfinanciering(budget: any, besteding: any, jaar: any, art13?: any): any {
  return excelCall("VOORFINANCIERING", [budget, besteding, jaar, art13]);
}

/**
 * Terugvordering: onderbesteding (budget − rechtmatige besteding) boven de reservering van de meeneemregeling (Wpb art. 4 lid 2; Besluit participatiebudget art. 12).
 * @customfunction TERUGVORDERING
 * @param budget Toegekend participatiebudget van het jaar, in euro's.
 * @param besteding Totale besteding in het jaar, in euro's (inclusief het onrechtmatige deel).
 * @param jaar Verantwoordingsjaar (2009–2014).
 * @param [art13] WAAR voor een gemeente van art. 13 Wpb (BDU-SIV); standaard ONWAAR.
 * @param [onrechtmatig] Onrechtmatig besteed deel van de besteding, in euro's; standaard 0.
 * @returns Terug te vorderen bedrag in euro's, afgerond op centen.
 */
export function terugvordering(budget: any, besteding: any, jaar: any, art13?: any, onrechtmatig?: any): any {
  return excelCall("TERUGVORDERING", [budget, besteding, jaar, art13, onrechtmatig]);
}

/**
 * Verdeelt een totaal over verdeelsleutels in hele centen die precies optellen tot het totaal (grootste-restmethode).
 * @customfunction VERDEELSLEUTEL
 * @param totaal Het te verdelen bedrag in euro's (mag negatief zijn).
 * @param sleutels Bereik met de verdeelsleutels (0 of meer, niet allemaal 0); het resultaat heeft dezelfde vorm.
 * @returns {number[][]} Het deel per sleutel in euro's.
 */
export function verdeelsleutel(totaal: any, sleutels: any[][]): number[][] {
  return excelCall("VERDEELSLEUTEL", [totaal, sleutels]);
}

/**
 * Hoort iemand op de peildatum tot de doelgroep van de Wet participatiebudget (art. 1 en art. 3)?
 * @customfunction DOELGROEP
 * @param geboortedatum Geboortedatum.
 * @param peildatum Datum waarop de doelgroep getoetst wordt (2009–2014).
 * @param [kwalificatieplicht_voldaan] WAAR als de persoon aan de kwalificatieplicht heeft voldaan of vrijgesteld is; standaard ONWAAR.
 * @param [soort] "algemeen" (standaard: 18+, of jonger met kwalificatieplicht voldaan), "educatie" (alleen 18+) of "re-integratie" (ook 16/17 jaar van wie de kwalificatieplicht niet is geëindigd, als het college een leer-werktraject geboden acht).
 * @param [leerwerktraject] Bij "re-integratie" voor 16/17 jaar: WAAR als het college van oordeel is dat een leer-werktraject geboden is (Wpb art. 3 lid 3); dan verplicht.
 * @returns WAAR of ONWAAR.
 */
export function doelgroep(geboortedatum: any, peildatum: any, kwalificatieplicht_voldaan?: any, soort?: any, leerwerktraject?: any): boolean {
  return excelCall("DOELGROEP", [geboortedatum, peildatum, kwalificatieplicht_voldaan, soort, leerwerktraject]);
}

/**
 * Uiterste datum van een termijn voor jaar T, als Excel-datum: Wet participatiebudget (2009–2014) of Participatiewet (vanaf 2015).
 * @customfunction DEADLINE
 * @param jaar Het jaar T (verantwoordingsjaar; bij "vaststelling" het budgetjaar).
 * @param [soort] "sisa" (standaard, 15 juli T+1), "sisa-gr" (15 juli T+1), "beeld" (28 februari T+1), "vaststelling" (30 september T−1), "terugvordering" (13 maanden na afloop van T), "terugvordering-gr" (25 maanden); vanaf 2015 ook "buig" (budget bekend, 1 oktober T−1) en "sisa-buig" (SiSa-gegevens bekend, 15 augustus T+1).
 * @returns Datum als Excel-datumgetal; maak de cel op als datum.
 */
export function deadline(jaar: any, soort?: any): number {
  return excelCall("DEADLINE", [jaar, soort]);
}

/**
 * Budgetjaar dat de output van een jaar verdeelt: outputjaar + 2 (Besluit participatiebudget art. 4 en 9).
 * @customfunction BUDGETJAAR
 * @param outputjaar Het jaar waarin de output is geleverd.
 * @returns Het budgetjaar.
 */
export function budgetjaar(outputjaar: any): number {
  return excelCall("BUDGETJAAR", [outputjaar]);
}

/**
 * Outputjaar waarop een budgetjaar verdeeld wordt: budgetjaar − 2 (Besluit participatiebudget art. 4 en 9).
 * @customfunction OUTPUTJAAR
 * @param budgetjaar Het budgetjaar.
 * @returns Het outputjaar.
 */
export function outputjaar(budgetjaar: any): number {
  return excelCall("OUTPUTJAAR", [budgetjaar]);
}

/**
 * Naam van een trede van de participatieladder (VNG; geen wettelijke regel).
 * @customfunction LADDER
 * @param trede Trede 1 tot en met 6.
 * @returns Naam van de trede, bijvoorbeeld "Betaald werk met ondersteuning".
 */
export function ladder(trede: any): string {
  return excelCall("LADDER", [trede]);
}

/**
 * Uitleg van een PB-bedrag: per PB-aanroep in de cel de invoer (met de cellen waar die vandaan komt), de regel met artikel en elke parameterwaarde met geldigheid en bron, als tabel. Schrijft niets in de werkmap.
 * @customfunction UITLEG
 * @param cel De cel met de PB-formule die uitgelegd wordt, bijvoorbeeld D2.
 * @param invocation Aanroep door Excel: het adres van cel.
 * @returns Tabel met een kopregel, de cel, en per PB-aanroep de functie, de invoer, de parameters en de parameterset.
 * @requiresParameterAddresses
 */
export async function uitleg(cel: any, invocation: CustomFunctions.Invocation): Promise<any[][]> {
  // The value of `cel` is not needed: the formula behind it is read through Excel, at the address Excel passes.
  void cel;
  return excelExplain(invocation);
}
