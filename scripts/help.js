/**
 * Build step: the help pages (src/help/pages.ts) and the helpUrl of every function in functions.json, from the same
 * registry the add-in runs. webpack.config.js calls helpAssets() after the metadata plugin has written functions.json.
 * The TypeScript sources are loaded through TypeScript's own transpiler (no type check; `npm run typecheck` does that),
 * only for files under src/, and only in this build process.
 */
const fs = require("fs");
const path = require("path");
const ts = require("typescript");

const src = path.join(__dirname, "..", "src");

function registerTs() {
  // Under jest, modules load through jest's own transform (ts-jest) and there is no require.extensions.
  if (!require.extensions || require.extensions[".ts"]) return;
  require.extensions[".ts"] = (module, filename) => {
    if (!filename.startsWith(src)) throw new Error(`${filename} valt buiten src/`);
    const out = ts.transpileModule(fs.readFileSync(filename, "utf8"), {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true, jsx: ts.JsxEmit.ReactJSX },
      fileName: filename,
    });
    module._compile(out.outputText, filename);
  };
}

/**
 * @param {string} functionsJson the generated functions.json
 * @param {string} addinUrl where the add-in is served (ends with "/")
 * @returns {{ functionsJson: string, pages: { path: string, html: string }[] }}
 */
function helpAssets(functionsJson, addinUrl) {
  registerTs();
  // The dev server rebuilds in one process: load the sources afresh, so the pages follow every change.
  for (const k of Object.keys(require.cache ?? {})) if (k.startsWith(src)) delete require.cache[k];
  const { helpPages, helpFile } = require(path.join(src, "help", "pages.ts"));
  const meta = JSON.parse(functionsJson);
  for (const f of meta.functions ?? []) f.helpUrl = `${addinUrl}${helpFile(f.id)}`;
  return { functionsJson: JSON.stringify(meta, null, 2), pages: helpPages(meta.functions ?? []) };
}

module.exports = { helpAssets };
