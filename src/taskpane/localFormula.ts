/**
 * A formula as the user reads and types it in their Excel. The add-in writes formulas in the invariant form
 * (range.formulas: English names, "," between arguments, "." for decimals); a Dutch Excel shows and parses
 * =PB.LKS(DATUM(2023;7;1);0,4;38). Excel's formula language follows Office's display language.
 * Array constants: in a comma-decimal Excel the column separator is "\" and the row separator stays ";"
 * ({1\2;3\4} for the invariant {1,2;3,4}).
 */

export type FormulaLanguage = "nl" | "en";

/** Office.context.displayLanguage ("nl-NL", "en-US", …) → the formula language shown in the pane. */
export function formulaLanguageOf(displayLanguage: string | undefined): FormulaLanguage {
  return /^en\b/i.test(displayLanguage ?? "") ? "en" : "nl";
}

/** Excel functions that occur in our examples and help, with their Dutch names. */
const DUTCH_NAMES: Record<string, string> = { DATE: "DATUM", TRUE: "WAAR", FALSE: "ONWAAR", SUM: "SOM", IF: "ALS" };

/** The invariant formula in the user's formula language; strings are left as they are. */
export function localFormula(invariant: string, lang: FormulaLanguage): string {
  if (lang === "en") return invariant;
  let out = "";
  let inArray = 0;
  for (let i = 0; i < invariant.length; i++) {
    const ch = invariant[i];
    if (ch === '"') {
      // Copy a string literal whole ("" is an escaped quote inside it).
      let j = i + 1;
      while (j < invariant.length) {
        if (invariant[j] === '"' && invariant[j + 1] === '"') j += 2;
        else if (invariant[j] === '"') break;
        else j++;
      }
      out += invariant.slice(i, j + 1);
      i = j;
      continue;
    }
    if (ch === "{") inArray++;
    else if (ch === "}") inArray = Math.max(0, inArray - 1);
    if (ch === ",") {
      out += inArray ? "\\" : ";";
      continue;
    }
    if (ch === "." && /\d/.test(invariant[i - 1] ?? "") && /\d/.test(invariant[i + 1] ?? "")) {
      out += ",";
      continue;
    }
    if (/[A-Za-z_]/.test(ch) && !/[A-Za-z0-9_.]/.test(invariant[i - 1] ?? "")) {
      const m = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(invariant.slice(i))!;
      const word = m[0];
      out += DUTCH_NAMES[word.toUpperCase()] ?? word;
      i += word.length - 1;
      continue;
    }
    out += ch;
  }
  return out;
}

/** The separator between arguments in the user's Excel, for signatures. */
export function argumentSeparator(lang: FormulaLanguage): string {
  return lang === "nl" ? ";" : ",";
}
