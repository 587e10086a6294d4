/**
 * Where this build of the add-in is served from: `ADDIN_URL=https://… npm run build` (webpack's DefinePlugin puts it
 * here); the development server's address otherwise. Used for repair help and links a user may be sent; the manifest
 * and functions.json get the same value from the same build.
 */
declare const __ADDIN_URL__: string | undefined;

export const DEV_ADDIN_URL = "https://localhost:3000/";

export const ADDIN_URL: string = typeof __ADDIN_URL__ === "string" && __ADDIN_URL__ ? __ADDIN_URL__ : DEV_ADDIN_URL;
