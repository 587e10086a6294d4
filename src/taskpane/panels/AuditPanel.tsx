import { useState } from "react";
import {
  Button,
  Field,
  ProgressBar,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { CheckResult, HostActions, Progress, ScanResult } from "../../excel/hostActions";
import { showValue } from "../format";
import { NoticeBar, errorText, type Notice } from "./common";

/** Rows listed in the pane; the audit sheet holds all of them. */
const MAX_ROWS = 200;

const useStyles = makeStyles({
  actions: { display: "flex", flexWrap: "wrap", gap: "8px", margin: "8px 0" },
  code: { fontFamily: tokens.fontFamilyMonospace, wordBreak: "break-all" },
  table: { tableLayout: "auto" },
  ok: { color: tokens.colorPaletteGreenForeground1 },
  bad: { color: tokens.colorPaletteRedForeground1 },
});

export interface AuditPanelProps {
  host: Pick<HostActions, "scanWorkbook" | "writeAuditSheet" | "runChecks">;
  lastScan?: ScanResult;
  onScan(scan: ScanResult): void;
}

export function AuditPanel({ host, lastScan, onScan }: AuditPanelProps) {
  const styles = useStyles();
  const [progress, setProgress] = useState<Progress | undefined>();
  const [busy, setBusy] = useState<"scan" | "write" | "checks" | undefined>();
  const [notice, setNotice] = useState<Notice>();
  const [checks, setChecks] = useState<CheckResult[] | undefined>();
  const scan = lastScan;

  async function runScan() {
    setBusy("scan");
    setNotice(undefined);
    setProgress({ step: "Starten", done: 0, total: 0 });
    try {
      const s = await host.scanWorkbook(setProgress);
      onScan(s);
      const diff = s.formulas.filter((f) => f.status === "verschil").length;
      setNotice(
        s.formulas.length === 0
          ? { intent: "info", text: `Geen PB-formules gevonden op ${s.sheetsScanned} bladen.` }
          : diff === 0
            ? { intent: "success", text: `${s.formulas.length} PB-formules gecontroleerd, geen verschillen.` }
            : { intent: "warning", title: `${diff} verschil(len)`, text: `${s.formulas.length} PB-formules gecontroleerd.` },
      );
    } catch (e) {
      setNotice({ intent: "error", title: "Controle mislukt", text: errorText(e) });
    } finally {
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
      else setNotice({ intent: "success", text: `Controleblad "${r.sheet}" gemaakt met ${r.rows} regels.` });
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
        setNotice({ intent: failed ? "warning" : "success", text: `${r.length} sjablooncontroles, ${failed} niet in orde.` });
      }
    } catch (e) {
      setNotice({ intent: "error", title: "Sjablooncontroles mislukt", text: errorText(e) });
    } finally {
      setBusy(undefined);
    }
  }

  const counts = { gelijk: 0, verschil: 0, "niet-herberekend": 0 };
  for (const f of scan?.formulas ?? []) counts[f.status]++;
  const listed = (scan?.formulas ?? []).filter((f) => f.status !== "gelijk");

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
        <Button appearance="primary" onClick={runScan} disabled={busy !== undefined}>
          Werkmap controleren
        </Button>
        <Button onClick={writeSheet} disabled={busy !== undefined || !scan || scan.formulas.length === 0}>
          Controleblad schrijven
        </Button>
        <Button onClick={runChecks} disabled={busy !== undefined}>
          Sjablooncontroles uitvoeren
        </Button>
      </div>
      {progress && (
        <Field label={progress.step} validationState="none">
          <ProgressBar value={progress.total > 0 ? progress.done / progress.total : undefined} max={1} aria-label={progress.step} />
        </Field>
      )}
      <NoticeBar notice={notice} />
      {scan && (
        <>
          <Text as="p" block>
            {scan.sheetsScanned} bladen, {scan.cellsRead.toLocaleString("nl-NL")} cellen gelezen in {scan.millis} ms: {counts.gelijk} gelijk,{" "}
            {counts.verschil} verschil, {counts["niet-herberekend"]} niet herberekend.
          </Text>
          {listed.length > 0 && (
            <Table aria-label="Verschillen en niet herberekende formules" size="extra-small" className={styles.table}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Cel</TableHeaderCell>
                  <TableHeaderCell>Werkmap</TableHeaderCell>
                  <TableHeaderCell>Herberekend</TableHeaderCell>
                  <TableHeaderCell>Toelichting</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {listed.slice(0, MAX_ROWS).map((f) => (
                  <TableRow key={`${f.sheet}!${f.address}`}>
                    <TableCell>
                      <span title={f.display}>
                        {f.sheet}!{f.address}
                      </span>
                    </TableCell>
                    <TableCell>{showValue(f.workbookValue)}</TableCell>
                    <TableCell className={f.status === "verschil" ? styles.bad : undefined}>{f.recomputed ? showValue(f.recomputed.result) : "—"}</TableCell>
                    <TableCell>{f.reason}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          {listed.length > MAX_ROWS && (
            <Text as="p" block>
              De eerste {MAX_ROWS} van {listed.length} staan hier; het controleblad bevat alles.
            </Text>
          )}
        </>
      )}
      {checks && (
        <ul aria-label="Uitkomst sjablooncontroles">
          {checks.map((c, i) => (
            <li key={i}>
              <span className={c.ok ? styles.ok : styles.bad}>{c.ok ? "In orde" : "Niet in orde"}</span>: {c.title}
              {c.sheet ? ` (${c.sheet}${c.address ? `!${c.address}` : ""})` : ""}
              {c.detail ? ` — ${c.detail}` : ""}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
