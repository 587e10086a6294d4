/**
 * Counting a scan the same way in the pane and on the audit sheet: four groups (verschillen, fouten, niet te
 * herberekenen, gelijk) with correct Dutch singulars and plurals. Pure; no Office.
 */
import { SCAN_GROUPS, type ScanResult, type ScanStatus } from "./hostActions";

export type GroupId = (typeof SCAN_GROUPS)[number]["id"];

/** "1 verschil" / "2 verschillen", "1 cel" / "3 cellen". */
export function count(n: number, singular: string, plural: string): string {
  return `${n.toLocaleString("nl-NL")} ${n === 1 ? singular : plural}`;
}

export const GROUP_WORDS: Record<GroupId, { title: string; one: string; many: string }> = {
  verschillen: { title: "Verschillen", one: "verschil", many: "verschillen" },
  fouten: { title: "Fouten in cellen", one: "fout", many: "fouten" },
  "niet-herberekend": { title: "Niet te herberekenen", one: "niet te herberekenen", many: "niet te herberekenen" },
  gelijk: { title: "Gelijk", one: "gelijk", many: "gelijk" },
};

export function groupOf(status: ScanStatus): GroupId {
  return SCAN_GROUPS.find((g) => g.statuses.includes(status))!.id;
}

export function groupCounts(scan: Pick<ScanResult, "formulas">): Record<GroupId, number> {
  const c: Record<GroupId, number> = { verschillen: 0, fouten: 0, "niet-herberekend": 0, gelijk: 0 };
  for (const f of scan.formulas) c[groupOf(f.status)]++;
  return c;
}

/** "12 PB-formules op 3 bladen: 1 verschil, 2 fouten, 0 niet te herberekenen, 9 gelijk". */
export function summaryText(scan: Pick<ScanResult, "formulas" | "sheetsScanned">): string {
  const c = groupCounts(scan);
  const parts = SCAN_GROUPS.map((g) => count(c[g.id], GROUP_WORDS[g.id].one, GROUP_WORDS[g.id].many));
  return `${count(scan.formulas.length, "PB-formule", "PB-formules")} op ${count(scan.sheetsScanned, "blad", "bladen")}: ${parts.join(", ")}`;
}
