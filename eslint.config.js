// ESLint 9 flat config: typescript-eslint's recommended rules for the TypeScript sources and tests, Node globals for
// the CommonJS scripts. Type checking itself is `npm run typecheck` (tsc), not ESLint.
const js = require("@eslint/js");
const tseslint = require("typescript-eslint");

// The few globals the CommonJS scripts use (TypeScript files get theirs from tsc; no-undef is off for them).
const nodeGlobals = Object.fromEntries(
  ["require", "module", "exports", "process", "__dirname", "__filename", "console", "Buffer", "setTimeout", "clearTimeout", "URL"].map((g) => [g, "readonly"]),
);

module.exports = tseslint.config(
  { ignores: ["dist/**", "dist-cli/**", "node_modules/**", "coverage/**", "test-artifacts/**", "bench/out/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    rules: {
      // Unused arguments keep signatures readable (Office callbacks, reporters); prefix with _ to mark them.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["**/*.js"],
    languageOptions: { sourceType: "commonjs", globals: nodeGlobals },
    rules: {
      "@typescript-eslint/no-require-imports": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
);
