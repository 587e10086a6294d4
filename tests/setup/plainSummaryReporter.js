/**
 * CI counts tests by a last line "N passed, N failed"; jest prints its own summary in another form.
 * This reporter adds that line after jest's output (on process exit, so it is truly the last line).
 */
class PlainSummaryReporter {
  onRunComplete(_contexts, results) {
    const passed = results.numPassedTests;
    // Suites that fail to run (compile errors) count as failures too, so a broken suite can never look green.
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const skipped = results.numPendingTests + results.numTodoTests;
    process.on("exit", () => {
      process.stdout.write(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}\n`);
    });
  }
}
module.exports = PlainSummaryReporter;
