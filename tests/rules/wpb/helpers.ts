import { PbError } from "../../../src/rules/errors";

/** The PbError a rule throws, as plain data; fails the test when nothing (or something else) is thrown. */
export function errorOf(f: () => unknown): { code: string; kind: string; message: string } {
  try {
    f();
  } catch (e) {
    if (e instanceof PbError) return { code: e.code, kind: e.kind, message: e.message };
    throw e;
  }
  throw new Error("expected a PbError");
}
