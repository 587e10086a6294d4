/**
 * The PB Rekenkit task pane: its views behind a navigation that fits the pane's width (Navigation.tsx). Everything
 * Excel-specific comes in through `host` (HostActions) and `context` (where the pane runs: in Excel or not, Office's
 * display language and theme), so the pane renders and is tested without Office.
 */
import { useCallback, useEffect, useState } from "react";
import { FluentProvider, MessageBar, MessageBarBody, makeStyles, tokens, webDarkTheme, webLightTheme, Text } from "@fluentui/react-components";
import type { HostActions, PaneContext, ScanResult } from "../excel/hostActions";
import type { LoadFunctionMetadata, TemplateInfo } from "./types";
import { TemplatesPanel } from "./panels/TemplatesPanel";
import { FunctionsPanel } from "./panels/FunctionsPanel";
import { AuditPanel } from "./panels/AuditPanel";
import { StatusPanel } from "./panels/StatusPanel";
import { CalendarPanel } from "./panels/CalendarPanel";
import { ExplainPanel } from "./panels/ExplainPanel";
import type { CopyText } from "./clipboard";
import { Navigation, type NavItem } from "./Navigation";
import { formulaLanguageOf } from "./localFormula";
import { PARAMETERS } from "../parameters";
import { addDays } from "../rules/dates";

export type PanelId = "sjablonen" | "functies" | "controle" | "uitleg" | "status" | "kalender";

export const PANELS: NavItem<PanelId>[] = [
  { id: "sjablonen", label: "Sjablonen" },
  { id: "functies", label: "Functies" },
  { id: "controle", label: "Controle" },
  { id: "uitleg", label: "Uitleg" },
  { id: "status", label: "Status" },
  { id: "kalender", label: "Kalender" },
];

/** Outside Office (a browser, the tests): Dutch, light, and not in Excel. */
export const OUTSIDE_EXCEL: PaneContext = { inExcel: false, displayLanguage: "nl-NL", theme: "light" };

export interface AppProps {
  host: HostActions;
  templates: readonly TemplateInfo[];
  loadFunctionMetadata: LoadFunctionMetadata;
  context?: PaneContext;
  initialPanel?: PanelId;
  /** Today's date for defaults (help peildatum, calendar year); injected so tests are stable. */
  today?: string;
  /** The clipboard (Uitleg's "Kopieer"); tests pass a fake. */
  copyText?: CopyText;
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    minHeight: "100vh",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    // Nothing in the pane may push it sideways: long words and links wrap inside their box.
    overflowWrap: "anywhere",
    minWidth: 0,
  },
  header: { padding: "12px 12px 0 12px" },
  banner: { margin: "8px 12px 0 12px" },
  panel: { padding: "12px", flexGrow: 1, minWidth: 0 },
});

/**
 * The minimum wage tables end where the last published amount ends (a later date is #N/A, never a guess); the help
 * panel shows the sources on the last covered day rather than an error for every function.
 */
function withinTables(day: string): string {
  const until = PARAMETERS.get("wml.maand")?.until;
  return until !== undefined && day >= until ? addDays(until, -1) : day;
}

export function App({ host, templates, loadFunctionMetadata, context = OUTSIDE_EXCEL, initialPanel = "sjablonen", today, copyText }: AppProps) {
  const styles = useStyles();
  const [panel, setPanel] = useState<PanelId>(initialPanel);
  // The last scan is shared: Status shows its #NAME?/#BUSY! counts.
  const [scan, setScan] = useState<ScanResult | undefined>(undefined);
  const onScan = useCallback((s: ScanResult) => setScan(s), []);
  const day = withinTables(today ?? new Date().toISOString().slice(0, 10));
  const lang = formulaLanguageOf(context.displayLanguage);
  // First commit of the pane: the browser smoke test reads this mark as the first-render time.
  useEffect(() => {
    if (typeof performance !== "undefined" && typeof performance.mark === "function") performance.mark("pb-taskpane-rendered");
  }, []);

  return (
    <FluentProvider theme={context.theme === "dark" ? webDarkTheme : webLightTheme}>
      <div className={styles.root}>
        <header className={styles.header}>
          <Text as="h1" size={500} weight="semibold" block>
            PB Rekenkit
          </Text>
        </header>
        {!context.inExcel && (
          <MessageBar intent="info" layout="multiline" className={styles.banner}>
            <MessageBarBody>
              PB Rekenkit werkt alleen in Excel. Hier kunt u rondkijken; invoegen en controleren kan pas in Excel.
            </MessageBarBody>
          </MessageBar>
        )}
        <Navigation<PanelId> items={PANELS} selected={panel} onSelect={(id) => setPanel(id)} />
        <main className={styles.panel}>
          <div id={`panel-${panel}`} role="tabpanel" aria-labelledby={`tab-${panel}`}>
          {panel === "sjablonen" && (
            <TemplatesPanel templates={templates} insertTemplate={host.insertTemplate} templatesInWorkbook={host.templatesInWorkbook} />
          )}
          {panel === "functies" && <FunctionsPanel loadMetadata={loadFunctionMetadata} insertFormula={host.insertFormula} today={day} lang={lang} />}
          {panel === "controle" && <AuditPanel host={host} lastScan={scan} onScan={onScan} />}
          {panel === "uitleg" && <ExplainPanel host={host} lang={lang} copyText={copyText} />}
          {panel === "status" && <StatusPanel getStatus={host.getStatus} lastScan={scan} today={today} />}
          {panel === "kalender" && <CalendarPanel initialYear={Number(day.slice(0, 4))} />}
          </div>
        </main>
      </div>
    </FluentProvider>
  );
}
