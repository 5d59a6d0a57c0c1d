/**
 * `SITESELECT_EXTRACTS=… npx tsx data/build/build-layers.ts`: runs the data builds of issue 14 in
 * order (each one reads what the earlier ones wrote) and leaves data/ as committed. Every step is
 * idempotent: a second run changes nothing.
 *
 * 1. build-roads       expressways.geojson, interchanges.geojson
 * 2. build-rail        rail-lines.geojson, rail-stations.geojson
 * 3. build-parks       parks.geojson, reference/catalogue-2018.json, bonded-zones.geojson (needs 1)
 * 4. build-counties    counties.json
 * 5. assign-source-ids source_ids of every feature, local paths removed from `source`
 * 6. build-sources-md  SOURCES.md
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './extracts.ts';

const STEPS = ['build-roads', 'build-rail', 'build-parks', 'build-counties', 'assign-source-ids', 'build-sources-md'];
for (const step of STEPS) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'data/build', `${step}.ts`)], { stdio: 'inherit' });
  if (run.status !== 0) {
    console.error(`build-layers: ${step} failed`);
    process.exit(run.status ?? 1);
  }
}
