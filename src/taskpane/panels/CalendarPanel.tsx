import { useMemo, useState } from "react";
import { Field, Input, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from "@fluentui/react-components";
import { invoke, isErrorResult } from "../../functions/invoke";
import { REGISTRY } from "../../functions/registry";
import type { Trace } from "../../parameters";
import { sourceText } from "../../excel/audit";
import { serialToLongDate } from "../format";

/** Dutch labels per deadline kind of PB.DEADLINE; unknown kinds show their id. */
const LABELS: Record<string, string> = {
  sisa: "SiSa-verantwoording aan het CBS",
  "sisa-gr": "Gemeenschappelijke regeling: SiSa aan de deelnemers",
  beeld: "Beeld van de uitvoering",
  vaststelling: "Vaststelling van het budget voor jaar T",
  terugvordering: "Uiterste termijn terugvordering (13 maanden)",
  "terugvordering-gr": "Uiterste termijn terugvordering bij een GR (25 maanden)",
};

const useStyles = makeStyles({
  // Citations hold long URLs; let them wrap inside their column instead of running into the next one.
  source: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  na: { color: tokens.colorNeutralForeground3 },
});

export interface CalendarRow {
  soort: string;
  label: string;
  date?: string;
  serial?: number;
  problem?: string;
  sources: string[];
}

/** The §6 dates of a year, computed by PB.DEADLINE itself so the pane and the worksheet function cannot disagree. */
export function calendarRows(year: number): CalendarRow[] | { unavailable: string } {
  const spec = REGISTRY.get("DEADLINE");
  if (!spec) return { unavailable: "PB.DEADLINE is in deze versie nog niet beschikbaar." };
  const soorten = spec.args.find((a) => a.name === "soort")?.choices ?? ["sisa"];
  return soorten.map((soort) => {
    const trace: Trace = [];
    const r = invoke("DEADLINE", [year, soort], { trace });
    const sources = [...new Map(trace.map((u) => [`${u.name}@${u.from}`, `${u.name} (geldig vanaf ${u.from}): ${sourceText(u.source)}`])).values()];
    const label = LABELS[soort] ?? soort;
    if (isErrorResult(r)) return { soort, label, problem: `${r.error} ${r.message}`, sources };
    if (typeof r !== "number") return { soort, label, problem: `Onverwachte uitkomst ${String(r)}`, sources };
    return { soort, label, serial: r, date: serialToLongDate(r) ?? String(r), sources };
  });
}

export function CalendarPanel({ initialYear }: { initialYear: number }) {
  const styles = useStyles();
  const [yearText, setYearText] = useState(String(initialYear));
  const year = Number(yearText);
  const valid = Number.isInteger(year) && year >= 1900 && year <= 9999;
  const rows = useMemo(() => (valid ? calendarRows(year) : undefined), [valid, year]);

  return (
    <section aria-labelledby="h-kalender">
      <Text as="h2" size={400} weight="semibold" id="h-kalender" block>
        Kalender
      </Text>
      <Text as="p" block>
        De termijnen van planning en verantwoording voor één jaar, uit dezelfde parameters als <code>PB.DEADLINE</code>.
      </Text>
      <Field label="Jaar (T)" validationMessage={valid ? undefined : "Vul een jaartal in, bijvoorbeeld 2014."}>
        <Input type="number" value={yearText} onChange={(_, d) => setYearText(d.value)} min={1900} max={9999} />
      </Field>
      {rows && "unavailable" in rows && (
        <Text as="p" block>
          {rows.unavailable}
        </Text>
      )}
      {rows && !("unavailable" in rows) && (
        <Table aria-label={`Termijnen voor ${year}`} size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Termijn</TableHeaderCell>
              <TableHeaderCell>Datum</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.soort}>
                <TableCell>
                  {r.label}
                  <div className={styles.source}>
                    <code>PB.DEADLINE({year};&quot;{r.soort}&quot;)</code>
                    {r.sources.map((s) => (
                      <div key={s}>{s}</div>
                    ))}
                  </div>
                </TableCell>
                <TableCell>{r.date ?? <span className={styles.na}>{r.problem}</span>}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
