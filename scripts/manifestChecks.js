/**
 * Offline validation of the add-in manifest. Microsoft's validation service is unreachable here and no npm package
 * ships the XSDs, so these are the checks Office itself applies that matter for this add-in. Used by
 * `npm run validate` (scripts/validate-manifest.js) and by tests/addin/manifest.test.ts.
 * Each check returns Dutch messages for what is wrong; an empty list means it passed.
 */
const { XMLParser, XMLValidator } = require("fast-xml-parser");

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
// Office: one to four dot-separated parts, each 0–65535.
const VERSION = /^\d{1,5}(\.\d{1,5}){0,3}$/;
// From least to most; Office's XML manifests know no higher level for a workbook add-in than ReadWriteDocument.
const PERMISSIONS = ["Restricted", "ReadDocument", "ReadAllDocument", "WriteDocument", "ReadWriteDocument"];
const URL_ELEMENTS = new Set(["IconUrl", "HighResolutionIconUrl", "SupportUrl", "SourceLocation", "Url", "Image", "AppDomain"]);

function parse(xml) {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@_",
    removeNSPrefix: true,
    isArray: (name) => ["Image", "Url", "String", "Runtime", "ExtensionPoint", "Host", "Set", "AppDomain", "Control", "Group"].includes(name),
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
  });
  return parser.parse(xml);
}

/** Depth-first walk over elements: visit(name, node, path). */
function walk(node, visit, name = "", trail = []) {
  if (Array.isArray(node)) {
    for (const n of node) walk(n, visit, name, trail);
    return;
  }
  if (node === null || node === undefined) return;
  visit(name, node, trail);
  if (typeof node !== "object") return;
  for (const [k, v] of Object.entries(node)) {
    if (k.startsWith("@_") || k === "#text") continue;
    walk(v, visit, k, [...trail, k]);
  }
}

function text(node) {
  if (node === undefined || node === null) return undefined;
  if (typeof node === "object") return node["#text"] !== undefined ? String(node["#text"]) : undefined;
  return String(node);
}

function attr(node, name) {
  return node && typeof node === "object" ? node[`@_${name}`] : undefined;
}

/** Resources by id: every bt:Image, bt:Url and bt:String under <Resources>, with its value and kind. */
function resources(root) {
  const out = new Map();
  walk(root, (name, node, trail) => {
    if (!trail.includes("Resources")) return;
    const id = attr(node, "id");
    if (id === undefined || !["Image", "Url", "String"].includes(name)) return;
    const kind = name === "String" ? (trail.includes("LongStrings") ? "LongString" : "ShortString") : name;
    out.set(id, { kind, value: attr(node, "DefaultValue") });
  });
  return out;
}

function customFunctionsPoint(app) {
  let found;
  walk(app, (name, node) => {
    if (name === "ExtensionPoint" && attr(node, "type") === "CustomFunctions") found = found ?? node;
  });
  return found;
}

const checks = {
  wellFormed(xml) {
    const r = XMLValidator.validate(xml);
    return r === true ? [] : [`De manifest is geen geldige XML: ${r.err.msg} (regel ${r.err.line}).`];
  },

  root(_xml, doc) {
    const app = doc.OfficeApp;
    if (!app) return ["Het hoofdelement moet <OfficeApp> zijn."];
    const type = attr(app, "type");
    return type === "TaskPaneApp" ? [] : [`<OfficeApp xsi:type> moet "TaskPaneApp" zijn, niet "${type}".`];
  },

  id(_xml, doc) {
    const id = text(doc.OfficeApp?.Id);
    return id && GUID.test(id) ? [] : [`<Id> moet een GUID zijn (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx), niet "${id ?? ""}".`];
  },

  version(_xml, doc) {
    const v = text(doc.OfficeApp?.Version);
    if (!v || !VERSION.test(v)) return [`<Version> moet de vorm n.n.n.n hebben (één tot vier getallen), niet "${v ?? ""}".`];
    const big = v.split(".").find((p) => Number(p) > 65535);
    return big ? [`<Version>: onderdeel ${big} is groter dan 65535.`] : [];
  },

  texts(_xml, doc) {
    const app = doc.OfficeApp ?? {};
    const out = [];
    for (const [el, max] of [
      ["DisplayName", 125],
      ["Description", 250],
    ]) {
      const v = attr(app[el], "DefaultValue");
      if (!v) out.push(`<${el} DefaultValue> ontbreekt.`);
      else if (v.length > max) out.push(`<${el}> is ${v.length} tekens; ten hoogste ${max}.`);
    }
    if (!text(app.DefaultLocale)) out.push("<DefaultLocale> ontbreekt.");
    if (!text(app.ProviderName)) out.push("<ProviderName> ontbreekt.");
    return out;
  },

  resids(_xml, doc) {
    const res = resources(doc);
    const out = [];
    walk(doc, (name, node) => {
      const resid = attr(node, "resid");
      if (resid === undefined) return;
      if (resid.length > 32) out.push(`resid "${resid}" is langer dan 32 tekens.`);
      if (!res.has(resid)) out.push(`<${name} resid="${resid}"> verwijst naar een resource die niet bestaat.`);
    });
    for (const [id, r] of res) {
      if (r.value === undefined || r.value === "") out.push(`Resource "${id}" heeft geen DefaultValue.`);
      else if (r.kind === "ShortString" && r.value.length > 125) out.push(`Korte tekst "${id}" is langer dan 125 tekens.`);
      else if (r.kind === "LongString" && r.value.length > 250) out.push(`Lange tekst "${id}" is langer dan 250 tekens.`);
    }
    return out;
  },

  namespace(_xml, doc) {
    const point = customFunctionsPoint(doc.OfficeApp);
    if (!point) return ['Er is geen <ExtensionPoint xsi:type="CustomFunctions">; de functies worden dan niet geladen.'];
    const out = [];
    const nsId = attr(point.Namespace, "resid");
    const ns = nsId ? resources(doc).get(nsId)?.value : undefined;
    if (ns !== "PB") out.push(`De functienaamruimte moet "PB" zijn (Functions.Namespace), niet "${ns ?? ""}".`);
    for (const part of ["Script", "Page", "Metadata"]) {
      if (!attr(point[part]?.SourceLocation, "resid")) out.push(`<CustomFunctions> mist <${part}><SourceLocation resid>.`);
    }
    return out;
  },

  sharedRuntime(_xml, doc) {
    const app = doc.OfficeApp ?? {};
    const out = [];
    const sets = [];
    walk(app.Requirements, (name, node) => {
      if (name === "Set") sets.push(node);
    });
    const sr = sets.find((s) => attr(s, "Name") === "SharedRuntime");
    if (!sr) out.push('Vereiste <Set Name="SharedRuntime" MinVersion="1.1"/> ontbreekt.');
    else if (attr(sr, "MinVersion") !== "1.1") out.push(`SharedRuntime moet MinVersion 1.1 hebben, niet ${attr(sr, "MinVersion")}.`);

    const runtimes = [];
    walk(app.VersionOverrides, (name, node) => {
      if (name === "Runtime") runtimes.push(node);
    });
    if (runtimes.length !== 1) {
      out.push(`Er moet precies één <Runtime> zijn (gedeelde runtime), er zijn er ${runtimes.length}.`);
      return out;
    }
    const rt = runtimes[0];
    if (attr(rt, "lifetime") !== "long") out.push('<Runtime> moet lifetime="long" hebben, anders stopt de runtime met het taakvenster.');
    const runtimeId = attr(rt, "resid");
    const point = customFunctionsPoint(app);
    const pageId = attr(point?.Page?.SourceLocation, "resid");
    if (pageId !== runtimeId) out.push(`<CustomFunctions><Page> (${pageId}) moet dezelfde resource gebruiken als <Runtime> (${runtimeId}).`);
    let ffId;
    walk(app.VersionOverrides, (name, node) => {
      if (name === "FunctionFile") ffId = attr(node, "resid");
    });
    if (ffId !== undefined && ffId !== runtimeId) out.push(`<FunctionFile> (${ffId}) moet dezelfde resource gebruiken als <Runtime> (${runtimeId}).`);
    let taskpaneIds = [];
    walk(app.VersionOverrides, (name, node) => {
      if (name === "Action" && attr(node, "type") === "ShowTaskpane") taskpaneIds.push(attr(node.SourceLocation, "resid"));
    });
    taskpaneIds = taskpaneIds.filter((id) => id !== runtimeId);
    if (taskpaneIds.length) out.push(`Het taakvenster (${taskpaneIds.join(", ")}) moet in de gedeelde runtime (${runtimeId}) openen.`);
    return out;
  },

  https(_xml, doc) {
    const out = [];
    walk(doc, (name, node) => {
      if (!URL_ELEMENTS.has(name)) return;
      const v = name === "AppDomain" ? text(node) : attr(node, "DefaultValue");
      if (v === undefined) return;
      if (!/^https:\/\/[^\s/]+/.test(v)) out.push(`<${name}> "${v}" moet een https-adres zijn.`);
    });
    return out;
  },

  permissions(_xml, doc) {
    const p = text(doc.OfficeApp?.Permissions);
    if (!p) return ["<Permissions> ontbreekt."];
    return PERMISSIONS.includes(p) ? [] : [`<Permissions> "${p}" is niet toegestaan; ten hoogste ReadWriteDocument (${PERMISSIONS.join(", ")}).`];
  },

  host(_xml, doc) {
    const hosts = [];
    walk(doc.OfficeApp?.Hosts, (name, node) => {
      if (name === "Host") hosts.push(attr(node, "Name"));
    });
    return hosts.includes("Workbook") ? [] : ['<Hosts> moet <Host Name="Workbook"/> bevatten (Excel).'];
  },
};

/**
 * Runs every check. Returns [{check, message}] for each problem; a manifest that is not well-formed is not checked further.
 * `expectedVersion` (package.json "version") makes a mismatch with <Version> a problem too.
 */
function validateManifest(xml, { expectedVersion } = {}) {
  const problems = checks.wellFormed(xml).map((message) => ({ check: "wellFormed", message }));
  if (problems.length) return problems;
  const doc = parse(xml);
  for (const [name, check] of Object.entries(checks)) {
    if (name === "wellFormed") continue;
    for (const message of check(xml, doc)) problems.push({ check: name, message });
  }
  if (expectedVersion && !problems.some((p) => p.check === "version" || p.check === "root")) {
    const v = text(doc.OfficeApp.Version);
    const core = v.split(".").slice(0, 3).join(".");
    if (core !== expectedVersion) {
      problems.push({ check: "packageVersion", message: `<Version> ${v} hoort bij package.json-versie ${expectedVersion} (${expectedVersion}.0).` });
    }
  }
  return problems;
}

module.exports = { validateManifest, CHECKS: Object.keys(checks), PERMISSIONS };
