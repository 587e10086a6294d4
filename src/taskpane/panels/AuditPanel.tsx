import { useRef, useState } from "react";
import { Button, Field, ProgressBar, Text, makeStyles, tokens } from "@fluentui/react-components";
import { SCAN_GROUPS, type CheckResult, type HostActions, type Progress, type ScanResult, type ScannedFormula } from "../../excel/hostActions";
import { count, GROUP_WORDS, groupCounts, groupOf, summaryText, type GroupId } from "../../excel/scanSummary";
import { showValue } from "../format";
import { NoticeBar, errorText, type Notice } from "./common";

/** Rows listed per group in the pane; the audit sheet holds all of them. */
const MAX_ROWS = 200;

const useStyles = makeStyles({
  actions: { display: "flex", flexWrap: "wrap", gap: "8px", margin: "8px 0" },
  code: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: "anywhere" },
  list: { listStyleType: "none", padding: 0, margin: "4px 0 12px 0", display: "flex", flexDirection: "column", gap: "6px" },
  item: { borderLeft: `3px solid ${tokens.colorNeutralStroke1}`, paddingLeft: "8px" },
  bad: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  warn: { borderLeftColor: tokens.colorPaletteYellowBorder2 },
  ok: { color: tokens.colorPaletteGreenForeground1 },
  notOk: { color: tokens.colorPaletteRedForeground1 },
  small: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

export interface AuditPanelProps {
  host: Pick<HostActions, "scanWorkbook" | "writeAuditSheet" | "runChecks"> & Partial<Pick<HostActions, "selectCell">>;
  lastScan?: ScanResult;
  onScan(scan: ScanResult): void;
}

const STATUS_LABEL: Record<ScannedFormula["status"], string> = {
  gelijk: "gelijk",
  verschil: "verschil",
  fout: "fout in de cel",
  "niet-geladen": "#NAME?: functies niet geladen",
  bezig: "#BUSY!: wacht op de functies",
  "niet-herberekend": "niet te herberekenen",
};

function Row({ f, onGo }: { f: ScannedFormula; onGo?: (f: ScannedFormula) => void }) {
  const styles = useStyles();
  const group = groupOf(f.status);
  return (
    <li className={`${styles.item} ${group === "verschillen" || group === "fouten" ? styles.bad : group === "niet-herberekend" ? styles.warn : ""}`}>
      <div>
        <strong>
          {f.sheet}!{f.address}
        </strong>{" "}
        — {STATUS_LABEL[f.status]}
      </div>
      <div className={styles.small}>
        <code className={styles.code}>{f.display}</code>
      </div>
      <div>
        Werkmap: {showValue(f.workbookValue)}
        {f.recomputed ? <> · herberekend: {showValue(f.recomputed.result)}</> : null}
      </div>
      {f.reason && <div className={styles.small}>{f.reason}</div>}
      {onGo && (
        <Button size="small" appearance="subtle" onClick={() => onGo(f)} aria-label={`Ga naar cel ${f.sheet}!${f.address}`}>
          Ga naar cel
        </Button>
      )}
    </li>
  );
}

export function AuditPanel({ host, lastScan, onScan }: AuditPanelProps) {
  const styles = useStyles();
  const [progress, setProgress] = useState<Progress | undefined>();
  const [busy, setBusy] = useState<"scan" | "write" | "checks" | undefined>();
  const [notice, setNotice] = useState<Notice>();
  const [checks, setChecks] = useState<CheckResult[] | undefined>();
  const [goNotice, setGoNotice] = useState<Notice>();
  const abort = useRef<AbortController | undefined>(undefined);
  const scan = lastScan;

  async function runScan() {
    setBusy("scan");
    setNotice(undefined);
    setProgress({ step: "Starten", done: 0, total: 0 });
    abort.current = new AbortController();
    try {
      const s = await host.scanWorkbook(setProgress, abort.current.signal);
      if ("refused" in s) {
        setNotice({ intent: "warning", title: "Geen controle", text: s.refused });
        return;
      }
      onScan(s);
      const c = groupCounts(s);
      setNotice(
        s.formulas.length === 0
          ? { intent: "info", text: `Geen PB-formules gevonden op ${count(s.sheetsScanned, "blad", "bladen")}.` }
          : c.verschillen + c.fouten === 0
            ? { intent: "success", text: `${summaryText(s)}.` }
            : { intent: "warning", title: [c.verschillen && count(c.verschillen, "verschil", "verschillen"), c.fouten && count(c.fouten, "fout", "fouten")].filter(Boolean).join(" en "), text: `${summaryText(s)}.` },
      );
    } catch (e) {
      setNotice({ intent: "error", title: "Controle mislukt", text: errorText(e) });
    } finally {
      abort.current = undefined;
      setBusy(undefined);
      setProgress(undefined);
    }
  }

  async function writeSheet() {
    if (!scan) return;
    setBusy("write");
    try {
      const r = await host.writeAuditSheet(scan, setProgress);
      if ("refused" in r) setNotice({ intent: "warning", title: "Geen controleblad", text: r.refused });
      else setNotice({ intent: "success", text: `Controleblad "${r.sheet}" gemaakt met ${count(r.rows, "regel", "regels")}.` });
    } catch (e) {
      setNotice({ intent: "error", title: "Controleblad mislukt", text: errorText(e) });
    } finally {
      setBusy(undefined);
      setProgress(undefined);
    }
  }

  async function runChecks() {
    setBusy("checks");
    try {
      const r = await host.runChecks();
      if ("refused" in r) {
        setChecks(undefined);
        setNotice({ intent: "warning", title: "Sjablooncontroles", text: r.refused });
      } else {
        setChecks(r);
        const failed = r.filter((c) => !c.ok).length;
        setNotice({ intent: failed ? "warning" : "success", text: `${count(r.length, "sjablooncontrole", "sjablooncontroles")}, ${failed} niet in orde.` });
      }
    } catch (e) {
      setNotice({ intent: "error", title: "Sjablooncontroles mislukt", text: errorText(e) });
    } finally {
      setBusy(undefined);
    }
  }

  async function go(f: ScannedFormula) {
    if (!host.selectCell) return;
    try {
      const r = await host.selectCell(f.sheet, f.address);
      setGoNotice("refused" in r ? { intent: "warning", text: r.refused } : undefined);
    } catch (e) {
      setGoNotice({ intent: "error", text: errorText(e) });
    }
  }

  const counts = scan ? groupCounts(scan) : undefined;
  const byGroup = (g: GroupId) => (scan?.formulas ?? []).filter((f) => groupOf(f.status) === g);

  return (
    <section aria-labelledby="h-controle">
      <Text as="h2" size={400} weight="semibold" id="h-controle" block>
        Controle
      </Text>
      <Text as="p" block>
        Zoekt op alle bladen naar PB-formules (ook <code className={styles.code}>_xldudf_</code>-vormen), rekent ze na met dezelfde regels en legt per
        cijfer de gebruikte parameters en bronnen vast op een nieuw blad.
      </Text>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={runScan} disabledFocusable={busy !== undefined}>
          {busy === "scan" ? "Bezig…" : "Werkmap controleren"}
        </Button>
        {busy === "scan" && <Button onClick={() => abort.current?.abort()}>Afbreken</Button>}
        <Button onClick={writeSheet} disabledFocusable={busy !== undefined || !scan || scan.formulas.length === 0}>
          Controleblad schrijven
        </Button>
        <Button onClick={runChecks} disabledFocusable={busy !== undefined}>
          Sjablooncontroles uitvoeren
        </Button>
      </div>
      {progress && (
        <Field label={progress.step} validationState="none">
          <ProgressBar value={progress.total > 0 ? progress.done / progress.total : undefined} max={1} aria-label={progress.step} />
        </Field>
      )}
      <NoticeBar notice={notice} label="Uitkomst controle" />
      {scan && counts && (
        <>
          <Text as="p" block>
            {count(scan.sheetsScanned, "blad", "bladen")}, {count(scan.cellsRead, "cel", "cellen")} gelezen in {scan.millis} ms.
          </Text>
          <NoticeBar notice={goNotice} label="Ga naar cel" />
          {SCAN_GROUPS.map((g) => {
            const rows = byGroup(g.id);
            if (rows.length === 0) return null;
            return (
              <div key={g.id}>
                <Text as="h3" weight="semibold" block id={`h-groep-${g.id}`}>
                  {GROUP_WORDS[g.id].title} ({rows.length.toLocaleString("nl-NL")})
                </Text>
                {g.id === "gelijk" ? (
                  <Text as="p" block className={styles.small}>
                    {count(rows.length, "formule geeft", "formules geven")} dezelfde uitkomst als de rekenregels; het controleblad toont ze met hun bronnen.
                  </Text>
                ) : (
                  <ul className={styles.list} aria-labelledby={`h-groep-${g.id}`}>
                    {rows.slice(0, MAX_ROWS).map((f) => (
                      <Row key={`${f.sheet}!${f.address}`} f={f} onGo={host.selectCell ? go : undefined} />
                    ))}
                  </ul>
                )}
                {g.id !== "gelijk" && rows.length > MAX_ROWS && (
                  <Text as="p" block>
                    De eerste {MAX_ROWS} van {rows.length.toLocaleString("nl-NL")} staan hier; het controleblad bevat alles.
                  </Text>
                )}
              </div>
            );
          })}
        </>
      )}
      {checks && (
        <ul aria-label="Uitkomst sjablooncontroles">
          {checks.map((c, i) => (
            <li key={i}>
              <span className={c.ok ? styles.ok : styles.notOk}>{c.ok ? "In orde" : "Niet in orde"}</span>: {c.title}
              {c.sheet ? ` (${c.sheet}${c.address ? `!${c.address}` : ""})` : ""}
              {c.detail ? ` — ${c.detail}` : ""}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
