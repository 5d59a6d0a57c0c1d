/**
 * `npx tsx data/build/where.ts LNG LAT [LNG LAT …]`: which county (WGS-84 boundary data) contains
 * each point. A research aid for placing features and checking a declared county.
 */
import { booleanPointInPolygon, point } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { collectBoundaries } from './build-basemap.ts';

const args = process.argv.slice(2).map(Number);
if (args.length === 0 || args.length % 2 !== 0 || args.some((n) => !Number.isFinite(n))) {
  console.error('usage: tsx data/build/where.ts LNG LAT [LNG LAT …]  (WGS-84 degrees)');
  process.exit(2);
}
const counties = collectBoundaries().layers['counties'] as Feature<Polygon | MultiPolygon, Record<string, string>>[];
for (let i = 0; i < args.length; i += 2) {
  const p = point([args[i] as number, args[i + 1] as number]);
  const hit = counties.find((c) => booleanPointInPolygon(p, c));
  console.log(
    `${args[i]},${args[i + 1]}\t${hit ? `${hit.properties['adcode']} ${hit.properties['prefecture_zh']} ${hit.properties['name_zh']}` : 'outside the drawn provinces'}`,
  );
}
