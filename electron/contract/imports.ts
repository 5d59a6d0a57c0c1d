/** Importing the user's files: staged uploads, preview, import jobs. */
import { z } from 'zod';
import { CRS_IDS } from '../../geo/crs/detect.ts';
import { Base64, UserName } from './common.ts';
import { method } from './define.ts';
import { LayerRoleSchema } from './layers.ts';

export const CrsSchema = z.enum(CRS_IDS);
const CrsChoice = z.enum(['auto', ...CRS_IDS] as const);
const FileArgs = {
  name: z.string().min(1).max(255),
  /** The file's bytes, base64 (small files); or… */
  dataBase64: Base64.optional(),
  /** …a file staged with beginUpload/uploadChunk (any size; large CSV/GeoJSON are streamed). */
  uploadId: z.uuid().optional(),
  lngColumn: z.string().optional(),
  latColumn: z.string().optional(),
  swap: z.boolean().optional(),
  crs: CrsChoice.default('auto'),
};
/** Exactly one of dataBase64 and uploadId. */
const oneFile = (a: { dataBase64?: string | undefined; uploadId?: string | undefined }) =>
  (a.dataBase64 === undefined) !== (a.uploadId === undefined);
const ONE_FILE = { message: 'give the file either as dataBase64 or as uploadId (one of them)' };
const Problem = z.object({ where: z.string(), message: z.string() });
const Geometry = z.object({ type: z.string(), coordinates: z.unknown() });

export const PreviewResult = z.object({
  format: z.string(),
  encoding: z.string().nullable(),
  /** Features in the file; null when a large file was previewed from its first features only. */
  features: z.number().int().nullable(),
  /** True when the file will be streamed (previewed from its head, checked in full while importing). */
  streamed: z.boolean(),
  fields: z.array(z.string()),
  columns: z.object({ lng: z.string(), lat: z.string(), name: z.string().nullable() }).nullable(),
  problems: z.array(Problem),
  swapSuggested: z.boolean(),
  detection: z.object({
    crs: CrsSchema,
    basis: z.enum(['names', 'none']),
    matched: z.array(z.object({ name: z.string(), reference: z.string() })),
    evidence: z.array(z.object({ crs: z.string(), medianMetres: z.number().nullable() })),
  }),
  /** The first features as they would land (WGS-84 after the chosen CRS), for the preview map. */
  sample: z.array(z.object({ geometry: Geometry, properties: z.record(z.string(), z.unknown()) })),
});
export type PreviewResult = z.infer<typeof PreviewResult>;

export const ImportJobResult = z.object({
  id: z.string(),
  status: z.enum(['running', 'done', 'cancelled', 'failed']),
  fraction: z.number(),
  summary: z.object({ layerId: z.string(), name: z.string(), features: z.number().int(), crs: z.string() }).passthrough().nullable(),
  error: z.string().nullable(),
});

const JobArg = z.object({ jobId: z.string().min(1) }).strict();
const UploadArg = z.object({ uploadId: z.uuid() }).strict();

export const IMPORT_METHODS = {
  beginUpload: method(
    z.object({ name: z.string().min(1).max(255), size: z.number().int().min(0) }).strict(),
    z.object({ uploadId: z.string(), chunkBytes: z.number().int() }),
  ),
  uploadChunk: method(
    z.object({ uploadId: z.uuid(), offset: z.number().int().min(0), dataBase64: Base64 }).strict(),
    z.object({ received: z.number().int(), complete: z.boolean() }),
    { carriesFile: true },
  ),
  discardUpload: method(UploadArg, z.object({ discarded: z.boolean() })),
  previewImport: method(z.object(FileArgs).strict().refine(oneFile, ONE_FILE), PreviewResult, { carriesFile: true }),
  startImport: method(
    z
      .object({ ...FileArgs, layerName: UserName, role: LayerRoleSchema })
      .strict()
      .refine(oneFile, ONE_FILE),
    z.object({ jobId: z.string() }),
    { carriesFile: true },
  ),
  importStatus: method(JobArg, ImportJobResult),
  cancelImport: method(JobArg, z.object({ cancelled: z.boolean() })),
};
