/**
 * The PB Rekenkit task pane: five panels behind a keyboard-usable tab list. Everything Excel-specific comes in
 * through `host` (HostActions), so the pane renders and is tested without Office.
 */
import { useCallback, useEffect, useState } from "react";
import { FluentProvider, Tab, TabList, makeStyles, tokens, webLightTheme, Text } from "@fluentui/react-components";
import type { HostActions, ScanResult } from "../excel/hostActions";
import type { LoadFunctionMetadata, TemplateInfo } from "./types";
import { TemplatesPanel } from "./panels/TemplatesPanel";
import { FunctionsPanel } from "./panels/FunctionsPanel";
import { AuditPanel } from "./panels/AuditPanel";
import { StatusPanel } from "./panels/StatusPanel";
import { CalendarPanel } from "./panels/CalendarPanel";
import { PARAMETERS } from "../parameters";
import { addDays } from "../rules/dates";

export type PanelId = "sjablonen" | "functies" | "controle" | "status" | "kalender";

export const PANELS: { id: PanelId; label: string }[] = [
  { id: "sjablonen", label: "Sjablonen" },
  { id: "functies", label: "Functies" },
  { id: "controle", label: "Controle" },
  { id: "status", label: "Status" },
  { id: "kalender", label: "Kalender" },
];

export interface AppProps {
  host: HostActions;
  templates: readonly TemplateInfo[];
  loadFunctionMetadata: LoadFunctionMetadata;
  initialPanel?: PanelId;
  /** Today's date for defaults (help peildatum, calendar year); injected so tests are stable. */
  today?: string;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", minHeight: "100vh", backgroundColor: tokens.colorNeutralBackground1 },
  header: { padding: "12px 12px 0 12px" },
  tabs: { paddingLeft: "4px", paddingRight: "4px", overflowX: "auto" },
  panel: { padding: "12px", flexGrow: 1 },
});

/**
 * The minimum wage tables end where the last published amount ends (a later date is #N/A, never a guess); the help
 * panel shows the sources on the last covered day rather than an error for every function.
 */
function withinTables(day: string): string {
  const until = PARAMETERS.get("wml.maand")?.until;
  return until !== undefined && day >= until ? addDays(until, -1) : day;
}

export function App({ host, templates, loadFunctionMetadata, initialPanel = "sjablonen", today }: AppProps) {
  const styles = useStyles();
  const [panel, setPanel] = useState<PanelId>(initialPanel);
  // The last scan is shared: Status shows its #NAME?/#BUSY! counts.
  const [scan, setScan] = useState<ScanResult | undefined>(undefined);
  const onScan = useCallback((s: ScanResult) => setScan(s), []);
  const day = withinTables(today ?? new Date().toISOString().slice(0, 10));
  // First commit of the pane: the browser smoke test reads this mark as the first-render time.
  useEffect(() => {
    if (typeof performance !== "undefined" && typeof performance.mark === "function") performance.mark("pb-taskpane-rendered");
  }, []);

  return (
    <FluentProvider theme={webLightTheme}>
      <div className={styles.root}>
        <header className={styles.header}>
          <Text as="h1" size={500} weight="semibold" block>
            PB Rekenkit
          </Text>
        </header>
        <nav aria-label="Onderdelen" className={styles.tabs}>
          <TabList selectedValue={panel} onTabSelect={(_, d) => setPanel(d.value as PanelId)} size="small">
            {PANELS.map((p) => (
              <Tab key={p.id} value={p.id} id={`tab-${p.id}`} aria-controls={`panel-${p.id}`}>
                {p.label}
              </Tab>
            ))}
          </TabList>
        </nav>
        <main id={`panel-${panel}`} role="tabpanel" aria-labelledby={`tab-${panel}`} className={styles.panel}>
          {panel === "sjablonen" && <TemplatesPanel templates={templates} insertTemplate={host.insertTemplate} />}
          {panel === "functies" && <FunctionsPanel loadMetadata={loadFunctionMetadata} insertFormula={host.insertFormula} today={day} />}
          {panel === "controle" && <AuditPanel host={host} lastScan={scan} onScan={onScan} />}
          {panel === "status" && <StatusPanel getStatus={host.getStatus} lastScan={scan} today={today} />}
          {panel === "kalender" && <CalendarPanel initialYear={Number(day.slice(0, 4))} />}
        </main>
      </div>
    </FluentProvider>
  );
}
