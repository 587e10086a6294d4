/**
 * The parameter set in force: one JSON file per parameter, beside this file, and the set's version in set.json.
 * Adding a parameter is adding its file and one import line here; tests/parameters/data.test.ts fails when a file in
 * this folder is not imported, and `npm run build` refuses the set when a file breaks src/parameters/schema.json.
 * Raise the version in set.json with every change of a value or source.
 */
import set from "./set.json";
import deadlineBeeld from "./deadline.beeld.json";
import deadlineBuig from "./deadline.buig.json";
import deadlineSisaBuig from "./deadline.sisa.buig.json";
import deadlineSisaGr from "./deadline.sisa.gr.json";
import deadlineSisa from "./deadline.sisa.json";
import deadlineVaststelling from "./deadline.vaststelling.json";
import doelgroepLeeftijd from "./doelgroep.leeftijd.json";
import lksCap from "./lks.cap.json";
import lksDeeltijdregel from "./lks.deeltijdregel.json";
import lksForfaitair from "./lks.forfaitair.json";
import lksForfaitairMaanden from "./lks.forfaitair.maanden.json";
import lksHerziening from "./lks.herziening.json";
import lksNormuren from "./lks.normuren.json";
import lksWerkgeverslasten from "./lks.werkgeverslasten.json";
import meeneemReserveringArt13 from "./meeneem.reservering.art13.json";
import meeneemReservering from "./meeneem.reservering.json";
import meeneemVoorfinancieringArt13 from "./meeneem.voorfinanciering.art13.json";
import meeneemVoorfinanciering from "./meeneem.voorfinanciering.json";
import terugvorderingTermijnGr from "./terugvordering.termijn.gr.json";
import terugvorderingTermijn from "./terugvordering.termijn.json";
import vakantiebijslag from "./vakantiebijslag.json";
import verdelingEducatie from "./verdeling.educatie.json";
import verdelingInburgering from "./verdeling.inburgering.json";
import verdelingOutputlag from "./verdeling.outputlag.json";
import verdelingSzwA from "./verdeling.szw.a.json";
import verdelingSzwGewichten from "./verdeling.szw.gewichten.json";
import wmlJeugdafronding from "./wml.jeugdafronding.json";
import wmlJeugdstaffel from "./wml.jeugdstaffel.json";
import wmlMaand from "./wml.maand.json";
import wmlUur from "./wml.uur.json";
import wmlVolwassenleeftijd from "./wml.volwassenleeftijd.json";

export const VERSION: string = set.version;

/** File name → content, as read; validated at build and test time, so typed here by assertion. */
export const FILES: Readonly<Record<string, unknown>> = {
  "deadline.beeld.json": deadlineBeeld,
  "deadline.buig.json": deadlineBuig,
  "deadline.sisa.buig.json": deadlineSisaBuig,
  "deadline.sisa.gr.json": deadlineSisaGr,
  "deadline.sisa.json": deadlineSisa,
  "deadline.vaststelling.json": deadlineVaststelling,
  "doelgroep.leeftijd.json": doelgroepLeeftijd,
  "lks.cap.json": lksCap,
  "lks.deeltijdregel.json": lksDeeltijdregel,
  "lks.forfaitair.json": lksForfaitair,
  "lks.forfaitair.maanden.json": lksForfaitairMaanden,
  "lks.herziening.json": lksHerziening,
  "lks.normuren.json": lksNormuren,
  "lks.werkgeverslasten.json": lksWerkgeverslasten,
  "meeneem.reservering.art13.json": meeneemReserveringArt13,
  "meeneem.reservering.json": meeneemReservering,
  "meeneem.voorfinanciering.art13.json": meeneemVoorfinancieringArt13,
  "meeneem.voorfinanciering.json": meeneemVoorfinanciering,
  "terugvordering.termijn.gr.json": terugvorderingTermijnGr,
  "terugvordering.termijn.json": terugvorderingTermijn,
  "vakantiebijslag.json": vakantiebijslag,
  "verdeling.educatie.json": verdelingEducatie,
  "verdeling.inburgering.json": verdelingInburgering,
  "verdeling.outputlag.json": verdelingOutputlag,
  "verdeling.szw.a.json": verdelingSzwA,
  "verdeling.szw.gewichten.json": verdelingSzwGewichten,
  "wml.jeugdafronding.json": wmlJeugdafronding,
  "wml.jeugdstaffel.json": wmlJeugdstaffel,
  "wml.maand.json": wmlMaand,
  "wml.uur.json": wmlUur,
  "wml.volwassenleeftijd.json": wmlVolwassenleeftijd,
};
