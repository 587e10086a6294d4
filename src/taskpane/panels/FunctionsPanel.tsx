import { useEffect, useMemo, useState } from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Field,
  Input,
  Link,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Refusal } from "../../excel/hostActions";
import { functionDocs, helpPath, parameterSources, signature, type FunctionDoc } from "../functionDocs";
import type { FunctionMetadata, LoadFunctionMetadata } from "../types";
import { localFormula, type FormulaLanguage } from "../localFormula";
import { shortDate } from "../format";
import { parseDateText } from "../../rules/dates";
import { NoticeBar, errorText, type Notice } from "./common";

const useStyles = makeStyles({
  // Stacked: side by side, two inputs do not fit in 270–350 px without squeezing.
  filters: { display: "flex", flexDirection: "column", gap: "8px", marginBottom: "8px" },
  field: { minWidth: 0 },
  input: { width: "100%", minWidth: 0 },
  code: { fontFamily: tokens.fontFamilyMonospace, backgroundColor: tokens.colorNeutralBackground3, padding: "2px 4px", overflowWrap: "anywhere" },
  dl: { margin: 0 },
  dt: { fontWeight: tokens.fontWeightSemibold, marginTop: "6px" },
  dd: { marginLeft: "12px" },
  sources: { paddingLeft: "16px" },
  source: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  actions: { display: "flex", flexDirection: "column", gap: "6px", alignItems: "flex-start", marginTop: "8px" },
});

export interface FunctionsPanelProps {
  loadMetadata: LoadFunctionMetadata;
  insertFormula(formula: string): Promise<{ address: string } | Refusal>;
  /** ISO date: the default peildatum for the sources. */
  today: string;
  /** The user's Excel formula language: examples are shown as they type them. */
  lang?: FormulaLanguage;
}

function FunctionDetail({ doc, date, lang, insertFormula }: { doc: FunctionDoc; date: string; lang: FormulaLanguage; insertFormula: FunctionsPanelProps["insertFormula"] }) {
  const styles = useStyles();
  const sources = useMemo(() => parameterSources(doc.parameters, date), [doc, date]);
  const [notice, setNotice] = useState<Notice>();
  const [busy, setBusy] = useState(false);
  const example = localFormula(doc.example, lang);

  async function insert() {
    setBusy(true);
    setNotice(undefined);
    try {
      // Written in the invariant form (range.formulas); the user sees it in their own language in the cell.
      const r = await insertFormula(doc.example);
      if ("refused" in r) setNotice({ intent: "warning", title: "Niet ingevoegd", text: r.refused });
      else setNotice({ intent: "success", text: `${example} staat nu in ${r.address}.` });
    } catch (e) {
      setNotice({ intent: "error", title: "Invoegen mislukt", text: errorText(e) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div>
      <Text as="p" block>
        {doc.description || "Geen beschrijving beschikbaar; de argumenten en bronnen staan hieronder."}
      </Text>
      <Text as="p" block>
        <code className={styles.code}>{signature(doc, lang)}</code>
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
        Voorbeeld: <code className={styles.code}>{example}</code>
      </Text>
      <Text as="p" block>
        {doc.excelOnly ? `Alleen in Excel. ${doc.legalBasis}` : `Wettelijke grondslag: ${doc.legalBasis}`}
      </Text>
      {sources.length > 0 && (
        <>
          <Text as="h4" weight="semibold" block>
            Bronnen van de parameters op {shortDate(date)}
          </Text>
          <ul aria-label={`Bronnen van ${doc.fullName}`} className={styles.sources}>
            {sources.map((s) => (
              <li key={s.name}>
                <code className={styles.code}>{s.name}</code> {s.description && `— ${s.description}`}
                <div className={styles.source}>
                  {s.source ? (
                    <>
                      {[s.source.title, s.source.publicatie, s.source.from && `geldig vanaf ${s.source.from}`, s.source.confidence].filter(Boolean).join("; ")}
                      {s.source.url && (
                        <>
                          {" "}
                          <Link href={s.source.url} target="_blank" rel="noreferrer">
                            tekst op wetten.overheid.nl
                          </Link>
                        </>
                      )}
                    </>
                  ) : (
                    s.problem
                  )}
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
      <div className={styles.actions}>
        <Link href={helpPath(doc.id)} target="_blank">
          Helppagina van {doc.fullName}
        </Link>
        <Button appearance="primary" disabledFocusable={busy} onClick={insert} aria-label={`${doc.fullName}: voorbeeld invoegen in cel`}>
          {busy ? "Bezig…" : "Invoegen in cel"}
        </Button>
        <NoticeBar notice={notice} label={`Uitkomst ${doc.fullName}`} />
      </div>
    </div>
  );
}

export function FunctionsPanel({ loadMetadata, insertFormula, today, lang = "nl" }: FunctionsPanelProps) {
  const styles = useStyles();
  const [metadata, setMetadata] = useState<FunctionMetadata[] | undefined>();
  const [loadError, setLoadError] = useState(false);
  const [query, setQuery] = useState("");
  const [dateText, setDateText] = useState(shortDate(today));

  useEffect(() => {
    let alive = true;
    loadMetadata()
      .then((m) => alive && setMetadata(m))
      .catch(() => {
        if (!alive) return;
        setLoadError(true);
        setMetadata([]);
      });
    return () => {
      alive = false;
    };
  }, [loadMetadata]);

  const docs = useMemo(() => functionDocs(metadata ?? []), [metadata]);
  const q = query.trim().toLowerCase();
  const shown = q ? docs.filter((d) => d.fullName.toLowerCase().includes(q) || d.description.toLowerCase().includes(q)) : docs;
  const parsed = parseDateText(dateText);
  const date = parsed ?? today;

  return (
    <section aria-labelledby="h-functies">
      <Text as="h2" size={400} weight="semibold" id="h-functies" block>
        Functies
      </Text>
      <Text as="p" block>
        Typ in een cel <code className={styles.code}>=PB.</code> voor de functies
        {lang === "nl" ? "; in Nederlandse Excel scheidt u argumenten met een puntkomma en schrijft u decimalen met een komma." : "."}
      </Text>
      <div className={styles.filters}>
        <Field label="Zoeken" className={styles.field}>
          <Input className={styles.input} value={query} onChange={(_, d) => setQuery(d.value)} placeholder="bijv. LKS of minimumloon" />
        </Field>
        <Field label="Peildatum bronnen" className={styles.field} validationMessage={parsed ? undefined : "Vul een datum in, bijvoorbeeld 1-7-2023."}>
          <Input className={styles.input} value={dateText} onChange={(_, d) => setDateText(d.value)} />
        </Field>
      </div>
      {loadError && (
        <Text as="p" block>
          De beschrijvingen konden niet worden geladen; argumenten, voorbeelden en bronnen staan er wel.
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
              <AccordionHeader as="h3">{d.fullName}</AccordionHeader>
              <AccordionPanel>
                <FunctionDetail doc={d} date={date} lang={lang} insertFormula={insertFormula} />
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
