/** Add-in version, kept equal to package.json "version" (a test checks it). */
export const ADDIN_VERSION = "0.1.0";
