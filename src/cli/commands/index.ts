/**
 * The command table of `pb`. One line per command: export it here and main.ts picks it up (in this order).
 * The template and check commands (another engineer) plug in below with one line each, e.g.
 *   export { templateCommand } from "./template";
 */
export { evalCommand } from "./eval";
export { recalcCommand } from "./recalc";
// ---- template / check commands: add their export lines here ----
export { templateCommand } from "./template";
export { checkCommand } from "./check";
export { parametersCommand } from "./parameters";
