/**
 * webpack.config.js sanity: the shared-runtime layout (one page, both bundles), the metadata plugin, the dev server
 * on https://localhost:3000 bound to localhost, and the guard that keeps HyperFormula and ExcelJS out of the add-in.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import webpack from "webpack";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require("../../webpack.config.js");

type Cfg = webpack.Configuration & { devServer?: Record<string, unknown> };

describe("webpack.config.js", () => {
  test("two entries, ES modules for tree-shaking, transpile-only ts-loader", async () => {
    const c: Cfg = await config({}, { mode: "production" });
    expect(Object.keys(c.entry as object)).toEqual(["functions", "taskpane"]);
    expect((c.entry as Record<string, string[]>).functions).toEqual([
      "./src/excel/associateRecorder.ts",
      "./src/excel/dateSystemWatch.ts",
      "./src/excel/receiptInCellWatch.ts",
      "./src/excel/uitlegFunction.ts",
      "./src/functions/functions.ts",
    ]);
    const rule = (c.module!.rules as { use: { loader: string; options: Record<string, unknown> } }[])[0];
    expect(rule.use.loader).toBe("ts-loader");
    expect(rule.use.options).toMatchObject({ transpileOnly: true, compilerOptions: { module: "esnext" } });
    expect(c.devServer).toBeUndefined(); // only computed when serving
  });

  test("taskpane.html loads both bundles; functions.json is generated; manifest and icons are copied", async () => {
    const c: Cfg = await config({}, { mode: "production" });
    const names = c.plugins!.map((p) => (p as object).constructor.name);
    expect(names).toEqual(["ForbiddenModulesPlugin", "CustomFunctionsMetadataPlugin", "HtmlWebpackPlugin", "CopyPlugin", "HelpPagesPlugin", "DefinePlugin"]);
    const html = c.plugins![2] as unknown as { userOptions: { chunks: string[]; filename: string } };
    expect(html.userOptions).toMatchObject({ filename: "taskpane.html", chunks: ["functions", "taskpane"] });
    const meta = c.plugins![1] as unknown as { options: { output: string; input: string } };
    expect(meta.options).toEqual({ output: "functions.json", input: "./src/functions/functions.ts" });
    const copy = c.plugins![3] as unknown as { patterns: { from: string }[] };
    expect(copy.patterns.map((p) => p.from)).toEqual(["assets/*.png", "manifest.xml"]);
  });

  test("dev server: https on localhost:3000, not on every interface", async () => {
    const before = process.env.WEBPACK_SERVE;
    process.env.WEBPACK_SERVE = "true";
    process.env.DEV_SERVER_HTTP = "1"; // skip the certificate step here; its fallback is exercised by npm start
    try {
      const c: Cfg = await config({}, { mode: "development" });
      expect(c.devServer).toMatchObject({ host: "localhost", port: 3000 });
    } finally {
      process.env.WEBPACK_SERVE = before;
      delete process.env.DEV_SERVER_HTTP;
    }
  });

  test("the manifest URLs can be rewritten for a production host", async () => {
    const c: Cfg = await config({}, { mode: "production" });
    const copy = c.plugins![3] as unknown as { patterns: { from: string; transform?: (b: Buffer) => string }[] };
    const manifest = copy.patterns.find((p) => p.from === "manifest.xml")!;
    process.env.ADDIN_URL = "https://pb.example.nl/addin";
    try {
      const out = manifest.transform!(fs.readFileSync(path.join(__dirname, "..", "..", "manifest.xml")));
      expect(out).not.toContain("localhost:3000");
      expect(out).toContain('"https://pb.example.nl/addin/functions.json"');
      expect(out).toContain("<AppDomain>https://pb.example.nl</AppDomain>");
    } finally {
      delete process.env.ADDIN_URL;
    }
  });
});

describe("the add-in's address comes from the build (ADDIN_URL)", () => {
  afterEach(() => delete process.env.ADDIN_URL);

  test("the pane gets it through DefinePlugin; without ADDIN_URL the dev server's address", async () => {
    process.env.ADDIN_URL = "https://pb.example.nl/addin";
    const c: Cfg = await config({}, { mode: "production" });
    const define = c.plugins!.find((p) => (p as object).constructor.name === "DefinePlugin") as unknown as { definitions: Record<string, string> };
    expect(define.definitions.__ADDIN_URL__).toBe(JSON.stringify("https://pb.example.nl/addin/"));
    delete process.env.ADDIN_URL;
    expect(config.addinBase()).toBe("https://localhost:3000/");
  });

  test("an http or malformed ADDIN_URL is refused with a Dutch reason", () => {
    process.env.ADDIN_URL = "http://pb.example.nl/";
    expect(() => config.addinBase()).toThrow(/ADDIN_URL moet met https:\/\/ beginnen/);
    process.env.ADDIN_URL = "pb.example.nl";
    expect(() => config.addinBase()).toThrow(/is geen geldig adres/);
  });

  test("no source file of the add-in hard-codes the address (only src/addinUrl.ts names the dev server)", () => {
    const hits: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.(ts|tsx|html)$/.test(e.name) && /localhost:3000/.test(fs.readFileSync(p, "utf8"))) hits.push(path.relative(path.join(__dirname, "..", ".."), p));
      }
    };
    walk(path.join(__dirname, "..", "..", "src"));
    expect(hits).toEqual(["src/addinUrl.ts"]);
  });
});

describe("HyperFormula and ExcelJS stay out of the add-in", () => {
  test("the path check", () => {
    expect(config.forbiddenModules(["/p/node_modules/react/index.js", "/p/src/rules/lks.ts"])).toEqual([]);
    expect(config.forbiddenModules(["/p/node_modules/hyperformula/commonjs/index.js"]).map((h: { pkg: string }) => h.pkg)).toEqual(["hyperformula"]);
    expect(config.forbiddenModules(["/p/node_modules/exceljs/dist/es5/index.js"]).map((h: { pkg: string }) => h.pkg)).toEqual(["exceljs"]);
  });

  test("a build that imports one fails with a Dutch error naming it", async () => {
    // A real webpack run on a two-line entry; package.json of each package is enough to put its path in the graph.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pb-forbidden-"));
    const entry = path.join(dir, "entry.js");
    // Absolute paths: the packages' "exports" do not expose package.json.
    const nm = path.join(__dirname, "..", "..", "node_modules");
    const file = (pkg: string) => JSON.stringify(path.join(nm, pkg, "package.json"));
    fs.writeFileSync(entry, `require(${file("hyperformula")});\nrequire(${file("exceljs")});\n`);
    const stats = await new Promise<webpack.Stats>((resolve, reject) =>
      webpack(
        {
          mode: "development",
          context: path.join(__dirname, "..", ".."),
          entry,
          output: { path: dir, filename: "out.js" },
          resolve: { modules: [path.join(__dirname, "..", "..", "node_modules")] },
          plugins: [new config.ForbiddenModulesPlugin()],
        },
        (err, s) => (err || !s ? reject(err) : resolve(s)),
      ),
    );
    const errors = stats.toJson({ all: false, errors: true }).errors!.map((e) => e.message);
    expect(stats.hasErrors()).toBe(true);
    expect(errors.join("\n")).toMatch(/hyperformula hoort niet in de invoegtoepassing/);
    expect(errors.join("\n")).toMatch(/exceljs hoort niet in de invoegtoepassing/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
