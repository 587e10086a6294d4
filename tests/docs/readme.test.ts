/**
 * README.md stays true: its function table is what scripts/function-table.js prints from the registry (examples and
 * their results as the engine computes them), and its two commands are what .ci/run and package.json really do.
 */
import fs from "fs";
import path from "path";
import { REGISTRY } from "../../src/functions/registry";
import { evaluateFormulas, formatResult } from "../../src/engine/evaluate";
import { ADDED_FUNCTIONS, CORRECTED_FUNCTIONS } from "../../src/engine/excelFunctions";
import { namedUnsupportedFunctions } from "../../src/engine/rewrite";

const root = path.join(__dirname, "..", "..");
const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");

describe("README.md", () => {
  test.each([...REGISTRY.values()].map((s) => [s.id, s]))("lists PB.%s with its example and the example's result", (_id, spec) => {
    const row = readme.split("\n").find((l) => l.startsWith(`| \`PB.${spec.id}(`));
    expect(row).toBeDefined();
    expect(row).toContain(`\`${spec.example}\``);
    if (spec.id !== "VERSIE" && spec.id !== "BRON") {
      const result = formatResult(evaluateFormulas([spec.example])[0]).replace(/\t/g, " · ");
      expect(row).toContain(`\`${result}\``);
    }
  });

  test("gives the set-up command and the test command that CI runs", () => {
    expect(readme).toContain("npm install && npm start");
    expect(readme).toMatch(/^npm test\b/m);
    const ci = fs.readFileSync(path.join(root, ".ci", "run"), "utf8");
    expect(ci).toMatch(/^npm install\b/m);
    expect(ci).toMatch(/^npm test$/m);
    const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
    expect(pkg.scripts.start).toBeDefined();
    expect(pkg.scripts.test).toBe("jest");
  });

  test("its limits of the engine name every Excel function the engine adds, corrects or leaves out", () => {
    const start = readme.indexOf("### Bekende grenzen van de rekenkern");
    const section = readme.slice(start, readme.indexOf("\n### ", start + 10));
    const words = new Set(section.match(/[A-Z][A-Z0-9.]+/g));
    // SINGLE is what the file stores for @, which the README names.
    const listed = [...ADDED_FUNCTIONS.filter((f) => f !== "SINGLE"), ...CORRECTED_FUNCTIONS, ...namedUnsupportedFunctions()];
    expect(listed.filter((f) => !words.has(f))).toEqual([]);
    expect(section).toContain("`@`");
  });

  test("every screenshot it shows exists", () => {
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]);
    expect(images.length).toBeGreaterThanOrEqual(5);
    for (const img of images) expect(fs.existsSync(path.join(root, img))).toBe(true);
  });
});
