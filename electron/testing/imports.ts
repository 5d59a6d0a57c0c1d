/** Test helper for the import modules: a temporary backend, its reference places, and shortcuts. */
import { join } from 'node:path';
import { dispatch } from '../handlers/index.ts';
import { parseFile } from '../imports/parse.ts';
import { importParsed, type ImportSummary } from '../imports/store.ts';
import type { ExportFeature } from '../imports/export.ts';
import { REPO_ROOT, tempBackend, tempDir } from './temp-backend.ts';

export const IMPORT_FIXTURES = join(REPO_ROOT, 'tests/fixtures/imports');

export function importFixture() {
  const backend = tempBackend();
  const reference = backend.reference.places;
  const work = tempDir('siteselect-imports-');
  const count = (table: 'user_layers' | 'user_features') =>
    backend.context.stores.layers.list().reduce((n, l) => n + (table === 'user_layers' ? 1 : l.featureCount), 0);
  return {
    backend,
    reference,
    work,
    layerCount: () => count('user_layers'),
    featureCount: () => count('user_features'),
    async importBytes(name: string, bytes: Uint8Array, crs: 'auto' | 'wgs84' | 'gcj02' | 'bd09' = 'auto'): Promise<ImportSummary> {
      const parsed = await parseFile(name, bytes);
      return importParsed(backend.userDb, parsed, { name, role: 'candidates', crs, sourceFile: name, reference });
    },
    async layerFeatures(id: string): Promise<ExportFeature[]> {
      const res = await dispatch(backend.api, 'getLayer', { id });
      if (!res.ok) throw new Error(res.error.message);
      return (res.result as { features: ExportFeature[] }).features;
    },
    dispose() {
      backend.dispose();
      work.remove();
    },
  };
}
