/**
 * The template gallery: every report template as data. The task pane lists these (id, title, description, years,
 * version); `pb template` writes them; `pb check` and the pane evaluate their checks.
 */
import type { TemplateDef } from "./types";
import { SISA_WPB } from "./defs/sisaWpb";
import { SISA_PW } from "./defs/sisaPw";
import { LKS_REGISTER } from "./defs/registerTemplate";
import { REKENTOOL_PW } from "./defs/rekentool";
import { GR_WPB } from "./defs/grWpb";

export type { TemplateDef, CheckDef, SisaIndicator, TemplateSheet, CellRef } from "./types";

export const TEMPLATES: readonly TemplateDef[] = [SISA_WPB, SISA_PW, LKS_REGISTER, REKENTOOL_PW, GR_WPB];

/** The template with this id (case-insensitive), or undefined. */
export function getTemplate(id: string): TemplateDef | undefined {
  const key = id.trim().toUpperCase();
  return TEMPLATES.find((t) => t.id === key);
}

/** Every SiSa indicator of every template that is still "te verifiëren", for the README and the closing note. */
export function unverifiedIndicators(): { template: string; code: string; description: string; source: string }[] {
  return TEMPLATES.flatMap((t) =>
    t.indicators.filter((i) => i.status === "te verifiëren").map((i) => ({ template: t.id, code: i.code, description: i.description, source: i.source })),
  );
}
