import { useRef, useState } from "react";
import {
  Button,
  Card,
  CardHeader,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { PlacedTemplate, Refusal } from "../../excel/hostActions";
import type { TemplateInfo } from "../types";
import { NoticeBar, errorText, type Notice } from "./common";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", gap: "8px", listStyleType: "none", padding: 0, margin: 0 },
  years: { color: tokens.colorNeutralForeground3 },
  actions: { display: "flex", flexDirection: "column", gap: "6px", alignItems: "flex-start" },
});

export interface TemplatesPanelProps {
  templates: readonly TemplateInfo[];
  insertTemplate(id: string): Promise<{ sheets: string[] } | Refusal>;
  /** Templates already in the workbook; inserting one of those again asks first. */
  templatesInWorkbook?(): Promise<PlacedTemplate[]>;
}

interface Pending {
  template: TemplateInfo;
  sheets: string[];
}

export function TemplatesPanel({ templates, insertTemplate, templatesInWorkbook }: TemplatesPanelProps) {
  const styles = useStyles();
  const [busy, setBusy] = useState<string | undefined>();
  // Feedback per template, shown in its own card under its button.
  const [notices, setNotices] = useState<Record<string, Notice>>({});
  const [pending, setPending] = useState<Pending | undefined>();
  // What this pane inserted, in case the workbook cannot be read for markers.
  const inserted = useRef(new Map<string, string[]>());
  const say = (id: string, n: Notice) => setNotices((all) => ({ ...all, [id]: n }));

  async function placedSheets(t: TemplateInfo): Promise<string[]> {
    const placed = (await templatesInWorkbook?.().catch(() => [])) ?? [];
    return placed.find((p) => p.id === t.id)?.sheets ?? inserted.current.get(t.id) ?? [];
  }

  async function ask(t: TemplateInfo) {
    setBusy(t.id);
    say(t.id, undefined);
    const sheets = await placedSheets(t);
    if (sheets.length > 0) {
      setBusy(undefined);
      setPending({ template: t, sheets });
      return;
    }
    await insert(t);
  }

  async function insert(t: TemplateInfo) {
    setPending(undefined);
    setBusy(t.id);
    say(t.id, { intent: "info", text: `Sjabloon "${t.title}" wordt ingevoegd…` });
    try {
      const r = await insertTemplate(t.id);
      if ("refused" in r) say(t.id, { intent: "warning", title: "Niet ingevoegd", text: r.refused });
      else {
        inserted.current.set(t.id, [...(inserted.current.get(t.id) ?? []), ...r.sheets]);
        say(t.id, { intent: "success", title: `"${t.title}" ingevoegd`, text: `Nieuwe bladen: ${r.sheets.join(", ")}` });
      }
    } catch (e) {
      say(t.id, { intent: "error", title: "Invoegen mislukt", text: errorText(e) });
    } finally {
      setBusy(undefined);
    }
  }

  return (
    <section aria-labelledby="h-sjablonen">
      <Text as="h2" size={400} weight="semibold" id="h-sjablonen" block>
        Sjablonen
      </Text>
      <Text as="p" block>
        Een sjabloon zet nieuwe bladen met PB-formules in deze werkmap. Bestaande bladen en cellen blijven onaangeroerd.
      </Text>
      {templates.length === 0 ? (
        <Text as="p" block>
          Er zijn in deze versie nog geen sjablonen.
        </Text>
      ) : (
        <ul className={styles.list} aria-label="Beschikbare sjablonen">
          {templates.map((t) => (
            <li key={t.id}>
              <Card size="small">
                <CardHeader
                  header={
                    <Text as="h3" weight="semibold">
                      {t.title}
                    </Text>
                  }
                  description={<Text className={styles.years}>Jaren: {t.years}</Text>}
                />
                <Text as="p" block>
                  {t.description}
                </Text>
                <div className={styles.actions}>
                  {/* disabledFocusable: while busy the button keeps focus and says so, instead of dropping focus to the page. */}
                  <Button
                    appearance="primary"
                    onClick={() => ask(t)}
                    disabledFocusable={busy !== undefined}
                    aria-label={`Sjabloon ${t.title} invoegen`}
                  >
                    {busy === t.id ? "Bezig…" : "Invoegen"}
                  </Button>
                  <NoticeBar notice={notices[t.id]} label={`Uitkomst ${t.title}`} />
                </div>
              </Card>
            </li>
          ))}
        </ul>
      )}
      <Dialog open={pending !== undefined} onOpenChange={(_, d) => !d.open && setPending(undefined)} modalType="alert">
        <DialogSurface aria-describedby="dlg-again-text">
          <DialogBody>
            <DialogTitle>Sjabloon staat er al</DialogTitle>
            <DialogContent id="dlg-again-text">
              {pending &&
                `"${pending.template.title}" staat al in deze werkmap (${pending.sheets.join(", ")}). Nog een exemplaar invoegen? ` +
                  "Er komen nieuwe bladen bij; de bestaande blijven zoals ze zijn."}
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => pending && insert(pending.template)}>
                Nog een invoegen
              </Button>
              <Button onClick={() => setPending(undefined)}>Annuleren</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </section>
  );
}
