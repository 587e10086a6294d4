import { useEffect, useMemo, useState } from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Field,
  Input,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Refusal } from "../../excel/hostActions";
import { functionDocs, parameterSources, signature, type FunctionDoc } from "../functionDocs";
import type { FunctionMetadata, LoadFunctionMetadata } from "../types";
import { NoticeBar, errorText, type Notice } from "./common";

const useStyles = makeStyles({
  filters: { display: "flex", flexWrap: "wrap", gap: "8px", marginBottom: "8px" },
  code: { fontFamily: tokens.fontFamilyMonospace, backgroundColor: tokens.colorNeutralBackground3, padding: "2px 4px", wordBreak: "break-all" },
  dl: { margin: 0 },
  dt: { fontWeight: tokens.fontWeightSemibold, marginTop: "6px" },
  dd: { marginLeft: "12px" },
  source: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
});

export interface FunctionsPanelProps {
  loadMetadata: LoadFunctionMetadata;
  insertFormula(formula: string): Promise<{ address: string } | Refusal>;
  today: string;
}

function FunctionDetail({ doc, date, onInsert, busy }: { doc: FunctionDoc; date: string; onInsert: (f: string) => void; busy: boolean }) {
  const styles = useStyles();
  const sources = useMemo(() => parameterSources(doc.parameters, date), [doc, date]);
  return (
    <div>
      <Text as="p" block>
        {doc.description || "(geen beschrijving in functions.json)"}
      </Text>
      <Text as="p" block>
        <code className={styles.code}>{signature(doc)}</code>
      </Text>
      {doc.args.length > 0 && (
        <dl className={styles.dl} aria-label={`Argumenten van ${doc.fullName}`}>
          {doc.args.map((a) => (
            <div key={a.name}>
              <dt className={styles.dt}>
                {a.name}
                {a.optional ? " (optioneel)" : ""}
              </dt>
              <dd className={styles.dd}>{a.description}</dd>
            </div>
          ))}
        </dl>
      )}
      <Text as="p" block>
        Voorbeeld: <code className={styles.code}>{doc.example}</code>
      </Text>
      <Text as="p" block>
        Wettelijke grondslag: {doc.legalBasis}
      </Text>
      {sources.length > 0 && (
        <>
          <Text as="h4" weight="semibold" block>
            Bronnen van de parameters op {date}
          </Text>
          <ul aria-label={`Bronnen van ${doc.fullName}`}>
            {sources.map((s) => (
              <li key={s.name}>
                <code className={styles.code}>{s.name}</code> {s.description && `— ${s.description}`}
                <div className={styles.source}>{s.source}</div>
              </li>
            ))}
          </ul>
        </>
      )}
      <Button appearance="primary" disabled={busy} onClick={() => onInsert(doc.example)} aria-label={`${doc.fullName}: voorbeeld invoegen in cel`}>
        Invoegen in cel
      </Button>
    </div>
  );
}

export function FunctionsPanel({ loadMetadata, insertFormula, today }: FunctionsPanelProps) {
  const styles = useStyles();
  const [metadata, setMetadata] = useState<FunctionMetadata[] | undefined>();
  const [loadError, setLoadError] = useState<string | undefined>();
  const [query, setQuery] = useState("");
  const [date, setDate] = useState(today);
  const [notice, setNotice] = useState<Notice>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let alive = true;
    loadMetadata()
      .then((m) => alive && setMetadata(m))
      .catch((e) => {
        if (!alive) return;
        setLoadError(errorText(e));
        setMetadata([]);
      });
    return () => {
      alive = false;
    };
  }, [loadMetadata]);

  const docs = useMemo(() => functionDocs(metadata ?? []), [metadata]);
  const q = query.trim().toLowerCase();
  const shown = q ? docs.filter((d) => d.fullName.toLowerCase().includes(q) || d.description.toLowerCase().includes(q)) : docs;
  const validDate = /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : today;

  async function insert(formula: string) {
    setBusy(true);
    try {
      const r = await insertFormula(formula);
      if ("refused" in r) setNotice({ intent: "warning", title: "Niet ingevoegd", text: r.refused });
      else setNotice({ intent: "success", text: `${formula} staat nu in ${r.address}.` });
    } catch (e) {
      setNotice({ intent: "error", title: "Invoegen mislukt", text: errorText(e) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="h-functies">
      <Text as="h2" size={400} weight="semibold" id="h-functies" block>
        Functies
      </Text>
      <Text as="p" block>
        Typ in een cel <code className={styles.code}>=PB.</code> voor de functies; in Nederlandse Excel scheidt u argumenten met een puntkomma.
      </Text>
      <div className={styles.filters}>
        <Field label="Zoeken">
          <Input value={query} onChange={(_, d) => setQuery(d.value)} placeholder="bijv. LKS of minimumloon" />
        </Field>
        <Field label="Peildatum bronnen" validationMessage={validDate !== date ? "Gebruik jjjj-mm-dd" : undefined}>
          <Input value={date} onChange={(_, d) => setDate(d.value)} />
        </Field>
      </div>
      <NoticeBar notice={notice} />
      {loadError && (
        <Text as="p" block>
          Beschrijvingen konden niet worden geladen ({loadError}); argumenten en bronnen staan er wel.
        </Text>
      )}
      {metadata === undefined ? (
        <Text as="p" block>
          Functies laden…
        </Text>
      ) : (
        <Accordion collapsible multiple aria-label="PB-functies">
          {shown.map((d) => (
            <AccordionItem key={d.id} value={d.id}>
              <AccordionHeader as="h3">
                {d.fullName}
              </AccordionHeader>
              <AccordionPanel>
                <FunctionDetail doc={d} date={validDate} onInsert={insert} busy={busy} />
              </AccordionPanel>
            </AccordionItem>
          ))}
        </Accordion>
      )}
      <Text as="p" block>
        {shown.length} van {docs.length} functies
      </Text>
    </section>
  );
}
