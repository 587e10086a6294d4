/**
 * Offline manifest validation: the real manifest passes, and each check fires on a manifest broken in exactly that way.
 */
import * as fs from "fs";
import * as path from "path";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { validateManifest, CHECKS } = require("../../scripts/manifestChecks") as {
  validateManifest: (xml: string, opts?: { expectedVersion?: string }) => { check: string; message: string }[];
  CHECKS: string[];
};

const root = path.join(__dirname, "..", "..");
const manifest = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");
const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));

function broken(from: string | RegExp, to: string): string {
  const out = manifest.replace(from, to);
  if (out === manifest) throw new Error(`test fixture: ${String(from)} not found in manifest.xml`);
  return out;
}

function checksFired(xml: string): string[] {
  return [...new Set(validateManifest(xml, { expectedVersion: pkg.version }).map((p) => p.check))];
}

describe("manifest.xml", () => {
  test("passes every offline check, with the version of package.json", () => {
    expect(validateManifest(manifest, { expectedVersion: pkg.version })).toEqual([]);
  });

  test("uses namespace PB, a shared runtime and ReadWriteDocument", () => {
    expect(manifest).toContain('<bt:String id="Functions.Namespace" DefaultValue="PB"/>');
    expect(manifest).toContain('<Runtime resid="Taskpane.Url" lifetime="long"/>');
    expect(manifest).toContain("<Permissions>ReadWriteDocument</Permissions>");
  });

  test("the icons it names exist in assets/ as PNG files of that size", () => {
    for (const size of [16, 32, 64, 80]) {
      const file = path.join(root, "assets", `icon-${size}.png`);
      const png = fs.readFileSync(file);
      expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
      // IHDR width and height at bytes 16 and 20.
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
    for (const m of manifest.matchAll(/https:\/\/localhost:3000\/(assets\/[^"]+)"/g)) {
      expect(fs.existsSync(path.join(root, m[1]))).toBe(true);
    }
  });
});

describe("each check fires on a manifest broken that way", () => {
  const cases: [string, string][] = [
    ["wellFormed", broken("</OfficeApp>", "</OfficeAp>")],
    ["root", broken('xsi:type="TaskPaneApp"', 'xsi:type="MailApp"')],
    ["id", broken("<Id>a4f55676-76df-462a-8ef7-6f281b0c344b</Id>", "<Id>pb-rekenkit</Id>")],
    ["version", broken("<Version>0.1.0.0</Version>", "<Version>v0.1</Version>")],
    ["version", broken("<Version>0.1.0.0</Version>", "<Version>0.1.70000.0</Version>")],
    ["packageVersion", broken("<Version>0.1.0.0</Version>", "<Version>9.9.9.0</Version>")],
    ["texts", broken('<DisplayName DefaultValue="PB Rekenkit"/>', `<DisplayName DefaultValue="${"x".repeat(126)}"/>`)],
    ["resids", broken('<Runtime resid="Taskpane.Url" lifetime="long"/>', '<Runtime resid="Taskpane.Url" lifetime="long"/><Icon resid="Bestaat.Niet"/>')],
    ["resids", broken('<bt:Url id="Functions.Metadata.Url"', '<bt:Url id="Functions.Metadata.Lost"')],
    ["resids", broken('<Label resid="Group.Label"/>', `<Label resid="${"G".repeat(33)}"/>`)],
    ["namespace", broken('id="Functions.Namespace" DefaultValue="PB"', 'id="Functions.Namespace" DefaultValue="CONTOSO"')],
    ["namespace", broken('xsi:type="CustomFunctions"', 'xsi:type="Other"')],
    ["sharedRuntime", broken('<Set Name="SharedRuntime" MinVersion="1.1"/>', '<Set Name="CustomFunctionsRuntime" MinVersion="1.1"/>')],
    ["sharedRuntime", broken('lifetime="long"', 'lifetime="short"')],
    ["sharedRuntime", broken('<FunctionFile resid="Taskpane.Url"/>', '<FunctionFile resid="Functions.Script.Url"/>')],
    ["sharedRuntime", broken(/<Page>\s*<SourceLocation resid="Taskpane.Url"\/>/, '<Page><SourceLocation resid="Functions.Script.Url"/>')],
    ["https", broken('"https://localhost:3000/functions.js"', '"http://localhost:3000/functions.js"')],
    ["https", broken("<AppDomain>https://localhost:3000</AppDomain>", "<AppDomain>localhost:3000</AppDomain>")],
    ["permissions", broken("<Permissions>ReadWriteDocument</Permissions>", "<Permissions>ReadWriteMailbox</Permissions>")],
    ["host", broken('<Host Name="Workbook"/>', '<Host Name="Document"/>')],
  ];

  test.each(cases)("%s", (check, xml) => {
    expect(checksFired(xml)).toContain(check);
  });

  test("every check of the module has a case above", () => {
    const covered = new Set(cases.map(([c]) => c));
    for (const c of CHECKS) expect(covered).toContain(c);
  });

  test("a broken manifest reports Dutch messages naming the problem", () => {
    const problems = validateManifest(broken("<Permissions>ReadWriteDocument</Permissions>", "<Permissions>ReadWriteMailbox</Permissions>"));
    expect(problems).toEqual([
      { check: "permissions", message: expect.stringContaining('"ReadWriteMailbox" is niet toegestaan; ten hoogste ReadWriteDocument') },
    ]);
  });
});
