/** The WPB value shapes, kept under their old module name for src/templates/checks.ts; new code imports ./types. */
export type { Deadline, SzwGewichten, InburgeringSleutel, EducatieSleutel, DoelgroepLeeftijden } from "./types";
