/**
 * `pb template`: list the report templates, or write one to a new .xlsx file. Never writes into an existing file:
 * the file is created exclusively, so even a file that appears between the check and the write is left alone.
 */
import { promises as fs } from "fs";
import type { Command, CliIO } from "../command";
import { EXIT, parseOptions, UsageError } from "../command";
import { getTemplate, TEMPLATES, type TemplateDef } from "../../templates";
import { renderTemplate } from "../../templates/render";
import { withCachedResults } from "../../engine/cache";
import { workbookBuffer } from "../../xlsx/write";
import type { WorkbookModel } from "../../xlsx/model";

function yearsText(y: { from: number; to: number | null }): string {
  return y.to === null ? `${y.from}–` : `${y.from}–${y.to}`;
}

/** A template as the .xlsx `pb template` writes: rendered, with every formula's value cached. */
export async function templateFile(def: TemplateDef, options: { example?: boolean } = {}): Promise<{ model: WorkbookModel; bytes: Buffer }> {
  const model = withCachedResults(renderTemplate(def, { example: options.example === true }));
  return { model, bytes: await workbookBuffer(model) };
}

export const templateCommand: Command = {
  name: "template",
  summary: "Rapportsjablonen tonen, of één sjabloon als nieuwe .xlsx schrijven",
  usage: [
    "pb template                         toont de sjablonen (id, jaren, versie, titel)",
    "pb template ID UIT.xlsx [--voorbeeld]",
    "  Schrijft sjabloon ID naar het nieuwe bestand UIT.xlsx; --voorbeeld vult het uitgewerkte voorbeeld in.",
    "  Een bestaand bestand wordt nooit overschreven: kies dan een andere naam.",
    "  Afsluitcode: 0 = geschreven, 2 = onbekend sjabloon, bestand bestaat al of verkeerd gebruik.",
  ].join("\n"),
  async run(args, io: CliIO) {
    const { positional, options } = parseOptions(args, { voorbeeld: "flag" });
    if (positional.length === 0) {
      for (const t of TEMPLATES) io.out([t.id, yearsText(t.years), `versie ${t.version}`, t.title].join("\t"));
      io.out(`${TEMPLATES.length} sjablonen. Schrijven: pb template ID UIT.xlsx [--voorbeeld]`);
      return EXIT.ok;
    }
    if (positional.length !== 2) throw new UsageError("Gebruik: pb template ID UIT.xlsx [--voorbeeld]");
    const [id, out] = positional;
    const def = getTemplate(id);
    if (!def) {
      io.err(`Onbekend sjabloon "${id}". Bekende sjablonen: ${TEMPLATES.map((t) => t.id).join(", ")}.`);
      return EXIT.usage;
    }
    if (!/\.xlsx$/i.test(out)) {
      io.err(`${out}: de uitvoer moet een .xlsx-bestand zijn.`);
      return EXIT.usage;
    }
    const { model, bytes } = await templateFile(def, { example: options.voorbeeld === true });
    try {
      await fs.writeFile(out, bytes, { flag: "wx" });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "EEXIST") {
        io.err(`${out} bestaat al. PB Rekenkit schrijft nooit in een bestaand bestand; kies een andere bestandsnaam.`);
        return EXIT.usage;
      }
      io.err(`${out} kan niet worden geschreven: ${(e as Error).message}`);
      return EXIT.unreadable;
    }
    io.out(
      `Sjabloon ${def.id} (versie ${def.version}) geschreven naar ${out}: bladen ${model.sheets.map((s) => s.name).join(", ")}` +
        (options.voorbeeld === true ? ", met het uitgewerkte voorbeeld." : "."),
    );
    return EXIT.ok;
  },
};
