/**
 * Text to the clipboard from the task pane. The async Clipboard API first; inside Office's web views it can be
 * refused (permissions policy of the frame), so the older copy command on a hidden text field follows, which works
 * during the click that asked for it. False when both fail: the pane then shows the text to copy by hand.
 */
export type CopyText = (text: string) => Promise<boolean>;

export const copyText: CopyText = async (text) => {
  try {
    if (typeof navigator !== "undefined" && navigator.clipboard && typeof navigator.clipboard.writeText === "function") {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused by the frame or the browser: try the copy command below.
  }
  if (typeof document === "undefined" || typeof document.execCommand !== "function") return false;
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  area.style.left = "-9999px";
  document.body.appendChild(area);
  area.select();
  try {
    return document.execCommand("copy");
  } catch {
    return false;
  } finally {
    area.remove();
  }
};
