/** Small shared pieces: feedback beside the control that caused it (and announced), and Dutch error texts. */
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { ReactNode } from "react";

export type Notice = { intent: "success" | "warning" | "error" | "info"; title?: string; text: ReactNode } | undefined;

/**
 * Feedback where the user acted: render it right under the button it answers. The live region is always in the DOM,
 * so screen readers announce each change of its content (a region that appears together with its text is often missed).
 */
export function NoticeBar({ notice, label }: { notice: Notice; label?: string }) {
  return (
    <div role="status" aria-live="polite" aria-label={label}>
      {notice && (
        <MessageBar intent={notice.intent} layout="multiline">
          <MessageBarBody>
            {notice.title && <MessageBarTitle>{notice.title}</MessageBarTitle>}
            {notice.text}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}

const UNEXPECTED = "Er ging iets mis in PB Rekenkit. Probeer het opnieuw; gebeurt het weer, sluit het taakvenster en open het opnieuw.";

/**
 * What the pane says about a failure. Host errors (src/excel/officeErrors.ts) are written for the user; anything else
 * is a bug or a browser message in English ("Failed to fetch", "Excel is not defined") and gets a plain Dutch sentence.
 */
export function errorText(e: unknown): string {
  if (e instanceof Error && e.name === "HostError") return e.message;
  return UNEXPECTED;
}
