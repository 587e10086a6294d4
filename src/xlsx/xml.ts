/**
 * Streaming, strict XML for the reader, on saxes (a maintained, well-formedness-checking SAX parser): text is fed in
 * chunks as it is inflated, so no large part is ever held as one string. No DTD is accepted, so no entity beyond XML's
 * five and no external entity can exist; comments, processing instructions and CDATA never become elements. Namespace
 * prefixes are resolved here (saxes' own namespace mode costs a third more time on a 100k-row sheet).
 */
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { TextDecoder } from "util";
import type { ReadLimits } from "./limits";
import { nl } from "./limits";

export const NS = {
  main: ["http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main"],
  rel: ["http://schemas.openxmlformats.org/officeDocument/2006/relationships", "http://purl.oclc.org/ooxml/officeDocument/relationships"],
  pkgRel: ["http://schemas.openxmlformats.org/package/2006/relationships"],
} as const;

export function isMain(ns: string): boolean {
  return ns === NS.main[0] || ns === NS.main[1];
}

export type Scope = Readonly<Record<string, string>>;

/**
 * What a part reader receives. Elements come as (local name, namespace URI, attributes as written, depth, prefixes in
 * scope) rather than as objects: a 100k-row sheet has a million elements, and each object would be garbage.
 */
export interface XmlSink {
  open(local: string, ns: string, attrs: Record<string, string>, depth: number, scope: Scope): void;
  close(local: string, depth: number): void;
  /** Character data (text and CDATA alike), possibly in several pieces. */
  text(t: string): void;
}

/** An attribute in a namespace (e.g. r:id), whatever prefix the file uses for it. */
export function attrNs(attrs: Record<string, string>, scope: Scope, uris: readonly string[], local: string): string | undefined {
  for (const key in attrs) {
    const i = key.indexOf(":");
    if (i < 0 || key.slice(i + 1) !== local) continue;
    const uri = scope[key.slice(0, i)];
    if (uri !== undefined && uris.includes(uri)) return attrs[key];
  }
  return undefined;
}

/** saxes' English messages → Dutch, without positions. */
function dutch(message: string): string {
  const m = message.replace(/^\d+:\d+:\s*/, "");
  let r: RegExpExecArray | null;
  if ((r = /^unclosed tag: (.*)/.exec(m))) return `element <${r[1]}> is niet afgesloten`;
  if ((r = /^unmatched closing tag: (.*?)\.?$/.exec(m))) return `sluittag </${r[1]}> zonder bijbehorende begintag`;
  if ((r = /^duplicate attribute: (.*?)\.?$/.exec(m))) return `attribuut ${r[1]} staat twee keer op één element`;
  if ((r = /^unbound namespace prefix: (.*)/.exec(m))) return `voorvoegsel ${r[1].replace(/"/g, "")} hoort bij geen naamruimte`;
  if (/undefined entity/.test(m)) return "onbekende entiteit (alleen &amp; &lt; &gt; &quot; &apos; en tekenverwijzingen bestaan zonder DTD)";
  if (/character entity|entity name/.test(m)) return "ongeldige tekenverwijzing";
  if (/unexpected end/.test(m)) return "het onderdeel houdt midden in de XML op";
  if (/outside of root/.test(m)) return "tekst buiten het hoofdelement";
  if (/only one root/.test(m)) return "meer dan één hoofdelement";
  if (/must contain a root/.test(m)) return "geen hoofdelement";
  if (/doctype/i.test(m)) return "DOCTYPE op een ongeldige plaats";
  if (/XML declaration|xml declaration/.test(m)) return "ongeldige XML-declaratie";
  if (/disallowed character/.test(m)) return "ongeldig teken";
  if (/comment/.test(m)) return "ongeldig commentaar";
  if (/attribute|quoted|value/.test(m)) return "ongeldig attribuut";
  return "de XML is niet goed gevormd";
}

/** saxes fields that grow with the input; watched after each chunk so that one giant token cannot exhaust memory. */
interface SaxesBuffers {
  text: string;
  name: string;
  entity: string;
  piTarget: string;
  attribList: unknown[];
  tags: unknown[];
}

/**
 * One XML part being read. `refuse(detail)` builds the error to throw (the caller knows part, sheet and cell);
 * everything wrong with the XML itself is refused, with a Dutch reason.
 */
export class XmlStream {
  private readonly parser: SaxesParser;
  private readonly locals: string[] = [];
  private readonly scopes: Scope[] = [];
  private sawRoot = false;
  private prologBytes = 0;
  private readonly rootScope: Scope = { xml: "http://www.w3.org/XML/1998/namespace" };

  constructor(
    private readonly sink: XmlSink,
    private readonly limits: ReadLimits,
    private readonly refuse: (detail: string) => Error,
  ) {
    const p = new SaxesParser({ xmlns: false, position: false });
    p.on("error", (e) => {
      throw this.refuse(`XML niet goed gevormd: ${dutch(e.message)}`);
    });
    p.on("doctype", () => {
      throw this.refuse("het XML-onderdeel heeft een DOCTYPE (DTD); een werkmap heeft die nooit, en entiteiten worden niet uitgevouwen");
    });
    p.on("xmldecl", (d) => {
      if (d.encoding !== undefined && !/^utf-?(8|16)$/i.test(d.encoding)) throw this.refuse(`XML in tekenset ${d.encoding}; alleen UTF-8 en UTF-16 zijn toegestaan`);
    });
    p.on("opentag", (tag) => this.open(tag));
    p.on("closetag", () => {
      this.scopes.pop();
      const local = this.locals.pop()!;
      this.sink.close(local, this.locals.length);
    });
    p.on("text", (t) => this.sink.text(t));
    p.on("cdata", (t) => this.sink.text(t));
    this.parser = p;
  }

  private open(tag: SaxesTagPlain): void {
    this.sawRoot = true;
    const depth = this.locals.length;
    const parent = depth ? this.scopes[depth - 1] : this.rootScope;
    let scope = parent;
    const attrs = tag.attributes as Record<string, string>;
    for (const key in attrs) {
      if (key.charCodeAt(0) !== 120 /* x */ || !key.startsWith("xmlns")) continue;
      if (key !== "xmlns" && key[5] !== ":") continue;
      if (scope === parent) scope = { ...parent };
      (scope as Record<string, string>)[key === "xmlns" ? "" : key.slice(6)] = attrs[key];
    }
    const name = tag.name;
    const i = name.indexOf(":");
    const local = i < 0 ? name : name.slice(i + 1);
    const ns = scope[i < 0 ? "" : name.slice(0, i)];
    if (ns === undefined && i >= 0) throw this.refuse(`XML niet goed gevormd: voorvoegsel ${name.slice(0, i)} van <${name}> hoort bij geen naamruimte`);
    this.locals.push(local);
    this.scopes.push(scope);
    if (depth >= this.limits.maxXmlDepth) throw this.refuse(`XML meer dan ${this.limits.maxXmlDepth} elementen diep genest`);
    this.sink.open(local, ns ?? "", attrs, depth, scope);
  }

  write(chunk: string): void {
    if (!this.sawRoot) this.prologBytes += chunk.length;
    this.parser.write(chunk);
    const b = this.parser as unknown as SaxesBuffers;
    const max = this.limits.maxXmlToken;
    if (b.text.length > max || b.name.length > max || b.entity.length > max || b.piTarget.length > max) {
      throw this.refuse(`een tekst, naam of commentaar in de XML is langer dan ${nl(max)} tekens`);
    }
    if (b.attribList.length > this.limits.maxXmlAttributes) throw this.refuse(`een element met meer dan ${this.limits.maxXmlAttributes} attributen`);
    if (!this.sawRoot && this.prologBytes > this.limits.maxXmlProlog) {
      throw this.refuse(`meer dan ${nl(this.limits.maxXmlProlog)} tekens vóór het eerste element`);
    }
  }

  end(): void {
    this.parser.close();
  }
}

/** Bytes → text for XML: UTF-8 (with or without BOM) or UTF-16 with BOM; malformed bytes are an error, never U+FFFD. */
export class XmlDecoder {
  private decoder?: TextDecoder;
  constructor(private readonly refuse: (detail: string) => Error) {}

  decode(chunk: Uint8Array): string {
    if (!this.decoder) {
      let label = "utf-8";
      if (chunk.length >= 2 && chunk[0] === 0xff && chunk[1] === 0xfe) label = "utf-16le";
      else if (chunk.length >= 2 && chunk[0] === 0xfe && chunk[1] === 0xff) label = "utf-16be";
      // ignoreBOM false (the default) strips the BOM
      this.decoder = new TextDecoder(label, { fatal: true });
    }
    try {
      return this.decoder.decode(chunk, { stream: true });
    } catch {
      throw this.refuse("de tekst is geen geldige UTF-8/UTF-16");
    }
  }

  end(): string {
    try {
      return this.decoder?.decode() ?? "";
    } catch {
      throw this.refuse("de tekst houdt op midden in een teken");
    }
  }
}
