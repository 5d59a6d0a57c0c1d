/**
 * The desktop-only functions (Electron's preload, typed by `DesktopBridge` in the contract), each
 * with what the browser edition does instead. Nothing else in the renderer reads these globals.
 */
import type { DesktopBridge } from '../../../electron/contract/desktop.ts';

/** The globals exist only in Electron; in the browser edition every one is missing. */
function desktop(): Partial<DesktopBridge> {
  return window as unknown as Partial<DesktopBridge>;
}

/**
 * Saves the page as a PDF. Electron: printToPDF and a save dialog, resolving the path saved to
 * (`null` when cancelled). Browser: the print dialog, where the print stylesheet leaves only the
 * printable page; resolves `null`, since the browser does not say where it saved. `seal` (a
 * report's scenario) is attached to the PDF in Electron.
 */
export async function printPage(fileName: string, seal?: unknown): Promise<string | null> {
  const print = desktop().siteselectPrint;
  if (!print) {
    window.print();
    return null;
  }
  return (await print.toPdf(fileName, seal)).saved;
}

/** Whether a saved PDF can carry its scenario (Electron attaches it; a browser's print dialog cannot). */
export const canSealPdf = (): boolean => desktop().siteselectPrint !== undefined;

/** Kiosk mode on or off (Electron); the browser edition has only the Fullscreen API, so nothing to do. */
export async function setKiosk(on: boolean): Promise<void> {
  await desktop().siteselectPresent?.setKiosk(on);
}
