/*
 * The Excel custom functions of PB Rekenkit. The JSDoc here is the only source of their metadata: the
 * custom-functions-metadata plugin turns it into functions.json at build time (ids frozen, namespace PB from the
 * manifest). Each function is a thin wrapper: arguments go unchanged to the shared registry (src/functions/registry.ts),
 * which the headless engine calls too. Arguments are typed `any` so that one coercion layer decides for both hosts.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { excelCall } from "./excelErrors";

/**
 * Wettelijk minimumloon op een peildatum, voor een leeftijd.
 * @customfunction WML
 * @param peildatum Datum waarop het minimumloon geldt (Excel-datum of "2024-07-01").
 * @param [leeftijd] Leeftijd in jaren (15 of ouder); leeg = volwassen.
 * @param [periode] "maand" (standaard; vanaf 2024 het referentiemaandbedrag) of "uur" (vanaf 2024).
 * @returns Minimumloon in euro's.
 */
export function wml(peildatum: any, leeftijd?: any, periode?: any): number {
  return excelCall("WML", [peildatum, leeftijd, periode]);
}

/**
 * Loonkostensubsidie per maand voor één werknemer (Participatiewet art. 10d lid 4), inclusief vakantiebijslag en werkgeverslasten.
 * @customfunction LKS
 * @param peildatum Datum waarop de subsidie geldt (Excel-datum of "2024-07-01").
 * @param loonwaarde Loonwaarde als fractie van het minimumloon, in hele procenten (60% = 0,6).
 * @param uren_per_week Overeengekomen arbeidsduur in uren per week.
 * @param [leeftijd] Leeftijd in jaren; leeg = volwassen.
 * @param [voltijduren] Tot 2024: normale arbeidsduur van de functie (standaard 38). Vanaf 2024: voltijd in vergelijkbare functies, bovengrens boven 36 uur.
 * @returns Loonkostensubsidie per maand in euro's, afgerond op centen.
 */
export function lks(peildatum: any, loonwaarde: any, uren_per_week: any, leeftijd?: any, voltijduren?: any): number {
  return excelCall("LKS", [peildatum, loonwaarde, uren_per_week, leeftijd, voltijduren]);
}

/**
 * Loonkostensubsidie over een periode, maand voor maand; een gedeeltelijke maand naar rato van kalenderdagen.
 * @customfunction LKSPERIODE
 * @param begindatum Eerste dag van de periode.
 * @param einddatum Laatste dag van de periode (inclusief).
 * @param loonwaarde Loonwaarde als fractie van het minimumloon, in hele procenten (60% = 0,6).
 * @param uren_per_week Overeengekomen arbeidsduur in uren per week.
 * @param [leeftijd] Leeftijd in jaren, voor de hele periode; leeg = volwassen.
 * @param [voltijduren] Tot 2024: normale arbeidsduur van de functie (standaard 38). Vanaf 2024: voltijd in vergelijkbare functies.
 * @returns Totale loonkostensubsidie over de periode in euro's, afgerond op centen.
 */
export function lksperiode(begindatum: any, einddatum: any, loonwaarde: any, uren_per_week: any, leeftijd?: any, voltijduren?: any): number {
  return excelCall("LKSPERIODE", [begindatum, einddatum, loonwaarde, uren_per_week, leeftijd, voltijduren]);
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
export function lksforfaitair(peildatum: any, uren_per_week: any, leeftijd?: any, voltijduren?: any): number {
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
