/** `pb template` and `pb check`, run in-process through their command objects (as bin/pb runs them). */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { templateCommand } from "../../src/cli/commands/template";
import { checkCommand } from "../../src/cli/commands/check";
import { getTemplate, TEMPLATES } from "../../src/templates";
import { renderTemplate } from "../../src/templates/render";
import { workbookBuffer } from "../../src/xlsx/write";
import { withValues } from "./helpers";

jest.setTimeout(60_000);

const dir = mkdtempSync(path.join(tmpdir(), "pb-cli-templates-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(cmd: typeof templateCommand, args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await cmd.run(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

describe("pb template", () => {
  test("without arguments lists every template with id, years and version", async () => {
    const r = await run(templateCommand, []);
    expect(r.code).toBe(0);
    expect(r.out).toHaveLength(TEMPLATES.length + 1);
    expect(r.out[0]).toBe("SISA-WPB\t2009–2014\tversie 1.1.0\tSiSa-bijlage Wet participatiebudget (2009–2014)");
    expect(r.out[1].startsWith("SISA-PW\t2015–\tversie 1.1.0\t")).toBe(true);
  });

  test.each(TEMPLATES.map((t) => [t.id] as const))("writes %s to a new .xlsx", async (id) => {
    const file = path.join(dir, `${id}.xlsx`);
    const r = await run(templateCommand, [id.toLowerCase(), file]);
    expect(r.code).toBe(0);
    expect(readFileSync(file).subarray(0, 2).toString()).toBe("PK");
  });

  test("refuses to write into an existing file and leaves it untouched", async () => {
    const file = path.join(dir, "bestaat.xlsx");
    writeFileSync(file, "van de gebruiker");
    const before = statSync(file).mtimeMs;
    const r = await run(templateCommand, ["GR-WPB", file, "--voorbeeld"]);
    expect(r.code).toBe(2);
    expect(r.err.join("\n")).toContain("bestaat al. PB Rekenkit schrijft nooit in een bestaand bestand");
    expect(readFileSync(file, "utf8")).toBe("van de gebruiker");
    expect(statSync(file).mtimeMs).toBe(before);
  });

  test("an unknown id is refused with the list of ids", async () => {
    const r = await run(templateCommand, ["SISA-2099", path.join(dir, "x.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.err[0]).toContain("Onbekend sjabloon \"SISA-2099\"");
    expect(r.err[0]).toContain("GR-WPB");
  });
});

describe("pb check", () => {
  test.each(TEMPLATES.map((t) => [t.id] as const))("%s filled correctly (the worked example, as pb template writes it) passes: exit 0", async (id) => {
    const file = path.join(dir, `${id}-voorbeeld.xlsx`);
    expect((await run(templateCommand, [id, file, "--voorbeeld"])).code).toBe(0);
    const r = await run(checkCommand, [file]);
    expect(r.out.filter((l) => l.includes("FOUT"))).toEqual([]);
    expect(r.code).toBe(0);
    // GR-WPB: its 9 own checks, the inputs, 3 about its list of municipalities (key, doubles, below; a gemeentecode is no BSN), the formulas and the PB errors = 15
    if (id === "GR-WPB") expect(r.out[r.out.length - 1]).toBe("1 sjabloon, 15 controles, 0 fouten");
  });

  test("a netted deficit and a late date: exit 1, each failure with sheet, cell and Dutch explanation", async () => {
    const model = withValues(renderTemplate(getTemplate("GR-WPB")!, { example: true }), { "GR-verdeling": { L12: 25_000, B8: 41106 } }); // 16-7-2012
    const file = path.join(dir, "gr-fout.xlsx");
    writeFileSync(file, await workbookBuffer(model));
    const r = await run(checkCommand, [file]);
    expect(r.code).toBe(1);
    const text = r.out.join("\n");
    expect(text).toContain("FOUT\t'GR-verdeling'!L12\tGeen saldering tussen deelnemers: Gemeente 0902 heeft € 25.000,00 ontvangen van andere deelnemers");
    expect(text).toContain("FOUT\t'GR-verdeling'!B8\tAanlevering aan de gemeenten vóór de termijn: Geplande datum aanlevering 16-7-2012 ligt na de uiterste datum 15-7-2012 (1 dag te laat).");
    expect(r.out[r.out.length - 1]).toBe("1 sjabloon, 15 controles, 2 fouten");
  });

  test("an unreadable file: exit 2", async () => {
    const file = path.join(dir, "kapot.xlsx");
    writeFileSync(file, "dit is geen werkmap");
    const r = await run(checkCommand, [file]);
    expect(r.code).toBe(2);
    expect(r.err[0]).toContain("geen Excel-werkmap");
  });

  test("a workbook without a PB template: exit 2, nothing checked", async () => {
    const file = path.join(dir, "leeg.xlsx");
    writeFileSync(file, await workbookBuffer({ sheets: [{ name: "Blad1", cells: [{ address: "A1", value: 1 }] }] }));
    const r = await run(checkCommand, [file]);
    expect(r.code).toBe(2);
    expect(r.err[0]).toContain("bevat geen PB Rekenkit-sjabloon");
  });
});
