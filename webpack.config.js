/**
 * The add-in build: one shared runtime. taskpane.html loads both bundles (functions + task pane), the metadata plugin
 * turns the JSDoc of src/functions/functions.ts into functions.json, and the manifest and icons are copied beside them.
 *
 * Env switches (all optional):
 *   --env OFFICE_JS=local   serve office.js from the @microsoft/office-js package instead of Microsoft's CDN (offline demo)
 *   ADDIN_URL=https://host/path/   where the add-in is served: rewrites the manifest's https://localhost:3000/, sets the
 *                            helpUrl of every function and the address the pane names in its repair help
 *   DEV_SERVER_HTTP=1        plain http dev server (browser tests only; Office refuses http add-ins)
 */
const path = require("path");
const fs = require("fs");
const os = require("os");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { WebpackError, DefinePlugin, Compilation, sources } = require("webpack");
const { helpAssets } = require("./scripts/help");

const DEV_URL = "https://localhost:3000/";
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const PORT = 3000;

/**
 * GPL (HyperFormula) and CLI-only code (ExcelJS, its zip stack) must never reach the add-in: the add-in stays
 * EUPL-only and small. The check runs on the resolved module paths, so a transitive import is caught as well.
 */
const FORBIDDEN_PACKAGES = ["hyperformula", "exceljs"];

function forbiddenModules(resources) {
  const hits = [];
  for (const r of resources) {
    if (!r) continue;
    const norm = r.split(path.sep).join("/");
    for (const pkg of FORBIDDEN_PACKAGES) {
      if (norm.includes(`/node_modules/${pkg}/`)) hits.push({ pkg, resource: r });
    }
  }
  return hits;
}

class ForbiddenModulesPlugin {
  apply(compiler) {
    compiler.hooks.compilation.tap("ForbiddenModulesPlugin", (compilation) => {
      compilation.hooks.finishModules.tap("ForbiddenModulesPlugin", (modules) => {
        const resources = [];
        for (const m of modules) resources.push(m.resource);
        const seen = new Set();
        for (const hit of forbiddenModules(resources)) {
          if (seen.has(hit.pkg)) continue;
          seen.add(hit.pkg);
          compilation.errors.push(
            new WebpackError(
              `${hit.pkg} hoort niet in de invoegtoepassing (GPL of alleen voor de CLI), maar wordt geïmporteerd: ${hit.resource}`,
            ),
          );
        }
      });
    });
  }
}

/**
 * office-addin-dev-certs installs its CA with sudo, which fails on Linux without sudo and then breaks the server
 * (toolchain G8). Use its certificates when they are usable, otherwise webpack-dev-server's own self-signed one.
 */
async function httpsServer() {
  if (process.env.DEV_SERVER_HTTP === "1") return "http";
  try {
    const devCerts = require("office-addin-dev-certs");
    const options = await Promise.race([
      devCerts.getHttpsServerOptions(),
      new Promise((_, reject) => setTimeout(() => reject(new Error("time-out")), 15000)),
    ]);
    return { type: "https", options };
  } catch (e) {
    const dir = path.join(os.homedir(), ".office-addin-dev-certs");
    const cert = path.join(dir, "localhost.crt");
    const key = path.join(dir, "localhost.key");
    if (fs.existsSync(cert) && fs.existsSync(key)) {
      console.warn(`Ontwikkelcertificaat niet geïnstalleerd (${e.message}); het certificaat uit ${dir} wordt gebruikt.`);
      return { type: "https", options: { cert: fs.readFileSync(cert), key: fs.readFileSync(key) } };
    }
    console.warn(`Ontwikkelcertificaat niet beschikbaar (${e.message}); de dev-server maakt een eigen certificaat.`);
    return "https";
  }
}

/** The add-in's base URL for this build, always ending in "/"; refused unless it is https (Office loads nothing else). */
function addinBase() {
  const url = process.env.ADDIN_URL;
  if (!url) return DEV_URL;
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`ADDIN_URL "${url}" is geen geldig adres. Voorbeeld: ADDIN_URL=https://pb.gemeente.nl/rekenkit/ npm run build`);
  }
  if (parsed.protocol !== "https:") throw new Error(`ADDIN_URL moet met https:// beginnen (Office laadt invoegtoepassingen alleen via https), niet: ${url}`);
  return url.endsWith("/") ? url : `${url}/`;
}

/**
 * After the metadata plugin wrote functions.json: give every function its helpUrl and emit the help pages
 * (scripts/help.js, from the same registry the add-in runs).
 */
class HelpPagesPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("HelpPagesPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "HelpPagesPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, (assets) => {
        const json = assets["functions.json"];
        if (!json) return;
        try {
          const out = helpAssets(json.source().toString(), addinBase());
          compilation.updateAsset("functions.json", new sources.RawSource(out.functionsJson));
          for (const p of out.pages) compilation.emitAsset(p.path, new sources.RawSource(p.html));
        } catch (e) {
          compilation.errors.push(new WebpackError(`Helppagina's konden niet worden gemaakt: ${e.message}`));
        }
      });
    });
  }
}

function rewriteManifest(content) {
  const text = content.toString();
  if (!process.env.ADDIN_URL) return text;
  const base = addinBase();
  // Full URLs get the new base; what is left (AppDomain) is an origin.
  return text.split(DEV_URL).join(base).split(DEV_URL.slice(0, -1)).join(new URL(base).origin);
}

module.exports = async (env = {}, argv = {}) => {
  // The add-in embeds the parameter set in force: a broken data file stops the build (one line per problem).
  const problems = require("./scripts/check-parameters").check();
  if (problems.length > 0) throw new Error(`De parameterdata kloppen niet:\n  ${problems.join("\n  ")}`);
  const mode = argv.mode || "production";
  const dev = mode === "development";
  const localOfficeJs = env.OFFICE_JS === "local";
  const serving = process.env.WEBPACK_SERVE === "true";

  const copies = [
    { from: "assets/*.png", to: "assets/[name][ext]" },
    { from: "manifest.xml", to: "manifest.xml", transform: rewriteManifest },
  ];
  if (localOfficeJs) {
    // office.js loads its host files from its own folder; already minified, so Terser must skip them (G7).
    copies.push({
      from: "node_modules/@microsoft/office-js/dist",
      to: "office-js",
      info: { minimized: true },
      globOptions: { ignore: ["**/*.debug.js", "**/*.d.ts"] },
    });
  }

  return {
    mode,
    devtool: dev ? "source-map" : false,
    entry: {
      // The recorder runs first so the task pane can tell which functions this runtime associated.
      // Then the workbook's date system, "Bonnetje in de cel" and PB.UITLEG's reader, before the functions themselves.
      functions: [
        "./src/excel/associateRecorder.ts",
        "./src/excel/dateSystemWatch.ts",
        "./src/excel/receiptInCellWatch.ts",
        "./src/excel/uitlegFunction.ts",
        "./src/functions/functions.ts",
      ],
      taskpane: "./src/taskpane/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // transpileOnly: type checking with the metadata plugin's extra loader breaks watch rebuilds (G3);
          // `npm run typecheck` does the checking. ES modules (not the commonjs of tsconfig.json, which jest uses) so that
          // webpack can tree-shake Fluent UI: with commonjs the pane bundle was 18 MB.
          use: { loader: "ts-loader", options: { transpileOnly: true, configFile: "tsconfig.json", compilerOptions: { noEmit: false, module: "esnext" } } },
        },
      ],
    },
    plugins: [
      new ForbiddenModulesPlugin(),
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
        templateParameters: { officeJs: localOfficeJs ? "office-js/office.js" : OFFICE_JS_CDN },
      }),
      new CopyWebpackPlugin({ patterns: copies }),
      new HelpPagesPlugin(),
      new DefinePlugin({ __ADDIN_URL__: JSON.stringify(addinBase()) }),
    ],
    performance: {
      // Fluent UI alone is larger than webpack's 244 KiB default; sizes are measured and reported instead.
      hints: false,
    },
    devServer: serving
      ? {
          host: "localhost",
          port: PORT,
          hot: false,
          headers: { "Access-Control-Allow-Origin": "*" },
          server: await httpsServer(),
          static: { directory: path.resolve(__dirname, "dist"), watch: false },
          client: { overlay: { warnings: false, errors: true } },
        }
      : undefined,
  };
};

module.exports.forbiddenModules = forbiddenModules;
module.exports.ForbiddenModulesPlugin = ForbiddenModulesPlugin;
module.exports.FORBIDDEN_PACKAGES = FORBIDDEN_PACKAGES;
module.exports.DEV_URL = DEV_URL;
module.exports.addinBase = addinBase;
