/**
 * Hands a chosen or dropped file to the app's own backend in chunks (a few MB each), so a file of
 * hundreds of MB is never held whole in memory. Nothing leaves the machine.
 */
import { call } from './client.ts';

/** A file or a slice of one as base64 (for the API). */
function readAsBase64(file: Blob): Promise<string> {
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

export class UploadCancelled extends Error {}

/**
 * Stages a file in the backend and resolves its upload id (for previewImport, startImport and
 * importProject); on cancel or failure the partial upload is discarded.
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
    discardUpload(uploadId);
    throw error;
  }
}

/** Removes a staged file that will not be imported; a failure only leaves it for the backend's own clean-up. */
export function discardUpload(uploadId: string): void {
  void call('discardUpload', { uploadId }).catch(() => undefined);
}
