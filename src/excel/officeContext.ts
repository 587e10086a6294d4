/**
 * Where the task pane runs, read once from Office.context when Office is ready: inside Excel or not, Office's display
 * language (Excel's formula language follows it) and theme. Outside Office the pane gets OUTSIDE (Dutch, light).
 */
import type { PaneContext } from "./hostActions";

export const OUTSIDE: PaneContext = { inExcel: false, displayLanguage: "nl-NL", theme: "light" };

/** Relative luminance of "#rrggbb" (WCAG); below 0.5 the body is dark. */
function isDark(hex: string | undefined): boolean {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex ?? "");
  if (!m) return false;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
}

export function paneContext(office: typeof Office | undefined = typeof Office === "undefined" ? undefined : Office): PaneContext {
  const ctx = office?.context;
  if (!ctx || ctx.host !== office.HostType.Excel) return OUTSIDE;
  let theme: PaneContext["theme"] = "light";
  try {
    theme = isDark(ctx.officeTheme?.bodyBackgroundColor) ? "dark" : "light";
  } catch {
    // officeTheme is missing on some hosts; light is Office's default.
  }
  return { inExcel: true, displayLanguage: ctx.displayLanguage || "nl-NL", theme };
}
