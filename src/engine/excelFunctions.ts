/**
 * Excel functions HyperFormula 3.5 lacks or gets wrong, as HyperFormula plugins, so that workbooks municipal finance
 * teams keep today recalculate outside Excel. Each follows Microsoft's definition; tests/engine/excelFunctions.test.ts
 * checks each against LibreOffice where LibreOffice 7.4 has the function, and against worked examples otherwise.
 *
 * Where HyperFormula already holds the machinery (criteria, lookups, text coercion), a plugin extends HyperFormula's
 * own plugin class and reuses it, so the new function agrees with its siblings by construction: XMATCH searches as
 * XLOOKUP does, AVERAGEIFS matches criteria as SUMIFS/COUNTIFS do, CONCAT coerces as TEXTJOIN does.
 *
 * HyperFormula is GPL-3.0 (or commercial); like the rest of src/engine this is used only by the `pb` command line.
 */
import { CellError, EmptyValue, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula, SimpleRangeValue, type ImplementedFunctions } from "hyperformula";

// HyperFormula's plugin classes and interpreter values are internal; these helpers only pass them through.
/* eslint-disable @typescript-eslint/no-explicit-any */
type Ast = any;
type State = any;
type PluginClass = new (...args: any[]) => any;

/** The name of the function that carries a Dutch "cannot be recalculated" reason into a cell (see rewrite.ts). */
export const UNSUPPORTED_FUNCTION = "PBREKENKIT.NIETONDERSTEUND";

/** HyperFormula's own plugin class for a built-in function (exported by the package only through this call). */
function builtinPlugin(functionId: string): PluginClass {
  const plugin = HyperFormula.getFunctionPlugin(functionId) as unknown as PluginClass | undefined;
  if (!plugin) throw new Error(`HyperFormula has no plugin for ${functionId}`);
  return plugin;
}

/** A number as HyperFormula holds it (dates and currencies are objects with `val`), else undefined. */
function numberOf(v: unknown): number | undefined {
  if (typeof v === "number") return v;
  if (typeof v === "object" && v !== null && !(v instanceof CellError) && "val" in v) return (v as { val: number }).val;
  return undefined;
}

function valueError(message: string): CellError {
  return new CellError(ErrorType.VALUE, message);
}

function notFound(message = "Waarde niet gevonden."): CellError {
  return new CellError(ErrorType.NA, message);
}

/** Values of a range or scalar argument, row by row. */
function flat(arg: unknown): unknown[] {
  if (arg instanceof SimpleRangeValue) return arg.data.flat();
  return [arg];
}

// ------------------------------------------------------------------------------------------ SINGLE (@)

/**
 * SINGLE(x), stored by Excel for `@x` (implicit intersection). Microsoft: a single value is returned as is; a range
 * gives the cell on the formula's own row (a column), own column (a row) or both (a block); an array gives its
 * top-left value. Excel intersects by row and column number, also with a range on another sheet.
 */
class SinglePlugin extends FunctionPlugin {
  single(ast: Ast, state: State) {
    return this.runFunction(ast.args, state, this.metadata("SINGLE"), (arg: unknown): any => {
      if (!(arg instanceof SimpleRangeValue)) return arg;
      const range = (arg as any).range;
      if (arg.isAdHoc() || range === undefined) return arg.data[0]?.[0] ?? valueError("Leeg bereik.");
      const { row, col } = state.formulaAddress;
      const height = arg.height();
      const width = arg.width();
      const r = height === 1 ? 0 : row - range.start.row;
      const c = width === 1 ? 0 : col - range.start.col;
      if (r < 0 || r >= height || c < 0 || c >= width) {
        return valueError("@: het bereik heeft geen cel in de rij of kolom van deze formule.");
      }
      // One cell read, not the whole range materialised (SINGLE(INDEX(A:B;0;2)) would copy a million cells).
      const v = this.dependencyGraph.getCellValue({ sheet: range.start.sheet, row: range.start.row + r, col: range.start.col + c });
      return v === EmptyValue ? 0 : v;
    });
  }
}
(SinglePlugin as any).implementedFunctions = {
  SINGLE: { method: "single", parameters: [{ argumentType: FunctionArgumentType.ANY }] },
} satisfies ImplementedFunctions;

// ------------------------------------------------------------------------------------------ unsupported marker

/** PBREKENKIT.NIETONDERSTEUND("reden"): #NAME? carrying the Dutch reason why a formula cannot be recalculated here. */
class UnsupportedPlugin extends FunctionPlugin {
  unsupported(ast: Ast, state: State) {
    return this.runFunction(ast.args, state, this.metadata(UNSUPPORTED_FUNCTION), (reason: string) => new CellError(ErrorType.NAME, reason));
  }
}
(UnsupportedPlugin as any).implementedFunctions = {
  [UNSUPPORTED_FUNCTION]: { method: "unsupported", parameters: [{ argumentType: FunctionArgumentType.STRING }] },
} satisfies ImplementedFunctions;

// ------------------------------------------------------------------------------------------ text

/** CONCAT(tekst1, …): TEXTJOIN("", FALSE, tekst1, …) by Microsoft's definition; HyperFormula's TEXTJOIN coercion. */
function textPlugins(): PluginClass[] {
  const TextPlugin = builtinPlugin("TEXTJOIN");
  class ConcatPlugin extends TextPlugin {
    concat(ast: Ast, state: State) {
      return this.runFunction(ast.args, state, this.metadata("CONCAT"), (...args: unknown[]) => {
        let out = "";
        for (const arg of args) {
          const parts = this.flattenArgToStrings(arg);
          if (parts instanceof CellError) return parts;
          out += parts.join("");
        }
        return out.length > 32767 ? valueError("De tekst is langer dan 32.767 tekens.") : out;
      });
    }

    textbefore(ast: Ast, state: State) {
      return this.runFunction(ast.args, state, this.metadata("TEXTBEFORE"), (...args: unknown[]) => textAround("before", args));
    }

    textafter(ast: Ast, state: State) {
      return this.runFunction(ast.args, state, this.metadata("TEXTAFTER"), (...args: unknown[]) => textAround("after", args));
    }
  }
  const around = [
    { argumentType: FunctionArgumentType.STRING },
    { argumentType: FunctionArgumentType.ANY },
    // emptyAsDefault: Excel reads TEXTBEFORE(t,"-",,1) with the instance left empty as the default 1.
    { argumentType: FunctionArgumentType.INTEGER, defaultValue: 1, emptyAsDefault: true },
    { argumentType: FunctionArgumentType.INTEGER, defaultValue: 0, emptyAsDefault: true },
    { argumentType: FunctionArgumentType.INTEGER, defaultValue: 0, emptyAsDefault: true },
    { argumentType: FunctionArgumentType.SCALAR, optionalArg: true },
  ];
  (ConcatPlugin as any).implementedFunctions = {
    CONCAT: { method: "concat", repeatLastArgs: 1, parameters: [{ argumentType: FunctionArgumentType.ANY }] },
    TEXTBEFORE: { method: "textbefore", parameters: around },
    TEXTAFTER: { method: "textafter", parameters: around },
  } satisfies ImplementedFunctions;
  return [ConcatPlugin];
}

/**
 * TEXTBEFORE/TEXTAFTER(tekst, scheidingsteken, [exemplaar], [hoofdletters_negeren], [einde_als_scheidingsteken],
 * [indien_niet_gevonden]) after Microsoft's definition: the delimiter may be a list (any of them); a negative instance
 * counts from the end; match_end makes the end (counting from the front) or the start (from the end) a delimiter.
 */
function textAround(side: "before" | "after", args: unknown[]): unknown {
  const [text, delimiterArg, instance, matchMode, matchEnd, ifNotFound] = args as [string, unknown, number, number, number, unknown];
  const delimiters: string[] = [];
  for (const d of flat(delimiterArg)) {
    if (d instanceof CellError) return d;
    delimiters.push(d === EmptyValue ? "" : typeof d === "boolean" ? (d ? "TRUE" : "FALSE") : String(numberOf(d) ?? d));
  }
  if (instance === 0 || Math.abs(instance) > text.length + (text.length === 0 ? 1 : 0)) return valueError("exemplaar is 0 of groter dan de lengte van de tekst.");
  if (matchMode !== 0 && matchMode !== 1) return valueError("hoofdletters_negeren moet 0 of 1 zijn.");
  if (matchEnd !== 0 && matchEnd !== 1) return valueError("einde_als_scheidingsteken moet 0 of 1 zijn.");
  const fold = (s: string) => (matchMode === 1 ? s.toLowerCase() : s);
  const hay = fold(text);
  const needles = delimiters.map(fold);
  const miss = () => (ifNotFound === undefined ? notFound("Het scheidingsteken komt niet (zo vaak) voor in de tekst.") : ifNotFound);
  // Every delimiter occurrence, scanning from the front: [start, end).
  const found: [number, number][] = [];
  if (needles.some((n) => n === "")) {
    // An empty delimiter matches at once: at the start (from the front) or at the end (from the back).
    const at = instance > 0 ? 0 : text.length;
    found.push([at, at]);
  } else {
    for (let i = 0; i < hay.length; ) {
      let best: [number, number] | undefined;
      for (const n of needles) {
        const p = hay.indexOf(n, i);
        if (p !== -1 && (!best || p < best[0] || (p === best[0] && p + n.length > best[1]))) best = [p, p + n.length];
      }
      if (!best) break;
      found.push(best);
      i = best[1];
    }
  }
  let hit: [number, number] | undefined;
  if (instance > 0) {
    const list = matchEnd === 1 ? [...found, [text.length, text.length] as [number, number]] : found;
    hit = list[instance - 1];
  } else {
    const list = matchEnd === 1 ? [[0, 0] as [number, number], ...found] : found;
    hit = list[list.length + instance];
  }
  if (!hit) return miss();
  return side === "before" ? text.slice(0, hit[0]) : text.slice(hit[1]);
}

// ------------------------------------------------------------------------------------------ lookup

/**
 * XMATCH(zoekwaarde, zoekmatrix, [overeenkomst], [zoekmodus]): the position (from 1) of what XLOOKUP with the same
 * modes would return; it calls HyperFormula's own XLOOKUP search, so the two cannot disagree.
 * LOOKUP(zoekwaarde, zoekvector, [resultaatvector]) and LOOKUP(zoekwaarde, matrix): approximate match as Excel
 * documents it (the last value not greater than the lookup value, values of another type and errors skipped, so the
 * idiom LOOKUP(2, 1/(A:A<>""), A:A) finds the last filled cell).
 */
function lookupPlugins(): PluginClass[] {
  const LookupPlugin = builtinPlugin("XLOOKUP");
  class ExcelLookupPlugin extends LookupPlugin {
    xmatch(ast: Ast, state: State) {
      return this.runFunction(ast.args, state, this.metadata("XMATCH"), (key: unknown, lookup: unknown, matchMode: number, searchMode: number) => {
        if (![0, -1, 1, 2].includes(matchMode)) return valueError("overeenkomst moet 0, -1, 1 of 2 zijn.");
        if (![1, -1, 2, -2].includes(searchMode)) return valueError("zoekmodus moet 1, -1, 2 of -2 zijn.");
        const range = lookup instanceof SimpleRangeValue ? lookup : SimpleRangeValue.fromScalar(lookup as any);
        if (range.width() > 1 && range.height() > 1) return valueError("De zoekmatrix moet één rij of één kolom zijn.");
        const searchOptions = {
          ordering: searchMode === 2 ? "asc" : searchMode === -2 ? "desc" : "none",
          returnOccurrence: searchMode === -1 ? "last" : "first",
          ifNoMatch: matchMode === -1 ? "returnLowerBound" : matchMode === 1 ? "returnUpperBound" : "returnNotFound",
        };
        const strategy = range.width() === 1 ? this.columnSearch : this.rowSearch;
        const index = this.searchInRange(key === EmptyValue ? 0 : key, range, matchMode === 2, searchOptions, strategy);
        return index === -1 ? notFound() : index + 1;
      });
    }

    lookup(ast: Ast, state: State) {
      return this.runFunction(ast.args, state, this.metadata("LOOKUP"), (key: unknown, lookupArg: unknown, resultArg: unknown) => {
        const lookupRange = lookupArg instanceof SimpleRangeValue ? lookupArg : SimpleRangeValue.fromScalar(lookupArg as any);
        let keys: unknown[];
        let results: unknown[];
        if (resultArg === undefined) {
          // Array form: search the first row of a wide array, else the first column; return from the last.
          const d = lookupRange.data;
          if (lookupRange.width() > lookupRange.height()) {
            keys = d[0];
            results = d[d.length - 1];
          } else {
            keys = d.map((r) => r[0]);
            results = d.map((r) => r[r.length - 1]);
          }
        } else {
          keys = lookupRange.width() === 1 || lookupRange.height() === 1 ? flat(lookupRange) : lookupRange.data.map((r) => r[0]);
          results = flat(resultArg);
        }
        const index = approximateIndex(key === EmptyValue ? 0 : key, keys, (a, b) => this.arithmeticHelper.compare(a, b));
        if (index === -1) return notFound();
        if (index >= results.length) return notFound("De resultaatvector is korter dan de zoekvector.");
        const v = results[index];
        return v === EmptyValue ? 0 : v;
      });
    }
  }
  (ExcelLookupPlugin as any).implementedFunctions = {
    XMATCH: {
      method: "xmatch",
      parameters: [
        { argumentType: FunctionArgumentType.NOERROR },
        { argumentType: FunctionArgumentType.RANGE },
        { argumentType: FunctionArgumentType.NUMBER, defaultValue: 0, emptyAsDefault: true },
        { argumentType: FunctionArgumentType.NUMBER, defaultValue: 1, emptyAsDefault: true },
      ],
    },
    LOOKUP: {
      method: "lookup",
      parameters: [
        { argumentType: FunctionArgumentType.NOERROR },
        { argumentType: FunctionArgumentType.RANGE },
        { argumentType: FunctionArgumentType.RANGE, optionalArg: true },
      ],
    },
  } satisfies ImplementedFunctions;
  return [ExcelLookupPlugin];
}

function kindOf(v: unknown): "number" | "string" | "boolean" | undefined {
  if (numberOf(v) !== undefined) return "number";
  if (typeof v === "string") return "string";
  if (typeof v === "boolean") return "boolean";
  return undefined;
}

/** The last position whose value has the key's type and is not greater than the key; -1 when there is none. */
function approximateIndex(key: unknown, values: unknown[], compare: (a: unknown, b: unknown) => number): number {
  const kind = kindOf(key);
  let found = -1;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (kindOf(v) === kind && compare(v, key) <= 0) found = i;
  }
  return found;
}

// ------------------------------------------------------------------------------------------ statistics

/**
 * AVERAGEIFS(gemiddelde_bereik, criteria_bereik1, criterium1, …): the mean of the numbers in the first range whose
 * row meets every criterion; criteria are matched by HyperFormula's SUMIFS/COUNTIFS machinery; none → #DIV/0!.
 */
function statisticsPlugins(): PluginClass[] {
  const ConditionalPlugin = builtinPlugin("SUMIFS");
  class AverageIfsPlugin extends ConditionalPlugin {
    averageifs(ast: Ast, state: State) {
      return this.runFunction(ast.args, state, this.metadata("AVERAGEIFS"), (values: unknown, ...conditions: unknown[]) => {
        const r = this.computeConditionalAggregationFunction(
          values,
          conditions,
          "AVERAGEIFS",
          { sum: 0, count: 0 },
          (a: { sum: number; count: number }, b: { sum: number; count: number }) => ({ sum: a.sum + b.sum, count: a.count + b.count }),
          (v: unknown) => {
            if (v instanceof CellError) return v;
            const n = numberOf(v);
            return n === undefined ? { sum: 0, count: 0 } : { sum: n, count: 1 };
          },
        );
        if (r instanceof CellError) return r;
        return r.count === 0 ? new CellError(ErrorType.DIV_BY_ZERO, "Geen enkele cel voldoet aan de criteria.") : r.sum / r.count;
      });
    }
  }
  (AverageIfsPlugin as any).implementedFunctions = {
    AVERAGEIFS: {
      method: "averageifs",
      parameters: [{ argumentType: FunctionArgumentType.RANGE }, { argumentType: FunctionArgumentType.RANGE }, { argumentType: FunctionArgumentType.NOERROR }],
      repeatLastArgs: 2,
    },
  } satisfies ImplementedFunctions;
  return [AverageIfsPlugin];
}

/**
 * RANK/RANK.EQ/RANK.AVG(getal, verw, [volgorde]): 1 + how many numbers in verw are greater (volgorde 0, the default)
 * or smaller (otherwise); RANK.AVG gives tied numbers the mean of their places. Text, logical values and empty cells
 * in verw are ignored; a getal that is not among the numbers is #N/A.
 */
class RankPlugin extends FunctionPlugin {
  rank(ast: Ast, state: State) {
    return this.runFunction(ast.args, state, this.metadata("RANK"), (n: number, ref: unknown, order: number): any => rankOf(n, ref, order, false));
  }

  rankeq(ast: Ast, state: State) {
    return this.runFunction(ast.args, state, this.metadata("RANK.EQ"), (n: number, ref: unknown, order: number): any => rankOf(n, ref, order, false));
  }

  rankavg(ast: Ast, state: State) {
    return this.runFunction(ast.args, state, this.metadata("RANK.AVG"), (n: number, ref: unknown, order: number): any => rankOf(n, ref, order, true));
  }
}
const RANK_PARAMETERS = [
  { argumentType: FunctionArgumentType.NUMBER },
  { argumentType: FunctionArgumentType.RANGE },
  { argumentType: FunctionArgumentType.NUMBER, defaultValue: 0 },
];
(RankPlugin as any).implementedFunctions = {
  RANK: { method: "rank", parameters: RANK_PARAMETERS },
  "RANK.EQ": { method: "rankeq", parameters: RANK_PARAMETERS },
  "RANK.AVG": { method: "rankavg", parameters: RANK_PARAMETERS },
} satisfies ImplementedFunctions;

function rankOf(n: number, ref: unknown, order: number, average: boolean): unknown {
  let before = 0;
  let equal = 0;
  for (const v of flat(ref)) {
    if (v instanceof CellError) return v;
    if (typeof v === "boolean") continue;
    const x = numberOf(v);
    if (x === undefined) continue;
    if (x === n) equal++;
    else if (order === 0 ? x > n : x < n) before++;
  }
  if (equal === 0) return notFound("Het getal komt niet voor in de verwijzing.");
  return average ? before + (equal + 1) / 2 : before + 1;
}

// ------------------------------------------------------------------------------------------ NUMBERVALUE

/**
 * NUMBERVALUE(tekst, [decimaalteken], [groepsscheidingsteken]) after Microsoft's rules: spaces are removed; group
 * separators count only before the decimal separator; a second decimal separator, or a group separator after it, is
 * #VALUE!; each trailing % divides by 100; empty text is 0. Without separators Excel uses the computer's; the
 * workbooks this engine audits are calculated in Dutch Excel, so "," (decimal) and "." (groups).
 */
class NumberValuePlugin extends FunctionPlugin {
  numbervalue(ast: Ast, state: State) {
    return this.runFunction(ast.args, state, this.metadata("NUMBERVALUE"), (text: string, decimal: string | undefined, group: string | undefined) => {
      const dec = (decimal ?? ",").charAt(0);
      const grp = (group ?? (dec === "." ? "," : ".")).charAt(0);
      if (dec === "" || grp === "" || dec === grp) return valueError("Ongeldig decimaalteken of groepsscheidingsteken.");
      let s = text.replace(/\s+/g, "");
      if (s === "") return 0;
      let percent = 0;
      while (s.endsWith("%")) {
        percent++;
        s = s.slice(0, -1);
      }
      const parts = s.split(dec);
      if (parts.length > 2) return valueError(`"${text}" heeft meer dan één decimaalteken.`);
      if (parts.length === 2 && parts[1].includes(grp)) return valueError(`"${text}" heeft een groepsscheidingsteken na het decimaalteken.`);
      const plain = parts[0].split(grp).join("") + (parts.length === 2 ? `.${parts[1]}` : "");
      if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(plain)) return valueError(`"${text}" is geen getal.`);
      return Number(plain) / 100 ** percent;
    });
  }
}
(NumberValuePlugin as any).implementedFunctions = {
  NUMBERVALUE: {
    method: "numbervalue",
    parameters: [
      { argumentType: FunctionArgumentType.STRING },
      { argumentType: FunctionArgumentType.STRING, optionalArg: true },
      { argumentType: FunctionArgumentType.STRING, optionalArg: true },
    ],
  },
} satisfies ImplementedFunctions;

// ------------------------------------------------------------------------------------------ dates

/**
 * HyperFormula 3.5's EDATE clamps to a fixed 28-day February (EDATE(29-3-2027; 11) gave 28-2-2028, Excel 29-2-2028)
 * and takes fractional months literally (Excel truncates); its DATEDIF knows only upper-case units (Excel ignores
 * case). Same plugin class, the two methods replaced; everything else is HyperFormula's.
 */
function datePlugins(): PluginClass[] {
  const DateTimePlugin = builtinPlugin("EDATE");
  const upstreamDatedif = DateTimePlugin.prototype.datedif;
  class ExcelDatePlugin extends DateTimePlugin {
    edate(ast: Ast, state: State) {
      return this.runFunction(ast.args, state, this.metadata("EDATE"), (serial: number, delta: number) => {
        const d = this.dateTimeHelper.numberToSimpleDate(serial);
        const total = 12 * d.year + d.month - 1 + Math.trunc(delta);
        const year = Math.floor(total / 12);
        const month = total - 12 * year + 1;
        const day = Math.min(d.day, this.dateTimeHelper.daysInMonth(year, month));
        const out = this.dateTimeHelper.getWithinBounds(this.dateTimeHelper.dateToNumber({ year, month, day }));
        return out === undefined ? new CellError(ErrorType.NUM, "De datum valt buiten het bereik van Excel.") : out;
      });
    }

    datedif(ast: Ast, state: State) {
      // The unit is the third argument; upper-case it when it is a literal, else wrap the call's argument in UPPER().
      const args = ast.args.slice();
      if (args[2]) args[2] = { type: "FUNCTION_CALL", procedureName: "UPPER", args: [args[2]] };
      return upstreamDatedif.call(this, { ...ast, args }, state);
    }
  }
  const meta = (DateTimePlugin as any).implementedFunctions;
  (ExcelDatePlugin as any).implementedFunctions = { EDATE: meta.EDATE, DATEDIF: meta.DATEDIF } satisfies ImplementedFunctions;
  return [ExcelDatePlugin];
}

// ------------------------------------------------------------------------------------------ ROUND

/** n × 10^k on the decimal digits of n (so 1.005 × 10² is 100.5, not 100.49999999999999). */
function shiftDecimal(n: number, k: number): number {
  const [mantissa, exponent] = n.toExponential().split("e");
  return Number(`${mantissa}e${Number(exponent) + k}`);
}

/**
 * ROUND, ROUNDUP, ROUNDDOWN as Excel: on the number as Excel shows it (15 significant digits), half away from zero;
 * aantal_decimalen truncated. HyperFormula multiplies in binary, so ROUND(1,005;2) gave 1 (Excel 1,01) and
 * ROUNDUP(0,1+0,2;1) 0,4 (Excel 0,3). Only a product within 1e-9 of a tie (ROUND) or of a whole number (ROUNDUP,
 * ROUNDDOWN) takes the decimal route; every other number is rounded as before, at the same speed.
 */
function excelRound(x: number, places: number, mode: "half" | "up" | "down"): number {
  if (!Number.isFinite(x) || x === 0) return x;
  const d = Math.trunc(places);
  const sign = x < 0 ? -1 : 1;
  const a = Math.abs(x);
  const f = a * 10 ** d;
  const near = mode === "half" ? Math.abs(f - Math.floor(f) - 0.5) : Math.abs(f - Math.round(f));
  const exact = near <= 1e-9 * Math.max(1, f) ? shiftDecimal(Number(a.toPrecision(15)), d) : f;
  const r = mode === "half" ? Math.floor(exact + 0.5) : mode === "up" ? Math.ceil(exact) : Math.floor(exact);
  return sign * (exact === f ? r / 10 ** d : shiftDecimal(r, -d));
}

function roundPlugins(): PluginClass[] {
  const RoundingPlugin = builtinPlugin("ROUND");
  class ExcelRoundPlugin extends RoundingPlugin {
    round(ast: Ast, state: State) {
      return this.runFunction(ast.args, state, this.metadata("ROUND"), (x: number, places: number) => excelRound(x, places, "half"));
    }

    roundup(ast: Ast, state: State) {
      return this.runFunction(ast.args, state, this.metadata("ROUNDUP"), (x: number, places: number) => excelRound(x, places, "up"));
    }

    rounddown(ast: Ast, state: State) {
      return this.runFunction(ast.args, state, this.metadata("ROUNDDOWN"), (x: number, places: number) => excelRound(x, places, "down"));
    }
  }
  const meta = (RoundingPlugin as any).implementedFunctions;
  (ExcelRoundPlugin as any).implementedFunctions = { ROUND: meta.ROUND, ROUNDUP: meta.ROUNDUP, ROUNDDOWN: meta.ROUNDDOWN } satisfies ImplementedFunctions;
  // the parent's aliases (ISO.CEILING …) stay with the parent
  (ExcelRoundPlugin as any).aliases = {};
  return [ExcelRoundPlugin];
}

// ------------------------------------------------------------------------------------------ INDEX

/** HyperFormula's ArraySize (internal): the predicted size of a function's result, needed before it is evaluated. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ArraySize } = require(require("path").join(require("path").dirname(require.resolve("hyperformula")), "ArraySize.js")) as {
  ArraySize: new (width: number, height: number) => unknown;
};

/** A whole-number literal argument (INDEX(A1:C9;0;2)), else undefined: the result's size is known before evaluation. */
function literalNumber(ast: Ast): number | undefined {
  if (ast?.type === "NUMBER") return Math.trunc(ast.value);
  return undefined;
}

/**
 * INDEX(matrix, rij, [kolom]) as Excel has it; HyperFormula 3.5 refuses rij or kolom 0 (#VALUE!), where Excel gives
 * the whole column or row (INDEX(A1:B12;0;2) is B1:B12, summed by SUM(INDEX(…)) and intersected in a plain formula),
 * takes a one-row matrix's single index as the column (INDEX({"a","b"};2) is "b"; HyperFormula #NUM!) and answers an
 * index beyond the matrix with #REF! (HyperFormula #NUM!). A column or row of a range stays a range, so SINGLE()
 * intersects it and dependants see the cells.
 */
function indexPlugins(): PluginClass[] {
  const InformationPlugin = builtinPlugin("INDEX");
  class ExcelIndexPlugin extends InformationPlugin {
    index(ast: Ast, state: State) {
      return this.runFunction(ast.args, state, this.metadata("INDEX"), (matrix: SimpleRangeValue, rowArg: number, colArg: number | undefined): any => {
        const height = matrix.height();
        const width = matrix.width();
        let row = Math.trunc(rowArg);
        let col = colArg === undefined ? undefined : Math.trunc(colArg);
        if (col === undefined) {
          if (height === 1 && width > 1) [row, col] = [1, row];
          else col = width === 1 ? 1 : 0;
        }
        if (row < 0 || col < 0) return valueError("INDEX: rij en kolom mogen niet negatief zijn.");
        if (row > height || col > width) return new CellError(ErrorType.REF, "INDEX: de rij of kolom valt buiten de matrix.");
        if (row > 0 && col > 0) return matrix.data[row - 1][col - 1];
        const top = row > 0 ? row - 1 : 0;
        const left = col > 0 ? col - 1 : 0;
        const h = row > 0 ? 1 : height;
        const w = col > 0 ? 1 : width;
        const range = (matrix as any).range;
        if (range !== undefined && !matrix.isAdHoc()) {
          const start = { sheet: range.start.sheet, row: range.start.row + top, col: range.start.col + left };
          return SimpleRangeValue.onlyRange(range.constructor.spanFrom(start, w, h), this.dependencyGraph);
        }
        return SimpleRangeValue.onlyValues(matrix.data.slice(top, top + h).map((r) => r.slice(left, left + w)));
      });
    }

    indexArraySize(ast: Ast, state: State) {
      const size = this.arraySizeForAst(ast.args[0], state);
      let row = ast.args[1] ? literalNumber(ast.args[1]) : undefined;
      let col = ast.args[2] ? literalNumber(ast.args[2]) : undefined;
      // As index() reads an omitted kolom: a one-row matrix's index is its column; a block without kolom gives a row.
      if (ast.args.length < 3) [row, col] = size.height === 1 && size.width > 1 ? [1, row] : [row, size.width === 1 ? 1 : 0];
      // Sizes known only at run time (INDEX(…;MATCH(…))) are taken as one cell: the common case by far.
      if (row === 0 || col === 0) return new ArraySize(col === 0 ? size.width : 1, row === 0 ? size.height : 1);
      return new ArraySize(1, 1);
    }
  }
  const meta = (InformationPlugin as any).implementedFunctions.INDEX;
  (ExcelIndexPlugin as any).implementedFunctions = {
    INDEX: {
      ...meta,
      sizeOfResultArrayMethod: "indexArraySize",
      parameters: [meta.parameters[0], meta.parameters[1], { argumentType: FunctionArgumentType.NUMBER, optionalArg: true }],
    },
  } satisfies ImplementedFunctions;
  return [ExcelIndexPlugin];
}

// ------------------------------------------------------------------------------------------ registration

/** Functions this module adds (not the two it corrects), for the list of what the engine supports. */
export const ADDED_FUNCTIONS = ["SINGLE", "CONCAT", "TEXTBEFORE", "TEXTAFTER", "XMATCH", "LOOKUP", "AVERAGEIFS", "RANK", "RANK.EQ", "RANK.AVG", "NUMBERVALUE"] as const;
/** Built-ins whose HyperFormula implementation is replaced by an Excel-faithful one. */
export const CORRECTED_FUNCTIONS = ["EDATE", "DATEDIF", "INDEX", "ROUND", "ROUNDUP", "ROUNDDOWN"] as const;

let registered = false;

/** Register the plugins with HyperFormula, once per process (HyperFormula's registry is static). */
export function registerExcelFunctions(): void {
  if (registered) return;
  const plugins: PluginClass[] = [SinglePlugin, UnsupportedPlugin, RankPlugin, NumberValuePlugin, ...textPlugins(), ...lookupPlugins(), ...statisticsPlugins(), ...datePlugins(), ...indexPlugins(), ...roundPlugins()];
  const names = [...ADDED_FUNCTIONS, UNSUPPORTED_FUNCTION];
  for (const p of plugins) HyperFormula.registerFunctionPlugin(p as any, { enGB: Object.fromEntries(names.map((n) => [n, n])) });
  registered = true;
}
