/**
 * The checks every parameter file passes before it is built in, released, or used as a user's own set: the JSON schema
 * (src/parameters/schema.json, checked by ajv) and what a schema cannot say: real calendar dates, values in date order
 * without overlap, a table end after its last value and with a reason, a source with a note wherever the confidence is
 * not H, values that fit their unit, and no missing half-year where the law revises every half-year.
 * Every problem is one Dutch line naming the file and the value.
 *
 * Self-contained on purpose (only ajv and the schema): scripts/check-parameters.js runs this file at build time, before
 * anything is compiled.
 */
import Ajv, { type ErrorObject } from "ajv";
import schema from "./schema.json";

export interface ValidateOptions {
  /** The current data must say why a table ends; sets released before 2026.12.0 did not. */
  requireUntilReason?: boolean;
}

type Json = Record<string, unknown>;

const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
const checkParameterSchema = ajv.compile(schema);
const checkSetSchema = ajv.compile({ ...schema, $id: "https://pb-rekenkit/set.schema.json", $ref: "#/definitions/set" });

function isRealDate(iso: unknown): boolean {
  if (typeof iso !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return false;
  const [y, m, d] = iso.split("-").map(Number);
  const t = new Date(Date.UTC(y, m - 1, d));
  return y >= 1900 && t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

function show(v: unknown): string {
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

/** "/values/3/source/confidence" → "waarde 4 (vanaf 2026-07-01), source.confidence". */
function where(p: Json, instancePath: string): string {
  const parts = instancePath.split("/").filter(Boolean);
  if (parts[0] === "values" && parts.length > 1) {
    const i = Number(parts[1]);
    const v = (p.values as Json[] | undefined)?.[i];
    const from = v && typeof v.from === "string" ? ` (vanaf ${v.from})` : "";
    const rest = parts.slice(2).join(".");
    return `waarde ${i + 1}${from}${rest ? `, ${rest}` : ""}`;
  }
  return parts.length ? parts.join(".") : "het bestand";
}

function schemaMessage(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case "required":
      return `mist het veld ${String(p.missingProperty)}`;
    case "additionalProperties":
      return `heeft een onbekend veld ${String(p.additionalProperty)}`;
    case "enum":
      return `moet een van deze zijn: ${(p.allowedValues as unknown[]).map((x) => show(x)).join(", ")}`;
    case "type":
      return `moet van het type ${String(p.type)} zijn`;
    case "pattern":
      return e.instancePath.endsWith("from") || e.instancePath.endsWith("until")
        ? "is geen datum in de vorm JJJJ-MM-DD"
        : `heeft niet de juiste vorm (${String(p.pattern)})`;
    case "minLength":
      return "is leeg of te kort";
    case "minItems":
      return "heeft geen waarden";
    default:
      return e.message ?? e.keyword;
  }
}

function valueOf(p: Json, instancePath: string): unknown {
  let cur: unknown = p;
  for (const k of instancePath.split("/").filter(Boolean)) cur = cur && typeof cur === "object" ? (cur as Json)[k] : undefined;
  return cur;
}

const MONEY = new Set(["EUR/maand", "EUR/uur", "EUR"]);

/**
 * The rules each parameter of unit "regel" may name: the rules code knows these and no others, so any other text (a
 * typo in a set of one's own) would make it apply none of them without a word. src/parameters/types.ts takes its
 * types from here.
 */
export const RULE_NAMES = {
  "lks.deeltijdregel": ["alleen-verminderen", "verminderen-of-vermeerderen", "verminderen-of-vermeerderen-tot-voltijd"],
  "lks.herziening": ["jaarlijks-na-aanvang", "januari-ontwikkeling-voorafgaand-jaar", "januari-tot-en-met-januari"],
} as const;

function ruleProblem(name: string, v: unknown): string | undefined {
  const known = (RULE_NAMES as Record<string, readonly string[]>)[name];
  if (known === undefined) return `is een regel, maar PB Rekenkit kent geen regels voor ${name}`;
  return known.includes(v as string) ? undefined : `is geen regel die PB Rekenkit kent voor ${name}; bekend zijn: ${known.join(", ")}`;
}

/** What a value must look like for its unit; undefined when it fits. */
function unitProblem(unit: string, v: unknown): string | undefined {
  const num = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x);
  const obj = v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Json) : undefined;
  if (MONEY.has(unit)) {
    if (!num(v) || v <= 0) return `moet een bedrag groter dan 0 zijn voor eenheid ${unit}`;
    if (Math.abs(v * 100 - Math.round(v * 100)) > 1e-7) return `heeft meer dan twee decimalen; een bedrag in ${unit} staat in hele centen`;
    return undefined;
  }
  switch (unit) {
    case "fractie":
      return num(v) && v >= 0 && v <= 1 ? undefined : "moet een fractie van 0 tot en met 1 zijn (23,5% = 0.235)";
    case "jaren":
    case "maanden": {
      const leaves = obj ? Object.values(obj) : [v];
      return leaves.length > 0 && leaves.every((x) => num(x) && Number.isInteger(x) && x >= 0)
        ? undefined
        : `moet een geheel aantal ${unit} zijn (of een object daarvan)`;
    }
    case "uren/week":
      return num(v) && v > 0 && v <= 168 ? undefined : "moet een aantal uren per week groter dan 0 en ten hoogste 168 zijn";
    case "gewicht": {
      const leaves = obj ? Object.values(obj) : [v];
      return leaves.length > 0 && leaves.every(num) ? undefined : "moet een getal of een object van getallen zijn";
    }
    case "datum":
      return obj &&
        Number.isInteger(obj.jaarOffset) &&
        Number.isInteger(obj.maand) &&
        (obj.maand as number) >= 1 &&
        (obj.maand as number) <= 12 &&
        Number.isInteger(obj.dag) &&
        (obj.dag as number) >= 1 &&
        (obj.dag as number) <= 31 &&
        Object.keys(obj).length === 3
        ? undefined
        : "moet een termijn { jaarOffset, maand, dag } zijn";
    case "fractie per leeftijd":
      return obj && Object.keys(obj).length > 0 && Object.entries(obj).every(([k, x]) => /^\d{1,3}$/.test(k) && num(x) && x >= 0 && x <= 1)
        ? undefined
        : "moet per leeftijd (\"15\", \"16\", …) een fractie van 0 tot en met 1 geven";
    case "regel":
      return typeof v === "string" && /^[a-z]+(-[a-z]+)*$/.test(v) ? undefined : "moet een regelnaam in kleine letters met streepjes zijn";
    default:
      return `heeft een onbekende eenheid ${unit}`;
  }
}

/** Structured values keep their fields from value to value; a staffel's ages change with the law, so only its kind counts. */
function shape(unit: string, v: unknown): string {
  if (v === null || typeof v !== "object") return typeof v;
  return unit === "fractie per leeftijd" ? "object" : `{${Object.keys(v as Json).sort().join(",")}}`;
}

/** Problems of one parameter (as one file, or one entry of a set document), each prefixed with `file`. */
export function validateParameter(file: string, data: unknown, options: ValidateOptions = {}): string[] {
  const out: string[] = [];
  const say = (m: string) => out.push(`${file}: ${m}`);
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    say("is geen parameter (verwacht een JSON-object met name, description, unit en values)");
    return out;
  }
  const p = data as Json;
  if (!checkParameterSchema(p)) {
    for (const e of checkParameterSchema.errors ?? []) {
      const v = valueOf(p, e.instancePath);
      say(`${where(p, e.instancePath)} ${schemaMessage(e)}${e.keyword === "required" || v === undefined || typeof v === "object" ? "" : ` (${show(v)})`}`);
    }
    return out;
  }
  const values = p.values as Json[];
  const unit = p.unit as string;
  values.forEach((v, i) => {
    const at = `waarde ${i + 1} (vanaf ${String(v.from)})`;
    if (!isRealDate(v.from)) say(`${at}: ${show(v.from)} is geen bestaande datum`);
    if (i > 0 && typeof v.from === "string" && typeof values[i - 1].from === "string") {
      const prev = values[i - 1].from as string;
      if (v.from === prev) say(`${at}: overlapt met waarde ${i}, die ook geldt vanaf ${prev}`);
      else if ((v.from as string) < prev) say(`${at}: staat niet op datumvolgorde (waarde ${i} geldt vanaf ${prev})`);
    }
    const problem = unitProblem(unit, v.value) ?? (unit === "regel" ? ruleProblem(String(p.name), v.value) : undefined);
    if (problem) say(`${at}: ${show(v.value)} ${problem}`);
    if (i > 0 && shape(unit, v.value) !== shape(unit, values[0].value)) {
      say(`${at}: ${show(v.value)} heeft een andere vorm dan waarde 1 (${shape(unit, values[0].value)})`);
    }
    const src = v.source as Json;
    if (src.confidence !== "H" && !(typeof src.note === "string" && src.note.trim().length > 0)) {
      say(`${at}: betrouwbaarheid ${String(src.confidence)} zonder toelichting (note) waarom niet H`);
    }
  });
  const lastFrom = values[values.length - 1].from as string;
  if (p.until !== undefined) {
    if (!isRealDate(p.until)) say(`until ${show(p.until)} is geen bestaande datum`);
    else if ((p.until as string) <= lastFrom) say(`until ${String(p.until)} ligt niet na de laatste waarde (vanaf ${lastFrom}): de tabellen overlappen`);
    if (options.requireUntilReason && p.untilReason === undefined) {
      say(`until ${String(p.until)} zonder untilReason: zeg of de volgende waarde nog niet is gepubliceerd ("unpublished") of de regeling is vervallen ("repealed")`);
    }
  } else if (p.untilReason !== undefined) {
    say(`untilReason ${show(p.untilReason)} zonder until`);
  }
  if (p.schedule === "halfjaarlijks") {
    for (const v of values) {
      const md = String(v.from).slice(5);
      if (md !== "01-01" && md !== "07-01") say(`waarde vanaf ${String(v.from)}: valt niet op 1 januari of 1 juli, de data waarop deze tabel wordt herzien`);
    }
    const have = new Set(values.map((v) => v.from as string));
    const first = values[0].from as string;
    const until = p.until as string | undefined;
    for (let y = Number(first.slice(0, 4)); y <= Number((until ?? lastFrom).slice(0, 4)); y++) {
      for (const md of ["01-01", "07-01"]) {
        const d = `${y}-${md}`;
        if (d < first || (until !== undefined ? d >= until : d > lastFrom) || have.has(d)) continue;
        say(
          d > lastFrom
            ? `mist de waarde vanaf ${d}: until ${until} laat de waarde van ${lastFrom} over een halfjaarlijkse herziening heen doorlopen`
            : `mist de waarde vanaf ${d}: deze tabel wordt elk halfjaar herzien (1 januari en 1 juli), dus hier zit een gat`,
        );
      }
    }
  }
  return out;
}

/** The current data: one file per parameter, the file named after the parameter, no name twice. */
export function validateParameterFiles(files: Readonly<Record<string, unknown>>, options: ValidateOptions = {}): string[] {
  const out: string[] = [];
  const seen = new Map<string, string>();
  for (const [file, data] of Object.entries(files)) {
    out.push(...validateParameter(file, data, options));
    const name = (data as Json | null)?.name;
    if (typeof name !== "string") continue;
    const base = file.replace(/^.*[\\/]/, "");
    if (base !== `${name}.json`) out.push(`${file}: bevat parameter ${name}; het bestand moet ${name}.json heten`);
    if (seen.has(name)) out.push(`${file}: parameter ${name} staat ook in ${seen.get(name)}`);
    seen.set(name, file);
  }
  return out;
}

/** A whole set in one document (a released set, or a user's own). */
export function validateParameterSetDocument(file: string, data: unknown, options: ValidateOptions & { requiredNames?: readonly string[] } = {}): string[] {
  const out: string[] = [];
  if (!checkSetSchema(data)) {
    const top = (checkSetSchema.errors ?? []).filter((e) => !/^\/parameters\/\d+/.test(e.instancePath));
    for (const e of top) out.push(`${file}: ${e.instancePath ? e.instancePath.slice(1).replace(/\//g, ".") : "het bestand"} ${schemaMessage(e)}`);
    if (top.length > 0 || !Array.isArray((data as Json | null)?.parameters)) return out;
  }
  const params = (data as Json).parameters as unknown[];
  const seen = new Set<string>();
  params.forEach((p, i) => {
    const name = (p as Json | null)?.name;
    const label = `${file}, parameter ${typeof name === "string" ? name : i + 1}`;
    out.push(...validateParameter(label, p, options));
    if (typeof name === "string") {
      if (seen.has(name)) out.push(`${label}: staat twee keer in de set`);
      seen.add(name);
    }
  });
  if (options.requiredNames) {
    const missing = options.requiredNames.filter((n) => !seen.has(n));
    const extra = [...seen].filter((n) => !options.requiredNames!.includes(n));
    if (missing.length > 0) out.push(`${file}: mist de parameter(s) ${missing.join(", ")}`);
    if (extra.length > 0) out.push(`${file}: onbekende parameter(s) ${extra.join(", ")} (bekend zijn: ${options.requiredNames.join(", ")})`);
  }
  return out;
}
