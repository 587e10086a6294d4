/**
 * The help page of every PB function, generated from the registry at build time (scripts/help.js, webpack) and
 * shipped in dist/help/: Dutch description and arguments (from functions.json, i.e. the JSDoc), the worked example in
 * Dutch notation with its result, the legal basis, and each parameter with every value and its source. Static HTML,
 * no script, no outside requests: it opens in Excel's help pane and in any browser.
 */
import { REGISTRY, FUNCTION_IDS, NAMESPACE, EXCEL_ONLY, EXCEL_FUNCTION_IDS } from "../functions/registry";
import { invoke, isErrorResult } from "../functions/invoke";
import type { RawArg } from "../functions/contract";
import { getParameter } from "../parameters";
import { citationParts, parameterValueText as valueText } from "../parameters/citation";
import { isoToSerial, serialToIso, ymdToIso } from "../rules/dates";
import { localFormula } from "../taskpane/localFormula";
import { shortDate } from "../taskpane/format";
import type { FunctionMetadata } from "../taskpane/types";

export function helpFile(id: string): string {
  return `help/${id.toLowerCase()}.html`;
}

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Split "a,{1,2},DATE(2023,7,1)" at top-level commas. */
function splitTop(s: string, sep = ","): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote = false;
  let cur = "";
  for (const ch of s) {
    if (ch === '"') quote = !quote;
    if (!quote && (ch === "(" || ch === "{")) depth++;
    if (!quote && (ch === ")" || ch === "}")) depth--;
    if (!quote && depth === 0 && ch === sep) {
      out.push(cur.trim());
      cur = "";
    } else cur += ch;
  }
  out.push(cur.trim());
  return out;
}

/** The constants our examples use: numbers, "text", TRUE/FALSE, DATE(y,m,d) and {…} arrays. */
export function exampleArg(text: string): RawArg {
  const t = text.trim();
  if (t === "") return undefined;
  if (/^"(.*)"$/.test(t)) return t.slice(1, -1).replace(/""/g, '"');
  if (/^TRUE$/i.test(t)) return true;
  if (/^FALSE$/i.test(t)) return false;
  const date = /^DATE\((\d+),(\d+),(\d+)\)$/i.exec(t.replace(/\s/g, ""));
  if (date) return isoToSerial(ymdToIso(Number(date[1]), Number(date[2]), Number(date[3])));
  if (t.startsWith("{") && t.endsWith("}")) {
    return t
      .slice(1, -1)
      .split(";")
      .map((row) => splitTop(row).map((c) => exampleArg(c) as number));
  }
  const n = Number(t);
  if (Number.isFinite(n)) return n;
  throw new Error(`voorbeeld niet te lezen: ${t}`);
}

/** The example's result as the user sees it in the cell. */
export function exampleResult(example: string): string {
  const m = /^=PB\.([A-Z0-9]+)\((.*)\)$/.exec(example);
  if (!m) return "";
  const args = m[2].trim() === "" ? [] : splitTop(m[2]).map(exampleArg);
  const spec = REGISTRY.get(m[1])!;
  const r = invoke(m[1], args);
  if (isErrorResult(r)) return `${r.error} (${r.message})`;
  const show = (v: unknown): string => {
    if (typeof v === "number") {
      if (spec.result === "date") return shortDate(serialToIso(v) ?? String(v));
      // Money with thousands separators and cents; other numbers (years, counts) as typed.
      return spec.result === "money"
        ? v.toLocaleString("nl-NL", { minimumFractionDigits: 2, maximumFractionDigits: 2 })
        : v.toLocaleString("nl-NL", { useGrouping: false, maximumFractionDigits: 10 });
    }
    if (typeof v === "boolean") return v ? "WAAR" : "ONWAAR";
    return String(v);
  };
  return Array.isArray(r) ? r.map((row) => row.map(show).join(" | ")).join("; ") : show(r);
}

const STYLE = `
body{font-family:"Segoe UI",system-ui,sans-serif;margin:0;padding:16px;max-width:52rem;line-height:1.45;color:#242424;background:#fff;overflow-wrap:anywhere}
@media (prefers-color-scheme:dark){body{color:#f0f0f0;background:#1f1f1f}a{color:#8fc1ff}code{background:#333}th,td{border-color:#555}}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:1.4rem}
code{font-family:Consolas,monospace;background:#f0f0f0;padding:1px 4px;border-radius:3px}
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border:1px solid #d1d1d1;padding:4px 6px;text-align:left;vertical-align:top}
.small{font-size:.85rem;opacity:.85}`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="nl">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)} — PB Rekenkit</title><style>${STYLE}</style></head>
<body>
${body}
</body>
</html>
`;
}

export interface HelpPage {
  path: string;
  html: string;
}

export function helpPages(metadata: readonly FunctionMetadata[]): HelpPage[] {
  const byId = new Map(metadata.map((m) => [m.id.toUpperCase(), m]));
  const pages = FUNCTION_IDS.map((id): HelpPage => {
    const spec = REGISTRY.get(id)!;
    const meta = byId.get(id);
    const full = `${NAMESPACE}.${id}`;
    const sig = `${full}(${spec.args.map((a) => (a.optional ? `[${a.name}]` : a.name)).join("; ")})`;
    const args = spec.args
      .map((a, i) => {
        const d = meta?.parameters?.find((p) => p.name === a.name)?.description ?? meta?.parameters?.[i]?.description ?? "";
        return `<tr><td><code>${esc(a.name)}</code>${a.optional ? " (optioneel)" : ""}</td><td>${esc(d)}</td></tr>`;
      })
      .join("\n");
    const params = spec.parameters
      .map((name) => {
        const p = getParameter(name);
        const rows = p.values
          .map((v) => {
            const c = citationParts(v.source, v.from);
            const src = [c.title, c.publicatie, c.confidence].filter((x): x is string => !!x).map(esc).join("; ");
            const link = c.url ? ` (<a href="${esc(c.url)}">wetten.overheid.nl</a>)` : "";
            return `<tr><td>${esc(c.from ?? "")}</td><td>${esc(valueText(v.value))}</td><td>${src}${link}</td></tr>`;
          })
          .join("\n");
        const until = p.until ? `<p class="small">De tabel loopt tot en met ${esc(shortDate(addDay(p.until, -1)))}; een latere datum geeft #N/A.</p>` : "";
        return `<h3><code>${esc(name)}</code></h3><p>${esc(p.description)}</p>
<table><thead><tr><th>Geldig vanaf</th><th>Waarde (${esc(p.unit)})</th><th>Bron</th></tr></thead><tbody>
${rows}
</tbody></table>${until}`;
      })
      .join("\n");
    const body = `<p class="small"><a href="index.html">Alle PB-functies</a></p>
<h1>${esc(full)}</h1>
<p>${esc(meta?.description ?? "")}</p>
<p><code>${esc(sig)}</code></p>
<h2>Argumenten</h2>
<table><thead><tr><th>Argument</th><th>Betekenis</th></tr></thead><tbody>
${args || '<tr><td colspan="2">Geen argumenten.</td></tr>'}
</tbody></table>
<h2>Voorbeeld</h2>
<p><code>${esc(localFormula(spec.example, "nl"))}</code> geeft <strong>${esc(exampleResult(spec.example))}</strong>.</p>
<p class="small">In Excel met Engelse functienamen: <code>${esc(spec.example)}</code>.</p>
<h2>Wettelijke grondslag</h2>
<p>${esc(spec.legalBasis)}</p>
${params ? `<h2>Parameters en bronnen</h2>\n${params}` : ""}
<h2>Foutmeldingen</h2>
<p>Verkeerde of onmogelijke invoer geeft <code>#WAARDE!</code> (Engelse Excel: <code>#VALUE!</code>); geen waarde voor die datum, of niet van toepassing,
geeft <code>#N/B</code> (<code>#N/A</code>). Wijs de cel aan: Excel toont de uitleg bij het waarschuwingsteken.</p>`;
    return { path: helpFile(id), html: page(full, body) };
  });
  for (const spec of EXCEL_ONLY.values()) {
    const meta = byId.get(spec.id);
    const full = `${NAMESPACE}.${spec.id}`;
    const args = spec.args
      .map((a, i) => {
        const d = meta?.parameters?.find((p) => p.name === a.name)?.description ?? meta?.parameters?.[i]?.description ?? "";
        return `<tr><td><code>${esc(a.name)}</code>${a.optional ? " (optioneel)" : ""}</td><td>${esc(d)}</td></tr>`;
      })
      .join("\n");
    const body = `<p class="small"><a href="index.html">Alle PB-functies</a></p>
<h1>${esc(full)}</h1>
<p>${esc(meta?.description ?? "")}</p>
<p><code>${esc(`${full}(${spec.args.map((a) => a.name).join("; ")})`)}</code></p>
<h2>Argumenten</h2>
<table><thead><tr><th>Argument</th><th>Betekenis</th></tr></thead><tbody>
${args}
</tbody></table>
<h2>Voorbeeld</h2>
<p><code>${esc(localFormula(spec.example, "nl"))}</code> naast een cel D2 met <code>=PB.LKS(A2;B2;C2)</code> geeft een tabel: een kopregel, de cel met
haar waarde en of die gelijk is aan de rekenregels, dan per PB-aanroep de functie met grondslag en regelversie, elke invoer met de cel waar die vandaan komt,
elke parameter met waarde, eenheid, geldigheid en bron, en tot slot de parameterset.</p>
<p class="small">In Excel met Engelse functienamen: <code>${esc(spec.example)}</code>.</p>
<h2>Wat het doet</h2>
<p>${esc(spec.about)} Een formule met meer PB-functies (genest) krijgt een blok per functie. PB.UITLEG leest de formule en de cellen die zij
gebruikt via Excel en schrijft niets in de werkmap. Het taakvenster (onderdeel Uitleg) toont hetzelfde voor de geselecteerde cel.</p>
<h2>Foutmeldingen</h2>
<p><code>#N/B</code> (<code>#N/A</code>) als de cel geen PB-formule bevat, zelf een PB.UITLEG is, of Excel het adres van de cel niet doorgeeft
(oudere Excel); <code>#WAARDE!</code> (<code>#VALUE!</code>) als het argument geen verwijzing naar één cel is.</p>
<h2>Buiten Excel</h2>
<p><code>pb recalc</code> en <code>pb eval</code> kennen PB.UITLEG niet (de uitleg leest formules via Excel): <code>pb recalc</code> meldt de cel als
&quot;alleen in Excel&quot;: niet vergeleken, geen verschil; het bedrag dat zij uitlegt rekent het wel na, en
<code>pb recalc --bonnen</code> geeft daarvan het bonnetje.</p>`;
    pages.push({ path: helpFile(spec.id), html: page(full, body) });
  }
  const list = EXCEL_FUNCTION_IDS.map((id) => {
    const d = byId.get(id)?.description ?? "";
    return `<li><a href="${esc(helpFile(id).slice(5))}">${NAMESPACE}.${id}</a> — ${esc(d)}</li>`;
  }).join("\n");
  pages.push({ path: "help/index.html", html: page("PB-functies", `<h1>PB-functies</h1>\n<ul>\n${list}\n</ul>`) });
  return pages;
}

function addDay(iso: string, days: number): string {
  const [y, m, d] = iso.split("-").map(Number);
  const t = new Date(Date.UTC(y, m - 1, d) + days * 86_400_000);
  return ymdToIso(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}
