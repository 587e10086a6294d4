import { useState } from "react";
import { Button, Card, CardHeader, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Refusal } from "../../excel/hostActions";
import type { TemplateInfo } from "../types";
import { NoticeBar, errorText, type Notice } from "./common";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", gap: "8px", listStyleType: "none", padding: 0, margin: 0 },
  years: { color: tokens.colorNeutralForeground3 },
});

export interface TemplatesPanelProps {
  templates: readonly TemplateInfo[];
  insertTemplate(id: string): Promise<{ sheets: string[] } | Refusal>;
}

export function TemplatesPanel({ templates, insertTemplate }: TemplatesPanelProps) {
  const styles = useStyles();
  const [busy, setBusy] = useState<string | undefined>();
  const [notice, setNotice] = useState<Notice>();

  async function insert(t: TemplateInfo) {
    setBusy(t.id);
    setNotice({ intent: "info", text: `Sjabloon "${t.title}" wordt ingevoegd…` });
    try {
      const r = await insertTemplate(t.id);
      if ("refused" in r) setNotice({ intent: "warning", title: "Niet ingevoegd", text: r.refused });
      else setNotice({ intent: "success", title: `"${t.title}" ingevoegd`, text: `Nieuwe bladen: ${r.sheets.join(", ")}` });
    } catch (e) {
      setNotice({ intent: "error", title: "Invoegen mislukt", text: errorText(e) });
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
      <NoticeBar notice={notice} />
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
                <div>
                  <Button appearance="primary" onClick={() => insert(t)} disabled={busy !== undefined} aria-label={`Sjabloon ${t.title} invoegen`}>
                    {busy === t.id ? "Bezig…" : "Invoegen"}
                  </Button>
                </div>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
