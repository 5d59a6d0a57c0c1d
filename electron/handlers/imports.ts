/** Importing the user's files: staged uploads, preview and import jobs (see electron/imports/). */
import type { CrsId } from '../../geo/index.ts';
import type { LayerRole } from '../contract/api.ts';
import { NotFoundError } from '../errors.ts';
import { importReader, type ImportReader, type ImportSource } from '../imports/reader.ts';
import type { Context, Handlers } from './context.ts';

interface FileArgs {
  name: string;
  dataBase64?: string | undefined;
  uploadId?: string | undefined;
  lngColumn?: string | undefined;
  latColumn?: string | undefined;
  swap?: boolean | undefined;
  crs: CrsId | 'auto';
}

const bytesOf = (base64: string) => new Uint8Array(Buffer.from(base64, 'base64'));

/** The reader for the file an import call names: its bytes, or a complete staged upload. */
function readerFor(ctx: Context, a: FileArgs): ImportReader {
  let source: ImportSource;
  if (a.uploadId === undefined) source = { name: a.name, bytes: bytesOf(a.dataBase64 ?? '') };
  else {
    const staged = ctx.uploads.complete(a.uploadId);
    source = { name: a.name, path: staged.path, size: staged.size };
  }
  const options = {
    ...(a.lngColumn ? { lngColumn: a.lngColumn } : {}),
    ...(a.latColumn ? { latColumn: a.latColumn } : {}),
    ...(a.swap ? { swap: true } : {}),
  };
  return importReader(source, options, ctx.reference.places, ctx.importLimits, ctx.parseCache);
}

function beginUpload(ctx: Context, a: { name: string; size: number }) {
  return ctx.uploads.begin(a.name, a.size);
}

function uploadChunk(ctx: Context, a: { uploadId: string; offset: number; dataBase64: string }) {
  return ctx.uploads.append(a.uploadId, a.offset, bytesOf(a.dataBase64));
}

function discardUpload(ctx: Context, a: { uploadId: string }) {
  return { discarded: ctx.uploads.discard(a.uploadId) };
}

function previewImport(ctx: Context, a: FileArgs) {
  return readerFor(ctx, a).preview(a.crs);
}

async function startImport(ctx: Context, a: FileArgs & { layerName: string; role: LayerRole }) {
  // A staged file is removed once imported; after a cancel or a failure it stays for another try
  // until the dialog discards it.
  const jobId = await ctx.jobs.start(readerFor(ctx, a), { layerName: a.layerName, role: a.role, crs: a.crs }, (status) => {
    if (status === 'done' && a.uploadId) ctx.uploads.discard(a.uploadId);
  });
  return { jobId };
}

function importStatus(ctx: Context, { jobId }: { jobId: string }) {
  const job = ctx.jobs.status(jobId);
  if (!job) throw new NotFoundError(`no import job "${jobId}"`);
  return { ...job, summary: job.summary ? { ...job.summary } : null };
}

function cancelImport(ctx: Context, { jobId }: { jobId: string }) {
  return { cancelled: ctx.jobs.cancel(jobId) };
}

export const importHandlers = {
  beginUpload,
  uploadChunk,
  discardUpload,
  previewImport,
  startImport,
  importStatus,
  cancelImport,
} satisfies Handlers<'beginUpload' | 'uploadChunk' | 'discardUpload' | 'previewImport' | 'startImport' | 'importStatus' | 'cancelImport'>;
