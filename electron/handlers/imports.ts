/** Import, manage and export user layers (see electron/imports/). */
import type { Api } from '../contract/api.ts';
import { ImportError } from '../imports/parse.ts';
import { previewImport, type ImportJobs, type ImportSource } from '../imports/jobs.ts';
import { referencePlaces } from '../imports/reference-names.ts';
import { exportFeatures, type ExportFeature } from '../imports/store.ts';
import type { Uploads } from '../imports/uploads.ts';
import type { HandlerDeps } from './deps.ts';
import { ApiError } from './errors.ts';

const MIME = {
  geojson: 'application/geo+json',
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  kml: 'application/vnd.google-earth.kml+xml',
} as const;

/** Import errors are the user's file, not ours: BAD_ARGUMENT with the message. */
async function asImportError<T>(fn: () => Promise<T> | T): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof ImportError) throw new ApiError('BAD_ARGUMENT', error.message);
    throw error;
  }
}

type ImportMethods =
  | 'beginUpload'
  | 'uploadChunk'
  | 'discardUpload'
  | 'previewImport'
  | 'startImport'
  | 'importStatus'
  | 'cancelImport'
  | 'renameLayer'
  | 'setLayerStyle'
  | 'deleteLayer'
  | 'exportLayer';

export function importHandlers(deps: HandlerDeps, getLayer: Api['getLayer'], jobs: ImportJobs, uploads: Uploads): Pick<Api, ImportMethods> {
  let reference: ReturnType<typeof referencePlaces> | undefined;
  const places = () => (reference ??= referencePlaces(deps));
  const bytesOf = (base64: string) => new Uint8Array(Buffer.from(base64, 'base64'));
  /** The file an import call names: its bytes, or a complete staged upload. */
  const sourceOf = (a: { name: string; dataBase64?: string | undefined; uploadId?: string | undefined }): ImportSource => {
    if (a.uploadId === undefined) return { name: a.name, bytes: bytesOf(a.dataBase64 ?? '') };
    const staged = uploads.complete(a.uploadId);
    return { name: a.name, path: staged.path, size: staged.size };
  };
  const parseOptions = (a: { lngColumn?: string | undefined; latColumn?: string | undefined; swap?: boolean | undefined }) => ({
    ...(a.lngColumn ? { lngColumn: a.lngColumn } : {}),
    ...(a.latColumn ? { latColumn: a.latColumn } : {}),
    ...(a.swap ? { swap: true } : {}),
  });
  const userLayer = (id: string) => {
    if (!deps.userDb.prepare('SELECT 1 FROM user_layers WHERE id = ?').get(id))
      throw new ApiError('NOT_FOUND', `no user layer with id "${id}"`);
  };
  return {
    beginUpload: (a) => asImportError(() => uploads.begin(a.name, a.size)),
    uploadChunk: (a) => asImportError(() => uploads.append(a.uploadId, a.offset, bytesOf(a.dataBase64))),
    discardUpload: (a) => ({ discarded: uploads.discard(a.uploadId) }),
    previewImport: (a) => asImportError(() => previewImport(sourceOf(a), parseOptions(a), places(), a.crs, jobs.limits)),
    startImport: async (a) => ({
      jobId: await asImportError(() =>
        // A staged file is removed once imported; after a cancel or a failure it stays for another try
        // until the dialog discards it.
        jobs.start(sourceOf(a), { ...parseOptions(a), layerName: a.layerName, role: a.role, crs: a.crs, reference: places() }, (status) => {
          if (status === 'done' && a.uploadId) uploads.discard(a.uploadId);
        }),
      ),
    }),
    importStatus({ jobId }) {
      const job = jobs.status(jobId);
      if (!job) throw new ApiError('NOT_FOUND', `no import job "${jobId}"`);
      return { ...job, summary: job.summary ? { ...job.summary } : null };
    },
    cancelImport: ({ jobId }) => ({ cancelled: jobs.cancel(jobId) }),
    renameLayer({ id, name }) {
      userLayer(id);
      deps.userDb.prepare('UPDATE user_layers SET name = ? WHERE id = ?').run(name, id);
      return { id, name };
    },
    setLayerStyle({ id, colour }) {
      userLayer(id);
      deps.userDb.prepare('UPDATE user_layers SET style = ? WHERE id = ?').run(JSON.stringify({ colour }), id);
      return { id, colour };
    },
    deleteLayer({ id }) {
      userLayer(id);
      return { deleted: deps.userDb.prepare('DELETE FROM user_layers WHERE id = ?').run(id).changes > 0 };
    },
    async exportLayer({ id, format }) {
      const layer = await getLayer({ id });
      const bytes = await exportFeatures(id, layer.features as ExportFeature[], format);
      return { fileName: `${id}.${format}`, mime: MIME[format], dataBase64: Buffer.from(bytes).toString('base64') };
    },
  };
}
