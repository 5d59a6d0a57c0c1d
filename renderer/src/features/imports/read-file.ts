import { call } from '../../api/client.ts';

/** A file or a slice of one as base64 (for the API; nothing leaves the machine). */
export function readAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error('could not read the file'));
    reader.onload = () => {
      const url = String(reader.result ?? '');
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}

/** Saves bytes as a file through the browser's download (a blob: URL, nothing leaves the machine). */
export function saveBase64(fileName: string, mime: string, base64: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export class UploadCancelled extends Error {}

/**
 * Hands a chosen or dropped file to the app's own backend in chunks (a few MB each), so a file of
 * hundreds of MB is never held whole in memory. Resolves the upload id for previewImport and
 * startImport; on cancel or failure the partial upload is discarded.
 */
export async function stageFile(file: File, onProgress: (fraction: number) => void, cancelled: () => boolean): Promise<string> {
  const { uploadId, chunkBytes } = await call('beginUpload', { name: file.name, size: file.size });
  try {
    for (let offset = 0; offset < file.size; offset += chunkBytes) {
      if (cancelled()) throw new UploadCancelled();
      await call('uploadChunk', { uploadId, offset, dataBase64: await readAsBase64(file.slice(offset, offset + chunkBytes)) });
      onProgress(Math.min(1, (offset + chunkBytes) / file.size));
    }
    return uploadId;
  } catch (error) {
    void call('discardUpload', { uploadId }).catch(() => undefined);
    throw error;
  }
}
