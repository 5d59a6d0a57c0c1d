/**
 * Zip archives the user imports (KMZ, zipped Shapefiles, XLSX). The sizes an archive declares in
 * its headers can lie, so the guard against zip bombs counts the bytes actually inflated, entry by
 * entry as they stream out, and stops at the limit: memory stays bounded whatever the headers say.
 */
import JSZip from 'jszip';
import { ImportError } from './import-error.ts';

/** Largest total of inflated bytes read from one archive. */
export const MAX_UNZIPPED_BYTES = 200 * 1024 * 1024;
/** Largest ratio of inflated bytes to the archive's size, once more than MIN_RATIO_BYTES are inflated. */
export const MAX_ZIP_RATIO = 200;
/** Below this many inflated bytes the ratio is not checked (a small file compresses very well). */
const MIN_RATIO_BYTES = 16 * 1024 * 1024;

export interface Archive {
  /** Names of the files in the archive (not folders), as stored. */
  readonly names: string[];
  /**
   * The inflated bytes of one entry; counts towards the archive's limit.
   *
   * @throws ImportError ("a zip bomb?") as soon as the limit is passed
   */
  read(name: string): Promise<Uint8Array>;
  /** Inflates every entry, counting and discarding the bytes: refuses an archive that expands too far before a parser sees it. */
  measure(): Promise<number>;
}

const mb = (n: number) => (n / 1e6).toFixed(n < 1e7 ? 1 : 0);

/**
 * Opens an archive, refusing entries that point outside it and archives whose declared sizes
 * already pass the limits; the real sizes are counted as entries are read.
 *
 * @param what - the kind of file, for messages ("KMZ", "Shapefile", "XLSX")
 */
export async function openArchive(bytes: Uint8Array, what: string): Promise<Archive> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    throw new ImportError(`not a valid ${what} (zip) archive: ${(error as Error).message}`, { cause: error });
  }
  const entries = Object.values(zip.files);
  let declared = 0;
  for (const entry of entries) {
    // JSZip cleans "../" out of `name`; the name as stored is what an unsafe extractor would use.
    const name = (entry as unknown as { unsafeOriginalName?: string }).unsafeOriginalName ?? entry.name;
    if (name.startsWith('/') || name.split(/[\\/]/).includes('..') || /^[a-z]:/i.test(name))
      throw new ImportError(`archive entry "${name}" points outside the archive; refused`);
    declared += (entry as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
  }
  let inflated = 0;
  const limitPassed = (total: number) =>
    total > MAX_UNZIPPED_BYTES || (total > MIN_RATIO_BYTES && bytes.length > 0 && total / bytes.length > MAX_ZIP_RATIO);
  const bomb = (total: number, basis: string) =>
    new ImportError(
      `archive would expand to ${basis}${mb(total)} MB from ${mb(bytes.length)} MB (a zip bomb?); the limit is ${MAX_UNZIPPED_BYTES / 1024 / 1024} MB or ${MAX_ZIP_RATIO}× the archive; refused`,
    );
  // Honest headers that already pass the limit are refused before anything is inflated.
  if (limitPassed(declared)) throw bomb(declared, '');
  const files = entries.filter((e) => !e.dir);
  function inflate(entry: JSZip.JSZipObject, keep: boolean): Promise<Uint8Array> {
    // JSZip's stream (readable-stream 2) is not async-iterable: read it by its events.
    const stream = entry.nodeStream('nodebuffer') as NodeJS.ReadableStream & { destroy?(): void };
    return new Promise<Uint8Array>((resolve, reject) => {
      const chunks: Buffer[] = [];
      let done = false;
      const fail = (error: Error) => {
        if (done) return;
        done = true;
        // Stop inflating: nothing reads the stream any more.
        stream.pause();
        stream.removeAllListeners('data');
        stream.destroy?.();
        reject(error);
      };
      stream.on('data', (chunk: Buffer) => {
        if (done) return;
        inflated += chunk.length;
        if (limitPassed(inflated)) fail(bomb(inflated, 'at least '));
        else if (keep) chunks.push(chunk);
      });
      stream.on('error', (error: Error) =>
        fail(new ImportError(`not a valid ${what} (zip) archive: ${entry.name}: ${error.message}`, { cause: error })),
      );
      stream.on('end', () => {
        if (done) return;
        done = true;
        resolve(new Uint8Array(Buffer.concat(chunks)));
      });
    });
  }
  return {
    names: files.map((e) => e.name),
    async read(name) {
      const entry = zip.file(name);
      if (!entry) throw new ImportError(`the ${what} archive holds no "${name}"`);
      return inflate(entry, true);
    },
    async measure() {
      for (const entry of files) await inflate(entry, false);
      return inflated;
    },
  };
}
