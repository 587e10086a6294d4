/**
 * Help pages per function, generated from the registry and shipped in dist/help/, linked as helpUrl in the built
 * functions.json. Figures: PB.LKS(DATUM(2023;7;1);0,4;38) = 1.596,56 (1995 × 1,08 × 0,6 × 1,235);
 * PB.VERDEELSLEUTEL(100;{1\1\1}) = 33,34 | 33,33 | 33,33 (largest remainder: the first key gets the extra cent).
 */
import * as fs from "fs";
import * as path from "path";
import { exampleResult, helpFile, helpPages } from "../../src/help/pages";
import { EXCEL_FUNCTION_IDS, REGISTRY } from "../../src/functions/registry";
import { dist, ensureBuild } from "../helpers/build";

jest.setTimeout(180_000);

describe("help pages from the registry", () => {
  const pages = helpPages([{ id: "LKS", name: "LKS", description: "Loonkostensubsidie per maand.", parameters: [{ name: "peildatum", description: "Datum." }] }]);
  const lks = pages.find((p) => p.path === "help/lks.html")!.html;

  test("one page per function and an index", () => {
    expect(pages.map((p) => p.path).sort()).toEqual([...EXCEL_FUNCTION_IDS.map(helpFile), "help/index.html"].sort());
  });

  test("the worked example in Dutch notation with its result, the English form beside it", () => {
    expect(lks).toContain("<code>=PB.LKS(DATUM(2023;7;1);0,4;38)</code> geeft <strong>1.596,56</strong>");
    expect(lks).toContain("=PB.LKS(DATE(2023,7,1),0.4,38)");
    expect(exampleResult(REGISTRY.get("VERDEELSLEUTEL")!.example)).toBe("33,34 | 33,33 | 33,33");
    expect(exampleResult(REGISTRY.get("BUDGETJAAR")!.example)).toBe("2012");
  });

  test("every parameter value with its citation and link; no research note reaches the page", () => {
    expect(lks).toContain("<h3><code>lks.werkgeverslasten</code></h3>");
    expect(lks).toContain("Stcrt. 2017, 68248");
    expect(lks).toContain('href="https://wetten.overheid.nl/BWBR0035633"');
    expect(lks).toMatch(/één secundaire bron/);
    for (const p of pages) expect(p.html).not.toMatch(/sources\.md|nagezocht|§|\[UNVERIFIED/);
  });

  test("PB.UITLEG has its page: what it shows, its errors, and what pb does with it", () => {
    const uitleg = pages.find((p) => p.path === "help/uitleg.html")!.html;
    expect(uitleg).toContain("<code>=PB.UITLEG(D2)</code>");
    expect(uitleg).toContain("schrijft niets in de werkmap");
    expect(uitleg).toContain("pb recalc");
    expect(pages.find((p) => p.path === "help/index.html")!.html).toContain('href="uitleg.html"');
  });

  test("static and self-contained: Dutch, no script, nothing loaded from elsewhere", () => {
    for (const p of pages) {
      expect(p.html).toContain('<html lang="nl">');
      expect(p.html).not.toMatch(/<script|<link |src="http/);
    }
  });
});

describe("the build ships them and links them", () => {
  beforeAll(async () => {
    await ensureBuild();
  });

  test("dist/help has every page; functions.json gives each function its helpUrl on the build's address", () => {
    const meta = JSON.parse(fs.readFileSync(path.join(dist, "functions.json"), "utf8")) as { functions: { id: string; helpUrl?: string }[] };
    expect(meta.functions).toHaveLength(EXCEL_FUNCTION_IDS.length);
    for (const f of meta.functions) {
      expect(f.helpUrl).toBe(`https://localhost:3000/${helpFile(f.id)}`);
      expect(fs.existsSync(path.join(dist, helpFile(f.id)))).toBe(true);
    }
    // The page built from the real functions.json has the JSDoc description.
    expect(fs.readFileSync(path.join(dist, "help", "lks.html"), "utf8")).toContain("inclusief vakantiebijslag en werkgeverslasten");
  });
});
