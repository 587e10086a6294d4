/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.jest.json", diagnostics: false }],
  },
  setupFiles: ["<rootDir>/tests/setup/officeGlobals.ts"],
  moduleNameMapper: {
    // office-addin-mock pulls office-addin-manifest, whose dependencies are ESM-only under jest; it only needs the enum.
    "^office-addin-manifest$": "<rootDir>/tests/setup/officeAddinManifestStub.js",
  },
  reporters: ["default", "<rootDir>/tests/setup/plainSummaryReporter.js"],
};
