/**
 * First module of the functions bundle. The metadata plugin appends `CustomFunctions.associate("LKS", lks)` to
 * functions.ts; this wrapper records each id so the Status panel can show what this runtime registered.
 * Outside Excel (a plain browser, the smoke test) there is no associate: a recording no-op stands in, so the
 * functions bundle loads without a ReferenceError.
 */
import { ASSOCIATED_KEY } from "./associated";

type Associate = (idOrMap: string | Record<string, unknown>, fn?: unknown) => void;

export function installAssociateRecorder(g: Record<string, unknown> = globalThis as Record<string, unknown>): void {
  if (Array.isArray(g[ASSOCIATED_KEY])) return;
  const ids: string[] = [];
  g[ASSOCIATED_KEY] = ids;
  const cf = (g.CustomFunctions ?? {}) as { associate?: Associate };
  const original = typeof cf.associate === "function" ? cf.associate.bind(cf) : undefined;
  const recording: Associate = (idOrMap, fn) => {
    if (typeof idOrMap === "string") ids.push(idOrMap.toUpperCase());
    else if (idOrMap && typeof idOrMap === "object") ids.push(...Object.keys(idOrMap).map((k) => k.toUpperCase()));
    if (original) original(idOrMap, fn);
  };
  try {
    cf.associate = recording;
    if (g.CustomFunctions !== cf) g.CustomFunctions = cf;
  } catch {
    // A frozen host object: registration must still work, so leave it alone; Status then shows no ids (unknown).
    g[ASSOCIATED_KEY] = undefined;
  }
}

installAssociateRecorder();
