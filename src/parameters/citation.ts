/**
 * A parameter's source as a user reads it (PB.BRON, help pages, the task pane, the audit sheet): regeling and artikel,
 * publicatie, valid-from date, the link to the text on wetten.overheid.nl and the confidence in words. The research
 * note beside a value (why the confidence is what it is, where it was looked up) stays in the data for maintainers and
 * auditors who read the parameter files; it is written for them, not for a finance officer's cell.
 */
import type { Confidence, LegalSource } from "./types";

export const CONFIDENCE_WORDS: Record<Confidence, string> = {
  // H means the legal text itself or two sources that agree (types.ts): say both, never more than is known.
  H: "bron: wettekst of twee bronnen eens",
  M: "één secundaire bron",
  L: "niet geverifieerd",
};

function dutchDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${Number(m[3])}-${Number(m[2])}-${m[1]}` : iso;
}

/** The parts of a citation, for layouts that put them in their own places. */
export function citationParts(s: LegalSource, from?: string): { title: string; publicatie?: string; from?: string; url?: string; confidence: string } {
  return {
    title: [s.regeling, s.artikel].filter(Boolean).join(" "),
    ...(s.publicatie ? { publicatie: s.publicatie } : {}),
    ...(from ? { from: dutchDate(from) } : {}),
    ...(s.url ? { url: s.url } : {}),
    confidence: CONFIDENCE_WORDS[s.confidence],
  };
}

/** "Participatiewet art. 10d lid 4; Stcrt. 2017, 68248; geldig vanaf 1-1-2018; bron: wettekst; https://wetten.overheid.nl/…" */
export function userCitation(s: LegalSource, from?: string): string {
  const p = citationParts(s, from);
  return [p.title, p.publicatie, p.from ? `geldig vanaf ${p.from}` : undefined, p.confidence, p.url].filter(Boolean).join("; ");
}

/** A parameter value as a user reads it: 0,235; "alleen-verminderen"; a staffel as "15: 0,3; 16: 0,345"; a term as "15-7 van T+1". */
export function parameterValueText(v: unknown): string {
  if (typeof v === "number") return v.toLocaleString("nl-NL", { maximumFractionDigits: 10 });
  if (typeof v === "string") return v;
  if (v && typeof v === "object") {
    const o = v as Record<string, unknown>;
    if ("maand" in o && "dag" in o && "jaarOffset" in o) {
      const off = Number(o.jaarOffset);
      return `${o.dag}-${o.maand} van T${off === 0 ? "" : off > 0 ? `+${off}` : `−${-off}`}`;
    }
    return Object.entries(o)
      .map(([k, x]) => `${k}: ${parameterValueText(x)}`)
      .join("; ");
  }
  return String(v);
}
