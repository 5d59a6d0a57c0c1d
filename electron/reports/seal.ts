/**
 * Where a report file carries its scenario (the seal: what it was computed from, its stamp and,
 * for a printed page, the numbers it shows):
 *
 * - XLSX: a hidden sheet, {@link SEAL_SHEET}, its JSON in column A in pieces under Excel's 32,767
 *   characters per cell;
 * - PDF: an attached file, {@link SEAL_ATTACHMENT} (PDF 1.7 §7.11.4 embedded file streams, through
 *   pdf-lib), with the hash in the document's Subject and Keywords;
 * - a seal saved on its own as JSON (the browser edition's print dialog cannot attach one).
 */
import ExcelJS from 'exceljs';
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFStream, PDFString } from 'pdf-lib';
import { ReportSeal } from '../contract/api.ts';

export const SEAL_SHEET = 'siteselect-scenario';
export const SEAL_ATTACHMENT = 'siteselect-scenario.json';
/** Characters per cell of the hidden sheet (Excel allows 32,767). */
const CHUNK = 30_000;

/** A file that carries no seal, or a seal that does not parse; the message says which. */
export class SealError extends Error {
  override name = 'SealError';
}

/** Adds the hidden sheet holding the seal to a workbook being built. */
export function addSealSheet(wb: ExcelJS.Workbook, seal: ReportSeal): void {
  const ws = wb.addWorksheet(SEAL_SHEET, { state: 'hidden' });
  const json = JSON.stringify(seal);
  for (let i = 0; i < json.length; i += CHUNK) ws.addRow([json.slice(i, i + CHUNK)]);
}

/** Parses a seal, naming the first problems. @throws SealError */
export function parseSeal(json: string, where: string): ReportSeal {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    throw new SealError(`${where} is not JSON: ${(error as Error).message}`);
  }
  const parsed = ReportSeal.safeParse(raw);
  if (!parsed.success)
    throw new SealError(
      `${where} is not a report's scenario: ${parsed.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.join('.') || '(seal)'}: ${i.message}`)
        .join('; ')}`,
    );
  return parsed.data;
}

/** The seal of a loaded workbook. @throws SealError when it has none */
export function workbookSeal(wb: ExcelJS.Workbook): ReportSeal {
  const ws = wb.getWorksheet(SEAL_SHEET);
  if (!ws) throw new SealError(`the workbook has no sheet "${SEAL_SHEET}": it was not exported by this app, or the sheet was removed`);
  const parts: string[] = [];
  ws.eachRow((row) => parts.push(String(row.getCell(1).value ?? '')));
  return parseSeal(parts.join(''), `the sheet "${SEAL_SHEET}"`);
}

/** A PDF with the seal attached and the hash in its metadata. */
export async function sealPdf(pdf: Uint8Array, seal: ReportSeal): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  await doc.attach(new TextEncoder().encode(JSON.stringify(seal)), SEAL_ATTACHMENT, {
    mimeType: 'application/json',
    description: `siteselect report scenario, inputs hash ${seal.stamp.hash}`,
    creationDate: new Date(seal.stamp.made),
    modificationDate: new Date(seal.stamp.made),
  });
  doc.setSubject(`siteselect inputs hash ${seal.stamp.hash}`);
  doc.setKeywords([`siteselect:${seal.stamp.hash}`, `app:${seal.stamp.appVersion}`]);
  return doc.save();
}

/** The seal attached to a PDF. @throws SealError when it has none or the PDF cannot be read */
export async function pdfSeal(pdf: Uint8Array): Promise<ReportSeal> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(pdf, { updateMetadata: false });
  } catch (error) {
    throw new SealError(`not a readable PDF: ${(error as Error).message}`);
  }
  const files = doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict)?.lookupMaybe(PDFName.of('EmbeddedFiles'), PDFDict);
  // A name tree: its Names array, or its Kids' (one level, as writers of a handful of files make it).
  const arrays: PDFArray[] = [];
  const own = files?.lookupMaybe(PDFName.of('Names'), PDFArray);
  if (own) arrays.push(own);
  const kids = files?.lookupMaybe(PDFName.of('Kids'), PDFArray);
  for (let k = 0; kids && k < kids.size(); k++) {
    const names = kids.lookupMaybe(k, PDFDict)?.lookupMaybe(PDFName.of('Names'), PDFArray);
    if (names) arrays.push(names);
  }
  for (const names of arrays)
    for (let i = 0; i + 1 < names.size(); i += 2) {
      const name = names.lookupMaybe(i, PDFString, PDFHexString)?.decodeText();
      if (name !== SEAL_ATTACHMENT) continue;
      const stream = names
        .lookupMaybe(i + 1, PDFDict)
        ?.lookupMaybe(PDFName.of('EF'), PDFDict)
        ?.lookupMaybe(PDFName.of('F'), PDFStream);
      if (!(stream instanceof PDFRawStream)) throw new SealError(`the PDF's attachment "${SEAL_ATTACHMENT}" has no content`);
      return parseSeal(new TextDecoder().decode(decodePDFRawStream(stream).decode()), `the PDF's attachment "${SEAL_ATTACHMENT}"`);
    }
  throw new SealError(
    `the PDF has no attachment "${SEAL_ATTACHMENT}": it was not saved by this app's desktop edition (or the attachment was removed)`,
  );
}
