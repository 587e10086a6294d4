import { useMemo, useState } from "react";
import { Field, Input, Link, MessageBar, MessageBarBody, Text, makeStyles, tokens } from "@fluentui/react-components";
import { invoke, isErrorResult } from "../../functions/invoke";
import { REGISTRY } from "../../functions/registry";
import type { Trace } from "../../parameters";
import { citationParts } from "../../parameters/citation";
import { PW_SOORTEN, WPB_SOORTEN, type DeadlineSoort } from "../../rules/calendar";
import { serialToIso } from "../../rules/dates";
import { nextWorkingDay, nonWorkingReason } from "../../rules/holidays";
import { shortDate, weekday } from "../format";

/** Dutch labels per deadline kind of PB.DEADLINE; unknown kinds show their id. */
const LABELS: Record<string, string> = {
  sisa: "SiSa-verantwoording aan het CBS",
  "sisa-gr": "Gemeenschappelijke regeling: SiSa aan de deelnemers",
  beeld: "Beeld van de uitvoering",
  vaststelling: "Vaststelling van het budget voor jaar T",
  terugvordering: "Uiterste termijn terugvordering (13 maanden)",
  "terugvordering-gr": "Uiterste termijn terugvordering bij een GR (25 maanden)",
  buig: "Budget gebundelde uitkering (BUIG) voor jaar T bekend",
  "sisa-buig": "SiSa-gegevens over T bekend voor de BUIG-verdeling van T+2",
};

/** First and last year of the Wet participatiebudget; from 2015 the Participatiewet. */
const WPB_FIRST = 2009;
const WPB_LAST = 2014;

const useStyles = makeStyles({
  list: { listStyleType: "none", padding: 0, margin: "8px 0", display: "flex", flexDirection: "column", gap: "10px" },
  date: { fontWeight: tokens.fontWeightSemibold },
  mark: { color: tokens.colorPaletteDarkOrangeForeground1 },
  source: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  code: { fontFamily: tokens.fontFamilyMonospace },
});

export interface CalendarRow {
  soort: string;
  label: string;
  /** ISO date. */
  iso?: string;
  /** "15-7-2013 (maandag)". */
  date?: string;
  serial?: number;
  /** "zaterdag", "tweede Paasdag": the deadline is no working day. */
  nonWorking?: string;
  /** The first working day after it (Algemene termijnenwet art. 1). */
  nextWorking?: string;
  problem?: string;
  sources: { name: string; text: string; url?: string }[];
}

export type Regime = "wpb" | "pw" | "geen";

export function regimeOf(year: number): Regime {
  if (year < WPB_FIRST) return "geen";
  return year <= WPB_LAST ? "wpb" : "pw";
}

/** The terms of a year, computed by PB.DEADLINE itself so the pane and the worksheet function cannot disagree. */
export function calendarRows(year: number): CalendarRow[] | { unavailable: string } {
  const spec = REGISTRY.get("DEADLINE");
  if (!spec) return { unavailable: "PB.DEADLINE is in deze versie nog niet beschikbaar." };
  const regime = regimeOf(year);
  if (regime === "geen") return { unavailable: `Voor ${year} zijn er geen termijnen: de Wet participatiebudget begon in ${WPB_FIRST}.` };
  const soorten: readonly DeadlineSoort[] = regime === "wpb" ? WPB_SOORTEN : PW_SOORTEN;
  return soorten.map((soort) => {
    const trace: Trace = [];
    const r = invoke("DEADLINE", [year, soort], { trace });
    const sources = [...new Map(trace.map((u) => [`${u.name}@${u.from}`, u])).values()].map((u) => {
      const p = citationParts(u.source, u.from);
      return { name: u.name, text: [p.title, p.publicatie, p.from && `geldig vanaf ${p.from}`, p.confidence].filter(Boolean).join("; "), url: p.url };
    });
    const label = LABELS[soort] ?? soort;
    if (isErrorResult(r)) return { soort, label, problem: r.message, sources };
    const iso = typeof r === "number" ? serialToIso(r) : undefined;
    if (!iso) return { soort, label, problem: "Geen datum.", sources };
    const nonWorking = nonWorkingReason(iso);
    const next = nonWorking ? nextWorkingDay(iso) : undefined;
    return {
      soort,
      label,
      iso,
      serial: r as number,
      date: `${shortDate(iso)} (${weekday(iso)})`,
      ...(nonWorking ? { nonWorking, nextWorking: `${shortDate(next!)} (${weekday(next!)})` } : {}),
      sources,
    };
  });
}

export function CalendarPanel({ initialYear }: { initialYear: number }) {
  const styles = useStyles();
  const [yearText, setYearText] = useState(String(initialYear));
  const year = Number(yearText);
  const valid = Number.isInteger(year) && year >= 1900 && year <= 9999;
  const rows = useMemo(() => (valid ? calendarRows(year) : undefined), [valid, year]);
  const regime = valid ? regimeOf(year) : undefined;
  const anyNonWorking = rows && !("unavailable" in rows) && rows.some((r) => r.nonWorking);

  return (
    <section aria-labelledby="h-kalender">
      <Text as="h2" size={400} weight="semibold" id="h-kalender" block>
        Kalender
      </Text>
      <Text as="p" block>
        De termijnen van planning en verantwoording voor één jaar, uit dezelfde parameters als <code className={styles.code}>PB.DEADLINE</code>.
      </Text>
      <Field label="Jaar (T)" validationMessage={valid ? undefined : "Vul een jaartal in, bijvoorbeeld 2014."}>
        <Input type="number" value={yearText} onChange={(_, d) => setYearText(d.value)} min={1900} max={9999} />
      </Field>
      {regime === "pw" && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            {year} valt onder de Participatiewet. De termijnen van de Wet participatiebudget (beeld van de uitvoering, vaststelling in september,
            terugvordering na 13 maanden) gelden niet meer; die wet liep tot en met {WPB_LAST}.
          </MessageBarBody>
        </MessageBar>
      )}
      {regime === "wpb" && (
        <Text as="p" block>
          {year} valt onder de Wet participatiebudget ({WPB_FIRST}–{WPB_LAST}).
        </Text>
      )}
      {rows && "unavailable" in rows && (
        <Text as="p" block>
          {rows.unavailable}
        </Text>
      )}
      {rows && !("unavailable" in rows) && (
        <ul className={styles.list} aria-label={`Termijnen voor ${year}`}>
          {rows.map((r) => (
            <li key={r.soort}>
              <div>{r.label}</div>
              <div className={styles.date}>{r.date ?? r.problem}</div>
              {r.nonWorking && (
                <div className={styles.mark}>
                  Valt op een {r.nonWorking.startsWith("zaterdag") || r.nonWorking.startsWith("zondag") ? r.nonWorking : `feestdag (${r.nonWorking})`}; eerstvolgende
                  werkdag: {r.nextWorking}.
                </div>
              )}
              <div className={styles.source}>
                <code className={styles.code}>
                  PB.DEADLINE({year};&quot;{r.soort}&quot;)
                </code>
                {r.sources.map((s) => (
                  <div key={s.name}>
                    {s.text}
                    {s.url && (
                      <>
                        {" "}
                        <Link href={s.url} target="_blank" rel="noreferrer">
                          wetten.overheid.nl
                        </Link>
                      </>
                    )}
                  </div>
                ))}
              </div>
            </li>
          ))}
        </ul>
      )}
      {anyNonWorking && (
        <Text as="p" block className={styles.source}>
          Een termijn uit een wet die op een zaterdag, zondag of algemeen erkende feestdag eindigt, loopt door tot en met de eerstvolgende werkdag
          (Algemene termijnenwet art. 1 en 3). PB.DEADLINE geeft de datum zelf; ga na of de verlenging voor deze termijn geldt.
        </Text>
      )}
    </section>
  );
}
