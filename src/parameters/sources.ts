import type { LegalSource } from "./types";

/** Reusable references; every value still carries its own (possibly refined) copy. */
export const WML_WET: Omit<LegalSource, "confidence"> = {
  regeling: "Wet minimumloon en minimumvakantiebijslag",
  bwb: "BWBR0002638",
  url: "https://wetten.overheid.nl/BWBR0002638",
};
export const JEUGDLOON: Omit<LegalSource, "confidence"> = {
  regeling: "Minimumjeugdloonregeling",
  bwb: "BWBR0003599",
  url: "https://wetten.overheid.nl/BWBR0003599",
};
export const PWET: Omit<LegalSource, "confidence"> = {
  regeling: "Participatiewet",
  bwb: "BWBR0015703",
  url: "https://wetten.overheid.nl/BWBR0015703",
};
export const REGELING_LKS: Omit<LegalSource, "confidence"> = {
  regeling: "Regeling loonkostensubsidie Participatiewet",
  bwb: "BWBR0035633",
  url: "https://wetten.overheid.nl/BWBR0035633",
};
export const REGELING_LKS_2021: Omit<LegalSource, "confidence"> = {
  regeling: "Regeling loonkostensubsidie Participatiewet 2021",
  bwb: "BWBR0044901",
  url: "https://wetten.overheid.nl/BWBR0044901",
};
export const BESLUIT_LKS: Omit<LegalSource, "confidence"> = {
  regeling: "Besluit loonkostensubsidie Participatiewet",
  bwb: "BWBR0035631",
  url: "https://wetten.overheid.nl/BWBR0035631",
};
export const WPB: Omit<LegalSource, "confidence"> = {
  regeling: "Wet participatiebudget",
  bwb: "BWBR0025039",
  url: "https://wetten.overheid.nl/BWBR0025039",
};
export const BPB: Omit<LegalSource, "confidence"> = {
  regeling: "Besluit participatiebudget",
  bwb: "BWBR0025044",
  url: "https://wetten.overheid.nl/BWBR0025044",
};
export const RPB: Omit<LegalSource, "confidence"> = {
  regeling: "Regeling participatiebudget",
  bwb: "BWBR0026924",
  url: "https://wetten.overheid.nl/BWBR0026924",
};
export const SISA: Omit<LegalSource, "confidence"> = {
  regeling: "Regeling informatieverstrekking sisa",
  bwb: "BWBR0029251",
  url: "https://wetten.overheid.nl/BWBR0029251",
};
export const FVW: Omit<LegalSource, "confidence"> = {
  regeling: "Financiële-verhoudingswet",
  bwb: "BWBR0007031",
  url: "https://wetten.overheid.nl/BWBR0007031",
};
