/**
 * What the desktop edition's preload exposes besides the API bridge (`window.siteselect`): the
 * functions only Electron has. Each is a window global named by its key here; the browser edition
 * has none of them. The preload's object `satisfies DesktopBridge`; the renderer reaches these
 * only through `renderer/src/api/desktop.ts`, which falls back to the browser's own behaviour.
 */

/** Saves the current page as a PDF through printToPDF and a save dialog (`PRINT_CHANNEL`). */
export interface PrintBridge {
  /**
   * Resolves the path saved to, or `null` when the user cancelled the dialog. `seal` (a report's
   * scenario, contract `ReportSeal`) is attached to the PDF for `siteselect verify`.
   */
  toPdf(fileName: string, seal?: unknown): Promise<{ saved: string | null }>;
}

/** Presentation mode's kiosk switch (`PRESENT_CHANNEL`). */
export interface PresentBridge {
  setKiosk(on: boolean): Promise<void>;
}

/** The desktop-only window globals, by name. */
export interface DesktopBridge {
  siteselectPrint: PrintBridge;
  siteselectPresent: PresentBridge;
}
