/**
 * What a controller probably meant when Excel holds text where a number or a date belongs: `'18.734.512,37` (an
 * amount typed with an apostrophe, or pasted from a report), `vierhonderd`, `'15-01-2024`, `2024-01-15`. The checks
 * use the reading to say "lijkt 18.734.512,37 — typ het als getal" instead of only "geen getal". Pure.
 */
import { isValidYmd, ymdToIso } from "../rules/dates";

const MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];

/** 18734512.37 → "18.734.512,37" (Dutch digits, `decimals` places). */
export function dutchNumber(x: number, decimals = 2): string {
  const [i, d] = Math.abs(x).toFixed(decimals).split(".");
  const body = i.replace(/\B(?=(\d{3})+(?!\d))/g, ".") + (d ? `,${d}` : "");
  return x < 0 ? `−${body}` : body;
}

/** "2024-01-15" → "15 januari 2024". */
export function dutchDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

const UNITS: Record<string, number> = { een: 1, één: 1, twee: 2, drie: 3, vier: 4, vijf: 5, zes: 6, zeven: 7, acht: 8, negen: 9 };
const TEENS: Record<string, number> = {
  tien: 10, elf: 11, twaalf: 12, dertien: 13, veertien: 14, vijftien: 15, zestien: 16, zeventien: 17, achttien: 18, negentien: 19,
};
const TENS: Record<string, number> = { twintig: 20, dertig: 30, veertig: 40, vijftig: 50, zestig: 60, zeventig: 70, tachtig: 80, negentig: 90 };

/** A whole number below 100 written out ("drieëntwintig", "zeven", "tachtig"), or undefined. */
function below100(s: string): number | undefined {
  if (s === "") return 0;
  if (s in UNITS) return UNITS[s];
  if (s in TEENS) return TEENS[s];
  if (s in TENS) return TENS[s];
  const m = /^(een|twee|drie|vier|vijf|zes|zeven|acht|negen)(?:en|ën)(twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig)$/.exec(s);
  return m ? UNITS[m[1]] + TENS[m[2]] : undefined;
}

/** Below 1000: "[n]honderd[rest]". */
function below1000(s: string): number | undefined {
  const i = s.indexOf("honderd");
  if (i < 0) return below100(s);
  const head = s.slice(0, i);
  const h = head === "" ? 1 : below100(head);
  const rest = below100(s.slice(i + "honderd".length).replace(/^en/, ""));
  return h === undefined || rest === undefined || h >= 10 ? undefined : h * 100 + rest;
}

/** Dutch number words as written in a cell ("vierhonderd", "tweeduizend vijfhonderd", "een miljoen"), or undefined. */
export function numberFromWords(text: string): number | undefined {
  let s = text.toLowerCase().replace(/euro|€/g, "").replace(/[\s-]+/g, "");
  if (!/^[a-zë]+$/.test(s)) return undefined;
  let total = 0;
  for (const [word, factor] of [
    ["miljoen", 1_000_000],
    ["duizend", 1000],
  ] as const) {
    const i = s.indexOf(word);
    if (i < 0) continue;
    const head = s.slice(0, i);
    const n = head === "" ? 1 : below1000(head);
    if (n === undefined) return undefined;
    total += n * factor;
    s = s.slice(i + word.length).replace(/^en/, "");
  }
  const rest = below1000(s);
  if (rest === undefined) return undefined;
  total += rest;
  return total > 0 || s === "nul" ? total : undefined;
}

/**
 * The number a text probably stands for: Dutch notation (18.734.512,37 or 1234,5), English notation with thousands
 * (18,734,512.37), a plain number, a percentage ("60%"), or words. Undefined when it cannot be told — "1.500" could be
 * fifteen hundred or one and a half, so it is not guessed.
 */
export function numberFromText(text: string): number | undefined {
  const t = text.trim().replace(/^'/, "").replace(/^€\s*/, "").replace(/\s/g, "");
  if (t === "") return undefined;
  const sign = t.startsWith("-") || t.startsWith("−") ? -1 : 1;
  const u = t.replace(/^[-−+]/, "");
  const pct = u.endsWith("%");
  const v = pct ? u.slice(0, -1) : u;
  let n: number | undefined;
  if (/^\d{1,3}(\.\d{3})+,\d+$/.test(v) || /^\d{1,3}(\.\d{3}){2,}$/.test(v)) n = Number(v.replace(/\./g, "").replace(",", "."));
  else if (/^\d+,\d+$/.test(v) && !/^\d{1,3},\d{3}$/.test(v)) n = Number(v.replace(",", "."));
  else if (/^\d{1,3}(,\d{3})+\.\d+$/.test(v) || /^\d{1,3}(,\d{3}){2,}$/.test(v)) n = Number(v.replace(/,/g, ""));
  else if (/^\d+(\.\d+)?$/.test(v) && !/^\d{1,3}\.\d{3}$/.test(v)) n = Number(v);
  else if (!pct) n = numberFromWords(text);
  if (n === undefined || !Number.isFinite(n)) return undefined;
  return sign * (pct ? n / 100 : n);
}

/**
 * The date a text probably stands for, as ISO: 15-01-2024, 15/1/2024, 15.1.2024, 2024-01-15, "15 januari 2024".
 * Day first, as in the Netherlands.
 */
export function dateFromText(text: string): string | undefined {
  const t = text.trim().replace(/^'/, "").toLowerCase();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})$/.exec(t);
  if (m) return iso(m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})$/.exec(t);
  if (m) {
    const month = MONTHS.findIndex((name) => name.startsWith(m![2]) && m![2].length >= 3);
    if (month >= 0) return iso(Number(m[3]), month + 1, Number(m[1]));
  }
  return undefined;
}

function iso(y: number, m: number, d: number): string | undefined {
  return isValidYmd(y, m, d) ? ymdToIso(y, m, d) : undefined;
}
