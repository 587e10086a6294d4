/**
 * Uitleg: the receipt of the selected cell, following the selection. For a PB formula: the formula as the user sees
 * it, the outcome and whether the workbook shows the same, and per PB call (nested ones each on their own) the rule
 * with its article, the inputs with the cells they came from, and every parameter value with its validity and source.
 * "Leg vast op controleblad" appends it to the audit sheet, "Kopieer" puts it on the clipboard as text. Below it, the
 * workbook setting "Bonnetje in de cel".
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { Button, Link, MessageBar, MessageBarBody, Switch, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { CellExplanation, HostActions, ReceiptInCellState } from "../../excel/hostActions";
import type { ExplainedCall } from "../../excel/explain";
import { explanationText, feedsText, inputOriginText, inputValueText, parameterSetText, resultText, validityText } from "../../excel/explainText";
import { citationParts, parameterValueText } from "../../parameters/citation";
import { showValue } from "../format";
import { localFormula, type FormulaLanguage } from "../localFormula";
import { copyText as defaultCopy, type CopyText } from "../clipboard";
import { NoticeBar, errorText, type Notice } from "./common";

const useStyles = makeStyles({
  code: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: "anywhere" },
  actions: { display: "flex", flexWrap: "wrap", gap: "8px", margin: "8px 0" },
  call: { borderLeft: `3px solid ${tokens.colorNeutralStroke1}`, paddingLeft: "8px", margin: "12px 0" },
  dl: { display: "grid", gridTemplateColumns: "minmax(0, max-content) minmax(0, 1fr)", columnGap: "8px", rowGap: "2px", margin: "4px 0" },
  dt: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  dd: { margin: 0, overflowWrap: "anywhere" },
  list: { listStyleType: "none", padding: 0, margin: "4px 0", display: "flex", flexDirection: "column", gap: "6px" },
  small: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  manual: { width: "100%", minHeight: "8em", fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, boxSizing: "border-box" },
  setting: { marginTop: "16px", paddingTop: "8px", borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
});

export interface ExplainPanelProps {
  host: Pick<HostActions, "explainActiveCell" | "watchSelection" | "recordExplanation" | "getReceiptInCell" | "setReceiptInCell">;
  lang?: FormulaLanguage;
  copyText?: CopyText;
  /** Pause after the last selection change before the cell is read (a drag over cells reads once). */
  debounceMs?: number;
}

type Shown = { explanation: CellExplanation } | { refused: string } | { failed: string };

const COMPARISON_INTENT = {
  gelijk: "success",
  verschil: "error",
  fout: "error",
  "niet-geladen": "warning",
  bezig: "warning",
  deel: "info",
  onbekend: "info",
} as const;

function CallView({ call, index, e, lang }: { call: ExplainedCall; index: number; e: CellExplanation; lang: FormulaLanguage }) {
  const styles = useStyles();
  const feeds = feedsText(call, e.calls);
  const id = `uitleg-call-${index}`;
  const r = call.receipt;
  return (
    <section className={styles.call} aria-labelledby={id}>
      <Text as="h3" weight="semibold" block id={id}>
        PB.{call.id}
        {r ? ` = ${resultText(r, e.dateSystem)}` : ""}
      </Text>
      {(index > 0 || feeds) && (
        <Text block className={styles.small}>
          <code className={styles.code}>{localFormula(call.text, lang)}</code>
          {feeds ? ` — ${feeds}` : ""}
        </Text>
      )}
      {!r && <Text block>{call.notComputed}</Text>}
      {r && (
        <>
          <Text block>
            {r.legalBasis} <span className={styles.small}>(regelversie {r.ruleVersion})</span>
          </Text>
          {call.inputs.length > 0 && (
            <>
              <Text as="h4" weight="semibold" block>
                Invoer
              </Text>
              <dl className={styles.dl} aria-label={`Invoer van PB.${call.id}`}>
                {call.inputs.map((i) => (
                  <div key={i.name} style={{ display: "contents" }}>
                    <dt className={styles.dt}>{i.name}</dt>
                    <dd className={styles.dd}>
                      {inputValueText(i, e.dateSystem)} <span className={styles.small}>({inputOriginText(i, e.calls)})</span>
                    </dd>
                  </div>
                ))}
              </dl>
            </>
          )}
          {r.parameters.length > 0 && (
            <>
              <Text as="h4" weight="semibold" block>
                Parameters
              </Text>
              <ul className={styles.list} aria-label={`Parameters van PB.${call.id}`}>
                {r.parameters.map((p) => {
                  const c = citationParts(p.source);
                  return (
                    <li key={`${p.name}@${p.from}`}>
                      <code className={styles.code}>{p.name}</code> = {parameterValueText(p.value)} {p.unit}
                      <div className={styles.small}>{validityText(p)}</div>
                      <div className={styles.small}>
                        {[c.title, c.publicatie, c.confidence].filter(Boolean).join("; ")}
                        {c.url && (
                          <>
                            {" "}
                            <Link href={c.url} target="_blank" rel="noreferrer">
                              tekst op wetten.overheid.nl
                            </Link>
                          </>
                        )}
                      </div>
                    </li>
                  );
                })}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}

function ReceiptInCell({ host }: { host: ExplainPanelProps["host"] }) {
  const styles = useStyles();
  const [state, setState] = useState<ReceiptInCellState | undefined>();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>();

  useEffect(() => {
    let alive = true;
    host
      .getReceiptInCell()
      .then((s) => alive && setState(s))
      .catch(() => alive && setState({ supported: false, on: false }));
    return () => {
      alive = false;
    };
  }, [host]);

  async function toggle(on: boolean) {
    setBusy(true);
    try {
      const r = await host.setReceiptInCell(on);
      if ("refused" in r) setNotice({ intent: "warning", text: r.refused });
      else {
        setState(r);
        setNotice({
          intent: "success",
          text: r.on
            ? "Aan voor deze werkmap. De PB-bedragen zijn opnieuw berekend; klik op het bonnetje in een cel voor de invoer, parameters en bronnen."
            : "Uit voor deze werkmap. De PB-bedragen zijn weer gewone getallen.",
        });
      }
    } catch (e) {
      setNotice({ intent: "error", text: errorText(e) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className={styles.setting} aria-labelledby="h-bonnetje">
      <Text as="h3" weight="semibold" block id="h-bonnetje">
        Bonnetje in de cel
      </Text>
      <Text as="p" block className={styles.small}>
        Elk PB-bedrag in deze werkmap draagt zijn uitleg mee: een getal met eigenschappen en een kaart (invoer, parameters, bronnen). SOM en andere
        formules rekenen gewoon met het getal. Het geldt voor iedereen die de werkmap opent met PB Rekenkit; herberekenen duurt iets langer.
      </Text>
      <Switch
        label="Bonnetje in de cel voor deze werkmap"
        checked={state?.on ?? false}
        disabled={busy || !state || (!state.supported && !state.on)}
        onChange={(_, d) => void toggle(d.checked)}
      />
      {state && !state.supported && state.why && <Text block className={styles.small}>{state.why}</Text>}
      <NoticeBar notice={notice} label="Bonnetje in de cel" />
    </section>
  );
}

export function ExplainPanel({ host, lang = "nl", copyText = defaultCopy, debounceMs = 300 }: ExplainPanelProps) {
  const styles = useStyles();
  const [shown, setShown] = useState<Shown | undefined>();
  const [reading, setReading] = useState(false);
  const [notice, setNotice] = useState<Notice>();
  const [manual, setManual] = useState<string | undefined>();
  const [busy, setBusy] = useState<"record" | undefined>();
  const seq = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const read = useCallback(async () => {
    const mine = ++seq.current;
    setReading(true);
    try {
      const r = await host.explainActiveCell();
      if (mine !== seq.current) return; // a later selection is being read; this answer is stale
      setShown("refused" in r ? { refused: r.refused } : { explanation: r });
      setNotice(undefined);
      setManual(undefined);
    } catch (e) {
      if (mine === seq.current) setShown({ failed: errorText(e) });
    } finally {
      if (mine === seq.current) setReading(false);
    }
  }, [host]);

  useEffect(() => {
    let stop: (() => Promise<void>) | undefined;
    let alive = true;
    void read();
    host
      .watchSelection(() => {
        if (timer.current) clearTimeout(timer.current);
        timer.current = setTimeout(() => void read(), debounceMs);
      })
      .then((s) => {
        if (alive) stop = s;
        else void s();
      })
      .catch(() => undefined);
    return () => {
      alive = false;
      if (timer.current) clearTimeout(timer.current);
      seq.current++;
      if (stop) void stop();
    };
  }, [host, read, debounceMs]);

  const e = shown && "explanation" in shown ? shown.explanation : undefined;

  async function record() {
    if (!e) return;
    setBusy("record");
    try {
      const r = await host.recordExplanation(e);
      if ("refused" in r) setNotice({ intent: "warning", text: r.refused });
      else
        setNotice({
          intent: "success",
          text: `${r.created ? `Controleblad "${r.sheet}" gemaakt` : `Toegevoegd aan controleblad "${r.sheet}"`}: rij ${r.firstRow}${r.rows > 1 ? ` tot en met ${r.firstRow + r.rows - 1}` : ""}.`,
        });
    } catch (err) {
      setNotice({ intent: "error", title: "Vastleggen mislukt", text: errorText(err) });
    } finally {
      setBusy(undefined);
    }
  }

  async function copy() {
    if (!e) return;
    const text = explanationText(e, lang);
    const ok = await copyText(text).catch(() => false);
    if (ok) {
      setManual(undefined);
      setNotice({ intent: "success", text: "De uitleg staat op het klembord; plak hem in een e-mail of document." });
    } else {
      setManual(text);
      setNotice({ intent: "warning", text: "Kopiëren lukte hier niet. Selecteer de tekst hieronder en kopieer met Ctrl+C (Mac: Cmd+C)." });
    }
  }

  const first = e?.calls.find((c) => c.receipt)?.receipt;

  return (
    <section aria-labelledby="h-uitleg">
      <Text as="h2" size={400} weight="semibold" id="h-uitleg" block>
        Uitleg
      </Text>
      <Text as="p" block className={styles.small}>
        Selecteer een cel met een PB-formule: hier staat waar het bedrag vandaan komt. De uitleg volgt de selectie.
      </Text>
      <div role="status" aria-live="polite" aria-label="Uitleg van de geselecteerde cel">
        {!shown && <Text block>Cel lezen…</Text>}
        {shown && "refused" in shown && (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>{shown.refused}</MessageBarBody>
          </MessageBar>
        )}
        {shown && "failed" in shown && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{shown.failed}</MessageBarBody>
          </MessageBar>
        )}
        {e && (
          <Text as="p" block weight="semibold">
            {e.sheet}!{e.address}
            {reading ? <span className={styles.small}> (bijwerken…)</span> : null}
          </Text>
        )}
      </div>
      {e && e.kind !== "pb" && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{e.message}</MessageBarBody>
        </MessageBar>
      )}
      {e && e.kind === "pb" && (
        <>
          {e.spilledFrom && (
            <Text block className={styles.small}>
              De geselecteerde cel hoort bij de uitkomst van {e.spilledFrom}; dit is de uitleg van die cel.
            </Text>
          )}
          <Text block>
            <code className={styles.code}>{e.formulaLocal}</code>
          </Text>
          <Text block>In de werkmap: {showValue(e.workbookValue)}</Text>
          {e.comparison && (
            <MessageBar intent={COMPARISON_INTENT[e.comparison.status]} layout="multiline">
              <MessageBarBody>{e.comparison.text}</MessageBarBody>
            </MessageBar>
          )}
          {e.calls.map((c, i) => (
            <CallView key={`${i}-${c.text}`} call={c} index={i} e={e} lang={lang} />
          ))}
          {first && (
            <Text block className={styles.small}>
              Berekend met PB Rekenkit {first.addinVersion}, {parameterSetText(first)}.
            </Text>
          )}
        </>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" onClick={record} disabledFocusable={!e || e.kind !== "pb" || busy !== undefined}>
          {busy === "record" ? "Bezig…" : "Leg vast op controleblad"}
        </Button>
        <Button onClick={copy} disabledFocusable={!e || e.kind !== "pb"}>
          Kopieer
        </Button>
        <Button appearance="subtle" onClick={() => void read()}>
          Opnieuw lezen
        </Button>
      </div>
      <NoticeBar notice={notice} label="Uitkomst vastleggen of kopiëren" />
      {manual && <textarea className={styles.manual} readOnly value={manual} aria-label="Uitleg als tekst" />}
      <ReceiptInCell host={host} />
    </section>
  );
}
