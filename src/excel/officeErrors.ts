/**
 * What a user should do when Excel refuses a request. Office.js rejects with OfficeExtension.Error (a `code` such as
 * "InvalidOperationInCellEditMode" and an English `message`, shown as "RichApi.Error: …"); the English never reaches
 * the pane: each known code gets a Dutch instruction, any other failure a general one.
 * Codes: Microsoft's "Error handling with the application-specific JavaScript APIs" (Excel error codes).
 */

/** An error whose message is meant for the user (Dutch, with what to do). The pane shows these as they are. */
export class HostError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "HostError";
  }
}

const BY_CODE: Record<string, string> = {
  InvalidOperationInCellEditMode: "Excel is bezig met het bewerken van een cel. Druk op Enter of Esc en probeer het opnieuw.",
  AccessDenied: "Excel staat deze wijziging niet toe (alleen-lezen of beveiligde werkmap). Open de werkmap om te bewerken of hef de beveiliging op.",
  ItemAlreadyExists: "Er bestaat al een blad met die naam. Hernoem het bestaande blad en probeer het opnieuw.",
  ItemNotFound: "Het blad of de cel bestaat niet meer. Controleer opnieuw; de werkmap is intussen gewijzigd.",
  InsertDeleteConflict: "Excel kon de cellen niet schrijven omdat er rijen of kolommen in de weg staan. Kies een andere plek.",
  RequestPayloadSizeLimitExceeded: "De werkmap is te groot om in één keer te lezen. Controleer de bladen apart of probeer het in Excel voor Windows of Mac.",
  ResponsePayloadSizeLimitExceeded: "De werkmap is te groot om in één keer te lezen. Controleer de bladen apart of probeer het in Excel voor Windows of Mac.",
  Conflict: "Iemand anders wijzigde de werkmap tegelijk. Wacht even en probeer het opnieuw.",
  EditModeChangedDuringOperation: "Excel ging tijdens de opdracht een cel bewerken. Druk op Enter of Esc en probeer het opnieuw.",
  Unauthenticated: "Excel vraagt om opnieuw aan te melden. Meld u aan en probeer het opnieuw.",
  ApiNotFound: "Deze versie van Excel kent deze opdracht niet. Werk Excel bij (Microsoft 365) of gebruik Excel op het web.",
  FilteredRangeConflict: "Er staat een filter op het blad. Wis het filter en probeer het opnieuw.",
  ActivityLimitReached: "Excel heeft even te veel te doen. Wacht een moment en probeer het opnieuw.",
};

const GENERAL = "Excel voerde de opdracht niet uit. Probeer het opnieuw; lukt het niet, sluit de werkmap, open haar opnieuw en open PB Rekenkit via Start › PB Rekenkit.";

/** The Dutch instruction for an Office.js failure. */
export function officeErrorText(e: unknown): string {
  if (e instanceof HostError) return e.message;
  const code = typeof e === "object" && e !== null ? String((e as { code?: unknown }).code ?? "") : "";
  return BY_CODE[code] ?? GENERAL;
}

export const NOT_IN_EXCEL =
  "Dit werkt alleen in Excel. Open PB Rekenkit in Excel (Start › PB Rekenkit); in deze browser kunt u de functies, bronnen en de kalender bekijken.";
