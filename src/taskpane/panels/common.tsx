/** Small shared pieces: a polite live region for results, and refusal/success messages. */
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { ReactNode } from "react";

export type Notice = { intent: "success" | "warning" | "error" | "info"; title?: string; text: ReactNode } | undefined;

export function NoticeBar({ notice }: { notice: Notice }) {
  // Always rendered, so screen readers announce changes of its content.
  return (
    <div role="status" aria-live="polite">
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

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
