/**
 * The one evaluator of template checks. It reads cells through an abstract reader `(sheet, address) => value`, so
 * `pb check` (a saved workbook, recomputed by the engine) and the task pane (the live workbook) run the same code.
 * Pure: no Office.js, no files. Limits (25%, deadlines) come from the parameter tables, not from the sheet, so a
 * formula the user overwrote cannot hide a breach.
 */
import { param } from "../parameters";
import type { Deadline } from "../parameters/wpb";
import { isoToSerial, parseDateText, serialToIso, ymdToIso } from "../rules/dates";
import { colLetter, colNumber, splitAddress } from "./build";
import { TEMPLATES } from "./index";
import { MARKER_ADDRESS, parseMarker } from "./render";
import type { CellRef, RowSpan, TemplateDef } from "./types";

/** Reads one cell's value: number, string, boolean, null/undefined (empty), Date, or an error `{error, message?}`. */
export type CellReader = (sheet: string, address: string) => unknown;

export interface CheckResult {
  id: string;
  title: string;
  ok: boolean;
  /** Set when the check did not apply (year outside its window, no year to look limits up with). */
  skipped?: boolean;
  /** Sheet name and cell of a failure. */
  sheet?: string;
  cell?: string;
  /** Dutch: what is wrong (or "in orde"). */
  message: string;
  /** Dutch: why the rule exists. */
  why: string;
}

// ---------------------------------------------------------------------------------------------- values

interface ErrorLike {
  error: string;
  message?: string;
}

function isError(v: unknown): v is ErrorLike {
  return typeof v === "object" && v !== null && !(v instanceof Date) && typeof (v as ErrorLike).error === "string";
}

function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

const MS_PER_DAY = 86_400_000;

function asNumber(v: unknown): number | undefined {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  // ExcelJS hands date-formatted cells back as Date (UTC midnight).
  if (v instanceof Date) return v.getTime() / MS_PER_DAY + 25569;
  if (typeof v === "string") {
    const t = v.trim();
    if (/^[+-]?\d+([.,]\d+)?$/.test(t)) return Number(t.replace(",", "."));
    const iso = parseDateText(t);
    if (iso) return isoToSerial(iso);
  }
  return undefined;
}

function asText(v: unknown): string {
  if (isEmpty(v)) return "";
  if (typeof v === "boolean") return v ? "WAAR" : "ONWAAR";
  return String(v).trim();
}

export function euro(x: number): string {
  const [i, d] = Math.abs(x).toFixed(2).split(".");
  return `${x < 0 ? "−" : ""}€ ${i.replace(/\B(?=(\d{3})+(?!\d))/g, ".")},${d}`;
}

function dateText(serial: number): string {
  const iso = serialToIso(serial);
  if (!iso) return String(serial);
  return `${Number(iso.slice(8, 10))}-${Number(iso.slice(5, 7))}-${iso.slice(0, 4)}`;
}

function pct(x: number): string {
  return `${String(Math.round(x * 10000) / 100).replace(".", ",")}%`;
}

const CENT = 0.005;

// ---------------------------------------------------------------------------------------------- evaluation

function rangeCells(range: string): string[] {
  const [a, b] = range.split(":");
  const s = splitAddress(a);
  const e = splitAddress(b ?? a);
  const out: string[] = [];
  for (let r = s.row; r <= e.row; r++) {
    for (let c = colNumber(s.col); c <= colNumber(e.col); c++) out.push(`${colLetter(c)}${r}`);
  }
  return out;
}

const MAX_FAILURES_PER_CHECK = 25;

export function evaluateChecks(def: TemplateDef, names: Record<string, string>, read: CellReader): CheckResult[] {
  const sheetName = (key: string) => names[key] ?? key;
  const get = (ref: CellRef) => read(sheetName(ref.sheet), ref.address);
  const yearValue = asNumber(get(def.yearCell));
  const year = yearValue !== undefined && Number.isInteger(yearValue) ? yearValue : undefined;

  const usedRows = (rows: RowSpan): number[] => {
    const out: number[] = [];
    for (let r = rows.first; r <= rows.last; r++) if (!isEmpty(read(sheetName(rows.sheet), `${rows.key}${r}`))) out.push(r);
    return out;
  };

  const results: CheckResult[] = [];
  for (const check of def.checks) {
    const fails: { sheet: string; cell: string; message: string }[] = [];
    const fail = (sheetKey: string, cell: string, message: string) => fails.push({ sheet: sheetName(sheetKey), cell, message });
    const base = { id: check.id, title: check.title, why: check.why };

    if (check.years) {
      const inWindow = year !== undefined && (check.years.from === undefined || year >= check.years.from) && (check.years.to === undefined || year <= check.years.to);
      if (!inWindow) {
        results.push({ ...base, ok: true, skipped: true, message: year === undefined ? "Niet te beoordelen zonder jaar." : `Niet van toepassing in ${year}.` });
        continue;
      }
    }

    /** A number for arithmetic checks; errors and text are failures of their own. Empty counts as 0. */
    const amount = (ref: CellRef & { label: string }): number | undefined => {
      const v = get(ref);
      if (isError(v)) {
        fail(ref.sheet, ref.address, `${ref.label} bevat de fout ${v.error}${v.message ? ` (${v.message})` : ""}.`);
        return undefined;
      }
      if (isEmpty(v)) return 0;
      const n = asNumber(v);
      if (n === undefined) fail(ref.sheet, ref.address, `${ref.label} is geen getal: "${asText(v)}".`);
      return n;
    };

    let skipped: string | undefined;
    switch (check.kind) {
      case "required":
        for (const c of check.cells) if (isEmpty(get(c))) fail(c.sheet, c.address, `${c.label} is niet ingevuld.`);
        break;

      case "requiredInRows":
        for (const r of usedRows(check.rows)) {
          const refText = asText(read(sheetName(check.rows.sheet), `${check.rows.key}${r}`));
          for (const col of check.columns) {
            if (isEmpty(read(sheetName(check.rows.sheet), `${col.column}${r}`))) fail(check.rows.sheet, `${col.column}${r}`, `Regel ${r} (${refText}): ${col.label} is niet ingevuld.`);
          }
        }
        break;

      case "yearRange": {
        const v = get(check.cell);
        if (isEmpty(v)) break; // the required check says so
        const n = asNumber(v);
        const span = check.to === undefined ? `${check.from} of later` : `${check.from} tot en met ${check.to}`;
        if (n === undefined || !Number.isInteger(n) || n < check.from || (check.to !== undefined && n > check.to)) {
          fail(check.cell.sheet, check.cell.address, `Het jaar ${asText(v)} valt buiten dit sjabloon; verwacht ${span}.`);
        }
        break;
      }

      case "choice": {
        const allowed = check.allowed.map((a) => a.toLowerCase());
        const test = (sheet: string, address: string, lbl: string) => {
          const v = read(sheetName(sheet), address);
          if (isEmpty(v)) return;
          if (!allowed.includes(asText(v).toLowerCase())) fail(sheet, address, `${lbl}: "${asText(v)}" is niet toegestaan; kies ${check.allowed.join(" of ")}.`);
        };
        for (const c of check.cells ?? []) test(c.sheet, c.address, c.label);
        if (check.rows && check.column) for (const r of usedRows(check.rows)) test(check.rows.sheet, `${check.column}${r}`, `Regel ${r}, ${check.label ?? check.column}`);
        break;
      }

      case "expect": {
        const v = get(check.cell);
        if (!isEmpty(v) && asText(v).toLowerCase() !== check.value.toLowerCase()) {
          fail(check.cell.sheet, check.cell.address, `${check.label} is "${asText(v)}"; dit moet "${check.value}" zijn.`);
        }
        break;
      }

      case "zero":
        for (const c of check.cells) {
          const n = amount(c);
          if (n !== undefined && Math.abs(n) >= CENT) fail(c.sheet, c.address, `${c.label} is ${euro(n)}; dit moet € 0,00 zijn.`);
        }
        break;

      case "noNetting":
        for (const r of usedRows(check.rows)) {
          const address = `${check.column}${r}`;
          const n = amount({ sheet: check.rows.sheet, address, label: `Regel ${r}, ${check.label}` });
          const who = asText(read(sheetName(check.rows.sheet), `${check.rows.key}${r}`));
          if (n !== undefined && Math.abs(n) >= CENT) {
            fail(check.rows.sheet, address, `Gemeente ${who} heeft ${euro(n)} ${n > 0 ? "ontvangen van" : "afgedragen aan"} andere deelnemers om een tekort of overschot te verrekenen; saldering is niet toegestaan.`);
          }
        }
        break;

      case "equal": {
        const left = amount(check.left);
        let right: number | undefined;
        if ("sum" in check.right) {
          right = 0;
          for (const a of rangeCells(check.right.sum)) {
            const n = amount({ sheet: check.right.sheet, address: a, label: `${check.right.label} (${a})` });
            if (n === undefined) right = undefined;
            else if (right !== undefined) right += n;
          }
        } else right = amount(check.right);
        if (left !== undefined && right !== undefined && Math.abs(left - right) >= CENT) {
          fail(check.left.sheet, check.left.address, `${check.left.label} is ${euro(left)}, maar ${check.right.label} is ${euro(right)} (verschil ${euro(left - right)}).`);
        }
        break;
      }

      case "balance": {
        let sum = 0;
        let ok = true;
        for (const t of check.terms) {
          const n = amount(t);
          if (n === undefined) ok = false;
          else sum += t.sign * n;
        }
        const target = amount(check.equals);
        if (ok && target !== undefined && Math.abs(sum - target) >= CENT) {
          const expr = check.terms.map((t, i) => `${i === 0 ? (t.sign < 0 ? "−" : "") : t.sign < 0 ? " − " : " + "}${t.label}`).join("");
          fail(check.equals.sheet, check.equals.address, `${expr} = ${euro(sum)}, maar ${check.equals.label} is ${euro(target)} (verschil ${euro(sum - target)}).`);
        }
        break;
      }

      case "maxShare": {
        if (year === undefined) {
          skipped = "Niet te beoordelen zonder jaar.";
          break;
        }
        const shareFor = (flag: unknown): number | undefined => {
          const name = check.paramIfYes && asText(flag).toLowerCase() === "ja" ? check.paramIfYes : check.param;
          try {
            return param<number>(name, ymdToIso(year, 1, 1));
          } catch {
            return undefined;
          }
        };
        const one = (cell: CellRef & { label: string }, baseRef: CellRef & { label: string }, flag: unknown, who: string) => {
          const share = shareFor(flag);
          if (share === undefined) {
            skipped = `Geen grens bekend voor ${year}.`;
            return;
          }
          const n = amount(cell);
          const b = amount(baseRef);
          if (n === undefined || b === undefined) return;
          const max = share * b;
          if (n - max >= CENT) fail(cell.sheet, cell.address, `${who}${cell.label} is ${euro(n)}: meer dan ${pct(share)} van ${baseRef.label} ${euro(b)} (ten hoogste ${euro(max)}).`);
        };
        if (check.rows) {
          for (const r of usedRows(check.rows)) {
            const who = `Regel ${r} (${asText(read(sheetName(check.rows.sheet), `${check.rows.key}${r}`))}): `;
            const flag = check.flag ? read(sheetName(check.flag.sheet), `${check.flag.address}${r}`) : undefined;
            one({ ...check.cell, address: `${check.cell.address}${r}` }, { ...check.base, address: `${check.base.address}${r}` }, flag, who);
          }
        } else {
          one(check.cell, check.base, check.flag ? get(check.flag) : undefined, "");
        }
        break;
      }

      case "range":
        for (const c of check.cells) {
          const v = get(c);
          if (isEmpty(v)) continue;
          const n = asNumber(v);
          if (n === undefined || n < check.min || n > check.max) fail(c.sheet, c.address, `${c.label} is ${asText(v)}; verwacht een waarde van ${check.min} tot en met ${check.max}.`);
        }
        break;

      case "dateOrder":
        for (const r of usedRows(check.rows)) {
          const s = asNumber(read(sheetName(check.rows.sheet), `${check.start}${r}`));
          const e = asNumber(read(sheetName(check.rows.sheet), `${check.end}${r}`));
          if (s !== undefined && e !== undefined && e < s) fail(check.rows.sheet, `${check.end}${r}`, `Regel ${r}: einddatum ${dateText(e)} ligt vóór begindatum ${dateText(s)}.`);
        }
        break;

      case "noErrors":
        for (const a of rangeCells(check.range)) {
          const v = read(sheetName(check.sheet), a);
          if (isError(v)) fail(check.sheet, a, `De cel bevat de fout ${v.error}${v.message ? `: ${v.message}` : "."}`);
        }
        break;

      case "deadline": {
        const v = get(check.cell);
        if (isEmpty(v) || isError(v)) break; // required/noErrors report these
        if (year === undefined) {
          skipped = "Niet te beoordelen zonder jaar.";
          break;
        }
        let d: Deadline;
        try {
          d = param<Deadline>(check.param, ymdToIso(year, 1, 1));
        } catch {
          skipped = `Geen termijn bekend voor ${year}.`;
          break;
        }
        const deadline = isoToSerial(ymdToIso(year + d.jaarOffset, d.maand, d.dag));
        const n = asNumber(v);
        if (n === undefined) fail(check.cell.sheet, check.cell.address, `${check.cell.label} is geen datum: "${asText(v)}".`);
        else if (Math.floor(n) > deadline) {
          fail(check.cell.sheet, check.cell.address, `${check.cell.label} ${dateText(n)} ligt na de uiterste datum ${dateText(deadline)} (${Math.floor(n) - deadline} dagen te laat).`);
        }
        break;
      }
    }

    if (fails.length === 0) {
      results.push({ ...base, ok: true, ...(skipped ? { skipped: true, message: skipped } : { message: "In orde." }) });
      continue;
    }
    for (const f of fails.slice(0, MAX_FAILURES_PER_CHECK)) results.push({ ...base, ok: false, sheet: f.sheet, cell: f.cell, message: f.message });
    if (fails.length > MAX_FAILURES_PER_CHECK) {
      const rest = fails.length - MAX_FAILURES_PER_CHECK;
      results.push({ ...base, ok: false, sheet: fails[MAX_FAILURES_PER_CHECK].sheet, cell: fails[MAX_FAILURES_PER_CHECK].cell, message: `En nog ${rest} cel${rest === 1 ? "" : "len"} met hetzelfde probleem.` });
    }
  }
  return results;
}

// ---------------------------------------------------------------------------------------------- workbooks

export interface TemplateInstance {
  def: TemplateDef;
  /** Version written in the markers (may differ from the definition's current version). */
  version: string;
  instance: number;
  /** Sheet key → sheet name found. */
  names: Record<string, string>;
  /** Keys of the definition whose sheet was not found (deleted or marker removed). */
  missing: string[];
}

/** Find rendered templates in a workbook by the markers in A2 of each sheet. */
export function findInstances(sheetNames: readonly string[], read: CellReader): TemplateInstance[] {
  const byKey = new Map<string, TemplateInstance>();
  const order: string[] = [];
  for (const name of sheetNames) {
    const m = parseMarker(read(name, MARKER_ADDRESS));
    if (!m) continue;
    const def = TEMPLATES.find((t) => t.id === m.id);
    if (!def || !def.sheets.some((s) => s.key === m.key)) continue;
    const id = `${m.id}#${m.instance}`;
    let inst = byKey.get(id);
    if (!inst) {
      inst = { def, version: m.version, instance: m.instance, names: {}, missing: [] };
      byKey.set(id, inst);
      order.push(id);
    }
    if (!inst.names[m.key]) inst.names[m.key] = name;
  }
  const out = order.map((id) => byKey.get(id) as TemplateInstance);
  for (const inst of out) inst.missing = inst.def.sheets.map((s) => s.key).filter((k) => !inst.names[k]);
  return out;
}

/** Every check of every template found in the workbook. A missing sheet is a failure of its own. */
export function checkWorkbook(sheetNames: readonly string[], read: CellReader): { instance: TemplateInstance; results: CheckResult[] }[] {
  return findInstances(sheetNames, read).map((instance) => {
    if (instance.missing.length > 0) {
      const results: CheckResult[] = instance.missing.map((key) => ({
        id: "bladen.aanwezig",
        title: "Alle bladen van het sjabloon aanwezig",
        ok: false,
        sheet: instance.def.sheets.find((s) => s.key === key)?.name ?? key,
        message: `Het blad "${instance.def.sheets.find((s) => s.key === key)?.name ?? key}" van dit sjabloon ontbreekt (of de markering in A2 is weg); de controles die het nodig hebben zijn niet uitgevoerd.`,
        why: "De controles lezen de cellen van alle bladen van het sjabloon.",
      }));
      return { instance, results };
    }
    return { instance, results: evaluateChecks(instance.def, instance.names, read) };
  });
}

export function failures(results: readonly CheckResult[]): CheckResult[] {
  return results.filter((r) => !r.ok);
}
