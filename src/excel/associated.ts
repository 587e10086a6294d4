/**
 * Which function ids this runtime handed to CustomFunctions.associate. The functions bundle records them
 * (associateRecorder.ts runs before functions.ts); the task pane bundle is a separate module graph, so the
 * list lives on the shared window.
 */
export const ASSOCIATED_KEY = "__pbAssociatedFunctions";

export function associatedFunctionIds(): string[] {
  const list = (globalThis as Record<string, unknown>)[ASSOCIATED_KEY];
  return Array.isArray(list) ? [...(list as string[])] : [];
}
