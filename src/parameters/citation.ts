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
