/** The template gallery as the pane shows it, from the template definitions in src/templates. */
import { TEMPLATES, type TemplateDef } from "../templates";
import type { TemplateInfo } from "./types";

export function templateInfo(t: Pick<TemplateDef, "id" | "title" | "description" | "years">): TemplateInfo {
  return { id: t.id, title: t.title, description: t.description, years: `${t.years.from}–${t.years.to ?? "heden"}` };
}

export const TEMPLATE_LIST: readonly TemplateInfo[] = TEMPLATES.map(templateInfo);
