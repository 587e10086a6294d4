import { useEffect, useState } from "react";
import { Badge, Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { EXCEL_FUNCTION_IDS as FUNCTION_IDS, NAMESPACE } from "../../functions/registry";
import type { HostStatus, ScanResult } from "../../excel/hostActions";
import { errorText } from "./common";
import { ADDIN_URL } from "../../addinUrl";
import { count } from "../../excel/scanSummary";
import { minimumWageStatus } from "../../parameters/status";

const useStyles = makeStyles({
  dl: { display: "grid", gridTemplateColumns: "max-content 1fr", columnGap: "12px", rowGap: "4px", margin: "8px 0" },
  dt: { fontWeight: tokens.fontWeightSemibold },
  dd: { margin: 0 },
  ids: { display: "flex", flexWrap: "wrap", gap: "4px", listStyleType: "none", padding: 0 },
});

export interface StatusPanelProps {
  getStatus(): Promise<HostStatus>;
  lastScan?: ScanResult;
  /** Today's date (ISO), for how long the minimum wage is still known; injected so tests are stable. */
  today?: string;
}

export function StatusPanel({ getStatus, lastScan, today }: StatusPanelProps) {
  const styles = useStyles();
  const [status, setStatus] = useState<HostStatus | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [round, setRound] = useState(0);

  useEffect(() => {
    let alive = true;
    getStatus()
      .then((s) => alive && setStatus(s))
      .catch((e) => alive && setError(errorText(e)));
    return () => {
      alive = false;
    };
  }, [getStatus, round]);

  const associated = new Set(status?.associated ?? []);
  const missing = FUNCTION_IDS.filter((id) => !associated.has(id));

  return (
    <section aria-labelledby="h-status">
      <Text as="h2" size={400} weight="semibold" id="h-status" block>
        Status
      </Text>
      {error && <Text block>De status is niet op te vragen. {error}</Text>}
      {!status && !error && <Text block>Status opvragen…</Text>}
      {status && (
        <>
          <dl className={styles.dl}>
            <dt className={styles.dt}>Excel</dt>
            <dd className={styles.dd}>
              {status.inExcel ? `${status.host}${status.platform ? ` ${status.platform.startsWith("op ") ? status.platform : `voor ${status.platform}`}` : ""}` : "niet verbonden: dit taakvenster is buiten Excel geopend"}
            </dd>
            <dt className={styles.dt}>Invoegtoepassing</dt>
            <dd className={styles.dd}>PB Rekenkit {status.addinVersion}</dd>
            <dt className={styles.dt}>Parameterset</dt>
            <dd className={styles.dd}>
              {status.parameterSetVersion} (controlegetal {status.parameterSetHash})
            </dd>
            <dt className={styles.dt}>Minimumloon</dt>
            <dd className={styles.dd}>{minimumWageStatus(today ?? new Date().toISOString().slice(0, 10))}</dd>
            {status.inExcel &&
              status.apiSets.map((a) => (
                <div key={a.name} style={{ display: "contents" }}>
                  <dt className={styles.dt}>
                    {a.name} {a.version}
                  </dt>
                  <dd className={styles.dd}>{a.supported ? "ondersteund door deze Excel" : "niet ondersteund door deze Excel"}</dd>
                </div>
              ))}
          </dl>
          <Text as="h3" weight="semibold" block>
            {status.inExcel
              ? `Functies aangemeld door deze invoegtoepassing: ${FUNCTION_IDS.length - missing.length} van ${FUNCTION_IDS.length}`
              : `Functies in deze pagina geladen: ${FUNCTION_IDS.length - missing.length} van ${FUNCTION_IDS.length} (buiten Excel bij niemand aangemeld)`}
          </Text>
          <Text as="p" block>
            Aangemeld betekent: deze invoegtoepassing heeft de functie aan Excel doorgegeven. Of een cel haar kent, ziet u aan de cel zelf (geen #NAME?).
          </Text>
          <ul className={styles.ids} aria-label="PB-functies en aanmelding">
            {FUNCTION_IDS.map((id) => (
              <li key={id}>
                <Badge appearance={associated.has(id) ? "filled" : "outline"} color={associated.has(id) ? "success" : "danger"}>
                  {NAMESPACE}.{id}
                  {associated.has(id) ? "" : " (niet aangemeld)"}
                </Badge>
              </li>
            ))}
          </ul>
          <Button onClick={() => setRound((r) => r + 1)}>Opnieuw controleren</Button>
        </>
      )}
      {lastScan && (
        <Text as="p" block>
          Laatste controle van de werkmap: {count(lastScan.symptoms.name, "cel", "cellen")} met #NAME?, {count(lastScan.symptoms.busy, "cel", "cellen")} met #BUSY!,{" "}
          {count(lastScan.symptoms.xldudf, "formule", "formules")} nog als _xldudf_ opgeslagen.
        </Text>
      )}
      <Text as="h3" weight="semibold" block>
        Herstellen
      </Text>
      <dl>
        <dt className={styles.dt}>#NAME? in een cel met =PB.…</dt>
        <dd>
          Excel kende de functie niet toen de cel werd berekend. Open dit taakvenster (Start › PB Rekenkit), zodat de functies laden, en druk op Ctrl+Alt+F9
          (alles herberekenen). Blijft #NAME? staan: selecteer de cel, druk op F2 en Enter. Werd de formule getypt vóór de invoegtoepassing geladen was, dan
          moet de cel opnieuw worden ingevoerd.
        </dd>
        <dt className={styles.dt}>_xldudf_PB_… in de formulebalk</dt>
        <dd>
          Zo bewaart Excel PB-functies in het bestand. Ziet u die naam, dan is de invoegtoepassing niet geladen: controleer via Start › Invoegtoepassingen dat
          PB Rekenkit is geïnstalleerd (bij Excel op het web opnieuw uploaden), sluit en open de werkmap, en herbereken met Ctrl+Alt+F9.
        </dd>
        <dt className={styles.dt}>#BUSY! blijft staan</dt>
        <dd>
          De functies reageren niet. Sluit het taakvenster niet tijdens het laden; herlaad anders de invoegtoepassing (taakvenster sluiten, werkmap sluiten en
          opnieuw openen). Bij Excel op het web: vernieuw het browsertabblad.
        </dd>
        <dt className={styles.dt}>Functies ontbreken hierboven</dt>
        <dd>
          Dit taakvenster en de functies delen één pagina. Ontbreken ze, dan is het functiebestand niet geladen: controleer of {ADDIN_URL} bereikbaar is
          (vraag het uw beheerder) en of PB Rekenkit is geïnstalleerd (Start › Invoegtoepassingen).
        </dd>
      </dl>
    </section>
  );
}
