/**
 * Vector tiles of the imported road network, made once at import (in the import worker) and
 * served from the sidecar file (extras.ts) like the basemap's tiles: Mapbox Vector Tile 2.1
 * (github.com/mapbox/vector-tile-spec), encoded with the `pbf` writer, two layers: `roads`
 * (lines with `class`, `name`, `ref`; the OSM way id is the feature id) and `junctions` (points
 * of `highway=motorway_junction` with `name`, `ref`; the node id is the feature id).
 *
 * The geometry work is geo/roads/tile-geometry.ts: one simplification per line for all zooms,
 * then zoom by zoom, column by column (a column is one tile of {@link COLUMN_ZOOM} wide), each
 * line is cut into the tiles it crosses and the column's tiles are encoded and handed on, so
 * memory holds one column of tiles, not the pyramid. A class is put in a tile only from its
 * ROAD_CLASS_MINZOOM (geo/roads/road-layer.ts), the zoom from which the map's style draws it.
 *
 * geojson-vt (a dependency, used for the basemap) was tried first and measured on the bench's
 * province-scale network: it builds every ancestor tile of every tile and needed 16 s of CPU and
 * 500 MB; see README "Roads on the map".
 */
import { PbfWriter } from 'pbf';
import {
  cutIntoTiles,
  JUNCTION_MINZOOM,
  mercatorX,
  mercatorY,
  ROAD_CLASS_MINZOOM,
  ROAD_CLASSES,
  ROAD_TILE_LAYERS,
  ROAD_TILE_MAXZOOM,
  ROAD_TILE_MINZOOM,
  simplifyImportance,
  type RoadClass,
  type RoadLines,
} from '../../geo/roads/index.ts';

/** Tile extent and buffer in tile units (the MVT default extent; geojson-vt's and MapLibre's buffer). */
export const TILE_EXTENT = 4096;
const BUFFER = 64;
/** Simplification tolerance in tile units (geojson-vt's default): 3/4096 of a 512 px tile is a third of a pixel. */
const TOLERANCE = 3;
/** Zooms from this one on are made one column of this zoom's tiles at a time (a z8 tile is 1.4° wide). */
export const COLUMN_ZOOM = 8;

/** A motorway junction (`highway=motorway_junction`) as the tiles carry it. */
export interface JunctionPoint {
  osmId: number;
  lng: number;
  lat: number;
  name: string | null;
  ref: string | null;
}

export interface TileStats {
  tiles: number;
  bytes: number;
  largestTileBytes: number;
  ms: number;
}

const MINZOOM_BY_CODE = ROAD_CLASSES.map((c) => ROAD_CLASS_MINZOOM[c as RoadClass]);

/** A tile being built: its features and their coordinates (tile units, integers) in one array. */
interface TileBuilder {
  coords: number[];
  roads: TileFeature[];
  junctions: TileFeature[];
}

interface TileFeature {
  id: number;
  /** Property values in the layer's key order (null when absent). */
  props: readonly (string | null)[];
  /** End offsets in `coords` of each part (the first starts at `start`). */
  start: number;
  ends: number[];
}

const KEYS = { roads: ['class', 'name', 'ref'], junctions: ['name', 'ref'] } as const;

function zigzag(n: number): number {
  return (n << 1) ^ (n >> 31);
}

/** One MVT layer message (version 2, extent 4096). */
function writeLayer(
  pbf: PbfWriter,
  name: string,
  type: 1 | 2,
  keys: readonly string[],
  features: readonly TileFeature[],
  coords: readonly number[],
): void {
  const values: string[] = [];
  const valueIndex = new Map<string, number>();
  pbf.writeVarintField(15, 2);
  pbf.writeStringField(1, name);
  const tags: number[] = [];
  const geometry: number[] = [];
  for (const f of features) {
    tags.length = 0;
    f.props.forEach((v, k) => {
      if (v === null) return;
      let i = valueIndex.get(v);
      if (i === undefined) {
        i = values.length;
        values.push(v);
        valueIndex.set(v, i);
      }
      tags.push(k, i);
    });
    geometry.length = 0;
    let cx = 0;
    let cy = 0;
    let from = f.start;
    for (const end of f.ends) {
      const n = (end - from) / 2;
      // MoveTo (command 1) to the first point, LineTo (command 2) through the others; deltas zigzag-encoded.
      geometry.push(1 | (1 << 3), zigzag((coords[from] as number) - cx), zigzag((coords[from + 1] as number) - cy));
      cx = coords[from] as number;
      cy = coords[from + 1] as number;
      if (n > 1) {
        geometry.push(2 | ((n - 1) << 3));
        for (let k = from + 2; k < end; k += 2) {
          const x = coords[k] as number;
          const y = coords[k + 1] as number;
          geometry.push(zigzag(x - cx), zigzag(y - cy));
          cx = x;
          cy = y;
        }
      }
      from = end;
    }
    pbf.writeMessage(
      2,
      (_: null, p: PbfWriter) => {
        p.writeVarintField(1, f.id);
        p.writePackedVarint(2, tags);
        p.writeVarintField(3, type);
        p.writePackedVarint(4, geometry);
      },
      null,
    );
  }
  for (const k of keys) pbf.writeStringField(3, k);
  for (const v of values) pbf.writeMessage(4, (value: string, p: PbfWriter) => p.writeStringField(1, value), v);
  pbf.writeVarintField(5, TILE_EXTENT);
}

/** Encodes a tile's two layers (an empty layer is left out). */
function encodeTile(t: TileBuilder): Uint8Array {
  const pbf = new PbfWriter();
  if (t.roads.length)
    pbf.writeMessage(3, (_: null, p: PbfWriter) => writeLayer(p, ROAD_TILE_LAYERS.roads, 2, KEYS.roads, t.roads, t.coords), null);
  if (t.junctions.length)
    pbf.writeMessage(
      3,
      (_: null, p: PbfWriter) => writeLayer(p, ROAD_TILE_LAYERS.junctions, 1, KEYS.junctions, t.junctions, t.coords),
      null,
    );
  return pbf.finish();
}

/**
 * Makes every non-empty tile from ROAD_TILE_MINZOOM to ROAD_TILE_MAXZOOM of the lines and
 * junctions and hands each to `write` as it is finished.
 * @param options.checkCancel - called between columns; throws to stop
 * @param options.onProgress - called with the fraction of columns done
 */
export function generateRoadTiles(
  lines: RoadLines,
  junctions: readonly JunctionPoint[],
  write: (z: number, x: number, y: number, data: Uint8Array) => void,
  options: { checkCancel?: () => void; onProgress?: (fraction: number) => void } = {},
): TileStats {
  const { checkCancel, onProgress } = options;
  const t0 = performance.now();
  const stats: TileStats = { tiles: 0, bytes: 0, largestTileBytes: 0, ms: 0 };
  const n = lines.wayId.length;
  const points = lines.lng.length;
  // World coordinates and simplification importance, once for all zooms.
  const wx = new Float64Array(points);
  const wy = new Float64Array(points);
  for (let k = 0; k < points; k++) {
    wx[k] = mercatorX(lines.lng[k] as number);
    wy[k] = mercatorY(lines.lat[k] as number);
  }
  const importance = new Float64Array(points);
  const sqTolerance = (z: number) => (TOLERANCE / (TILE_EXTENT * 2 ** z)) ** 2;
  const finest = sqTolerance(ROAD_TILE_MAXZOOM);
  for (let i = 0; i < n; i++) simplifyImportance(wx, wy, lines.start[i] as number, (lines.start[i + 1] as number) - 1, finest, importance);

  // The lines of each column (a line is listed in every column its extent, with the buffer, touches).
  const columnCount = 2 ** COLUMN_ZOOM;
  const margin = BUFFER / TILE_EXTENT / columnCount;
  const byColumn = new Map<number, number[]>();
  const colOf = (x: number) => Math.min(columnCount - 1, Math.max(0, Math.floor(x * columnCount)));
  for (let i = 0; i < n; i++) {
    let lo = Infinity;
    let hi = -Infinity;
    for (let k = lines.start[i] as number, end = lines.start[i + 1] as number; k < end; k++) {
      const x = wx[k] as number;
      if (x < lo) lo = x;
      if (x > hi) hi = x;
    }
    for (let c = colOf(lo - margin); c <= colOf(hi + margin); c++) {
      let list = byColumn.get(c);
      if (!list) byColumn.set(c, (list = []));
      list.push(i);
    }
  }
  const junctionsByColumn = new Map<number, JunctionPoint[]>();
  for (const j of junctions) {
    const c = colOf(mercatorX(j.lng));
    let list = junctionsByColumn.get(c);
    if (!list) junctionsByColumn.set(c, (list = []));
    list.push(j);
  }
  const columns = [...new Set([...byColumn.keys(), ...junctionsByColumn.keys()])].sort((a, b) => a - b);

  const lineProps = (i: number) => {
    const name = lines.name[i] as number;
    const ref = lines.ref[i] as number;
    return [
      ROAD_CLASSES[lines.cls[i] as number] as string,
      name >= 0 ? (lines.strings[name] as string) : null,
      ref >= 0 ? (lines.strings[ref] as string) : null,
    ];
  };
  const tiles = new Map<number, TileBuilder>();
  const flush = (z: number) => {
    const size = 2 ** z;
    for (const [key, t] of tiles) {
      const data = encodeTile(t);
      write(z, Math.floor(key / size), key % size, data);
      stats.tiles++;
      stats.bytes += data.byteLength;
      stats.largestTileBytes = Math.max(stats.largestTileBytes, data.byteLength);
    }
    tiles.clear();
  };
  const flat: number[] = [];
  const cut = (z: number, ids: readonly number[] | null, points: readonly JunctionPoint[], range: [number, number] | undefined) => {
    const size = 2 ** z;
    const tileOf = (x: number, y: number) => {
      const key = x * size + y;
      let t = tiles.get(key);
      if (!t) tiles.set(key, (t = { coords: [], roads: [], junctions: [] }));
      return t;
    };
    const sq = sqTolerance(z);
    const count = ids ? ids.length : n;
    for (let j = 0; j < count; j++) {
      const i = ids ? (ids[j] as number) : j;
      if ((MINZOOM_BY_CODE[lines.cls[i] as number] as number) > z) continue;
      flat.length = 0;
      for (let k = lines.start[i] as number, end = lines.start[i + 1] as number; k < end; k++)
        if ((importance[k] as number) > sq) flat.push(wx[k] as number, wy[k] as number);
      // One feature per line and tile, with a part for each time the line enters the tile.
      let props: (string | null)[] | null = null;
      let lastTile: TileBuilder | null = null;
      let feature: TileFeature | null = null;
      cutIntoTiles(
        flat,
        z,
        TILE_EXTENT,
        BUFFER,
        (x, y, part) => {
          const t = tileOf(x, y);
          const c = t.coords;
          const begin = c.length;
          const ox = x * TILE_EXTENT;
          const oy = y * TILE_EXTENT;
          for (let k = 0; k < part.length; k += 2) {
            const px = Math.round((part[k] as number) - ox);
            const py = Math.round((part[k + 1] as number) - oy);
            // Points that round to the same tile unit are one point.
            if (c.length - begin >= 2 && c[c.length - 2] === px && c[c.length - 1] === py) continue;
            c.push(px, py);
          }
          if (c.length - begin < 4) {
            c.length = begin;
            return;
          }
          if (t !== lastTile || !feature) {
            props ??= lineProps(i);
            feature = { id: lines.wayId[i] as number, props, start: begin, ends: [] };
            t.roads.push(feature);
            lastTile = t;
          }
          feature.ends.push(c.length);
        },
        range,
      );
    }
    if (z >= JUNCTION_MINZOOM) {
      const scale = TILE_EXTENT * size;
      for (const p of points) {
        const X = mercatorX(p.lng) * scale;
        const Y = mercatorY(p.lat) * scale;
        const x = Math.floor(X / TILE_EXTENT);
        const y = Math.floor(Y / TILE_EXTENT);
        const t = tileOf(x, y);
        const start = t.coords.length;
        t.coords.push(Math.round(X - x * TILE_EXTENT), Math.round(Y - y * TILE_EXTENT));
        t.junctions.push({ id: p.osmId, props: [p.name, p.ref], start, ends: [start + 2] });
      }
    }
  };

  for (let z = ROAD_TILE_MINZOOM; z < COLUMN_ZOOM && z <= ROAD_TILE_MAXZOOM; z++) {
    checkCancel?.();
    cut(z, null, junctions, undefined);
    flush(z);
  }
  for (const [done, c] of columns.entries()) {
    checkCancel?.();
    onProgress?.(done / columns.length);
    for (let z = Math.max(COLUMN_ZOOM, ROAD_TILE_MINZOOM); z <= ROAD_TILE_MAXZOOM; z++) {
      const f = 2 ** (z - COLUMN_ZOOM);
      cut(z, byColumn.get(c) ?? [], junctionsByColumn.get(c) ?? [], [c * f, c * f + f - 1]);
      flush(z);
    }
  }
  stats.ms = performance.now() - t0;
  return stats;
}
