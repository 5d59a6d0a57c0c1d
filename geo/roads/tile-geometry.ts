/**
 * Cutting road lines into the tiles of a web-map pyramid: Web Mercator projection, simplification
 * and clipping, in plain arrays, for the road tiles made at import (electron/roads/tiles.ts).
 *
 * Coordinates: input `[lng, lat]` degrees, WGS-84; "world" coordinates are Web Mercator scaled to
 * [0, 1] (x east from −180°, y south from +85.05°); a tile at zoom z is 1/2^z of the world wide and
 * holds `extent` units (4096, the Mapbox Vector Tile default) plus a `buffer` on each side, so that
 * a line drawn across a tile edge joins without a gap.
 *
 * It does what geojson-vt does for lines (the same simplification, the same clipping), zoom by
 * zoom, without keeping every ancestor tile of every tile: geojson-vt needed 16 s of CPU and 500 MB
 * for the province-scale bench network where this takes a few seconds (measured, README).
 */

/** Web Mercator x of a longitude, in [0, 1] (EPSG:3857 scaled to the world square). */
export function mercatorX(lng: number): number {
  return lng / 360 + 0.5;
}

/** Web Mercator y of a latitude, in [0, 1] from north to south, clamped to the square (|lat| ≤ 85.05°). */
export function mercatorY(lat: number): number {
  const s = Math.sin((lat * Math.PI) / 180);
  const y = 0.5 - (0.25 * Math.log((1 + s) / (1 - s))) / Math.PI;
  return y < 0 ? 0 : y > 1 ? 1 : y;
}

/** Squared distance from (px, py) to the segment (ax, ay)–(bx, by). */
function sqSegmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  let x = ax;
  let y = ay;
  let dx = bx - ax;
  let dy = by - ay;
  if (dx !== 0 || dy !== 0) {
    const t = ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy);
    if (t > 1) {
      x = bx;
      y = by;
    } else if (t > 0) {
      x += dx * t;
      y += dy * t;
    }
  }
  dx = px - x;
  dy = py - y;
  return dx * dx + dy * dy;
}

/**
 * Ramer–Douglas–Peucker importance of each point of the line `from … to` (inclusive) of `xs`/`ys`
 * (world coordinates), written into `importance`: the ends get Infinity; an interior point gets
 * the squared distance at which the algorithm would keep it, or 0 when it falls within
 * `sqTolerance` at the finest zoom. A point is drawn at a zoom whose squared tolerance is below
 * its importance, so one pass serves every zoom (geojson-vt's `simplify.js` does the same;
 * Douglas & Peucker, Cartographica 10(2), 1973).
 */
export function simplifyImportance(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  from: number,
  to: number,
  sqTolerance: number,
  importance: Float64Array,
): void {
  importance[from] = Infinity;
  importance[to] = Infinity;
  for (let i = from + 1; i < to; i++) importance[i] = 0;
  const stack = [from, to];
  while (stack.length > 0) {
    const last = stack.pop() as number;
    const first = stack.pop() as number;
    let best = sqTolerance;
    let index = -1;
    const ax = xs[first] as number;
    const ay = ys[first] as number;
    const bx = xs[last] as number;
    const by = ys[last] as number;
    for (let i = first + 1; i < last; i++) {
      const d = sqSegmentDistance(xs[i] as number, ys[i] as number, ax, ay, bx, by);
      if (d > best) {
        best = d;
        index = i;
      }
    }
    if (index < 0) continue;
    importance[index] = best;
    if (index - first > 1) stack.push(first, index);
    if (last - index > 1) stack.push(index, last);
  }
}

/**
 * The parts of a polyline (flat `[x0, y0, x1, y1, …]`) that lie within `lo ≤ coordinate ≤ hi` on
 * one axis (0: x, 1: y), each a flat array of at least two points; points are added where the line
 * crosses a bound (one-dimensional Liang–Barsky per segment). A line wholly inside is returned
 * as it is (not copied).
 */
export function clipToStripe(line: ArrayLike<number>, axis: 0 | 1, lo: number, hi: number): ArrayLike<number>[] {
  const n = line.length / 2;
  // Most lines lie wholly inside one tile: no copy.
  let min = Infinity;
  let max = -Infinity;
  for (let i = axis; i < line.length; i += 2) {
    const k = line[i] as number;
    if (k < min) min = k;
    if (k > max) max = k;
  }
  if (min >= lo && max <= hi) return n >= 2 ? [line as number[]] : [];
  if (max < lo || min > hi) return [];
  const parts: number[][] = [];
  let part: number[] | null = null;
  if (n === 1) {
    const k = line[axis] as number;
    return k >= lo && k <= hi ? [[line[0] as number, line[1] as number]] : [];
  }
  for (let i = 0; i + 1 < n; i++) {
    const ax = line[2 * i] as number;
    const ay = line[2 * i + 1] as number;
    const bx = line[2 * i + 2] as number;
    const by = line[2 * i + 3] as number;
    const a = axis === 0 ? ax : ay;
    const b = axis === 0 ? bx : by;
    let t0 = 0;
    let t1 = 1;
    const d = b - a;
    if (d === 0) {
      if (a < lo || a > hi) t0 = 2; // wholly outside
    } else {
      const tl = (lo - a) / d;
      const th = (hi - a) / d;
      t0 = Math.max(0, Math.min(tl, th));
      t1 = Math.min(1, Math.max(tl, th));
    }
    if (t0 > t1) {
      if (part) parts.push(part);
      part = null;
      continue;
    }
    if (!part || t0 > 0) {
      if (part) parts.push(part);
      part = t0 > 0 ? [ax + (bx - ax) * t0, ay + (by - ay) * t0] : [ax, ay];
    }
    part.push(t1 < 1 ? ax + (bx - ax) * t1 : bx, t1 < 1 ? ay + (by - ay) * t1 : by);
    if (t1 < 1) {
      parts.push(part);
      part = null;
    }
  }
  if (part) parts.push(part);
  return parts.filter((p) => p.length >= 4);
}

let scratch = new Float64Array(4096);

/**
 * Calls `emit(x, y, part)` for each part of a line (flat world coordinates in [0, 1], already
 * simplified) in each tile of zoom `z` it crosses; `part` is flat in units of the zoom's pixel
 * grid (`extent` per tile, not yet made relative to the tile, not rounded) and only valid during
 * the call. Clipping is done in columns, then rows, with `buffer` units beyond each tile edge, so
 * a long line costs its length, not the size of its bounding box. Only the tile columns in
 * `columns` are cut (a caller that works column by column passes its range).
 */
export function cutIntoTiles(
  line: ArrayLike<number>,
  z: number,
  extent: number,
  buffer: number,
  emit: (x: number, y: number, part: ArrayLike<number>) => void,
  columns: readonly [first: number, last: number] = [0, 2 ** z - 1],
): void {
  const scale = extent * 2 ** z;
  if (scratch.length < line.length) scratch = new Float64Array(line.length * 2);
  const world = scratch.subarray(0, line.length);
  let minX = Infinity;
  let maxX = -Infinity;
  for (let i = 0; i < line.length; i += 2) {
    const x = (line[i] as number) * scale;
    world[i] = x;
    world[i + 1] = (line[i + 1] as number) * scale;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
  }
  const last = 2 ** z - 1;
  const column0 = Math.max(0, columns[0], Math.floor((minX - buffer) / extent));
  const column1 = Math.min(last, columns[1], Math.floor((maxX + buffer) / extent));
  for (let tx = column0; tx <= column1; tx++) {
    for (const col of clipToStripe(world, 0, tx * extent - buffer, (tx + 1) * extent + buffer)) {
      let minY = Infinity;
      let maxY = -Infinity;
      for (let i = 1; i < col.length; i += 2) {
        const y = col[i] as number;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
      const row0 = Math.max(0, Math.floor((minY - buffer) / extent));
      const row1 = Math.min(last, Math.floor((maxY + buffer) / extent));
      for (let ty = row0; ty <= row1; ty++)
        for (const part of clipToStripe(col, 1, ty * extent - buffer, (ty + 1) * extent + buffer)) emit(tx, ty, part);
    }
  }
}

/** Column of the zoom-z tile holding longitude `lng` (degrees). */
export function tileX(lng: number, z: number): number {
  return Math.min(2 ** z - 1, Math.max(0, Math.floor(mercatorX(lng) * 2 ** z)));
}

/** Row of the zoom-z tile holding latitude `lat` (degrees), counted from the north. */
export function tileY(lat: number, z: number): number {
  return Math.min(2 ** z - 1, Math.max(0, Math.floor(mercatorY(lat) * 2 ** z)));
}
