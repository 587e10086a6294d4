/**
 * Entry of the task pane bundle. Waits for Office (in Excel) and renders the pane; in a plain browser Office.onReady
 * resolves without a host and the pane still renders (saying it works only inside Excel), so it can be shown and tested
 * outside Excel.
 */
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { createOfficeHost } from "../excel/officeHost";
import { paneContext } from "../excel/officeContext";
import { insertTemplate, runTemplateChecks } from "../excel/templates";
import { fetchFunctionMetadata } from "./types";
import { TEMPLATE_LIST } from "./templateList";

function render(): void {
  const el = document.getElementById("root");
  if (!el) return;
  const host = createOfficeHost({ insertTemplate: (id) => insertTemplate(id), runChecks: () => runTemplateChecks() });
  createRoot(el).render(<App host={host} context={paneContext()} templates={TEMPLATE_LIST} loadFunctionMetadata={fetchFunctionMetadata} />);
}

if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  Office.onReady(() => render());
} else {
  render();
}
