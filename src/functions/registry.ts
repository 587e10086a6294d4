/**
 * The one function registry. Excel (functions.ts) and the headless engine (src/engine) both look functions up here;
 * a function exists once. To add one: write its spec in specs/, list it below, and add its JSDoc wrapper in
 * functions.ts (a test checks that the two agree).
 */
import type { FunctionSpec } from "./contract";
import * as lks from "./specs/lks";
import * as params from "./specs/params";
import * as wpb from "./specs/wpb";

const specs = ([...Object.values(lks), ...Object.values(wpb), ...Object.values(params)] as unknown[]).filter(
  (s): s is FunctionSpec => typeof s === "object" && s !== null && "impl" in s && "id" in s,
);

export const REGISTRY: ReadonlyMap<string, FunctionSpec> = new Map(specs.map((s) => [s.id, s]));

export const FUNCTION_IDS: readonly string[] = specs.map((s) => s.id);

/** The namespace of the manifest (Functions.Namespace): users type PB.<id>. */
export const NAMESPACE = "PB";
