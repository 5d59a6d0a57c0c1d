/**
 * Which part of an extract becomes the network.
 *
 * The default region is the zone plus the corridors to the markets its trips go to, drawn as a
 * union of two boxes (WGS-84 degrees, `[west, south, east, north]`):
 *
 * - the zone's bounding box (its six prefectures span about 108.8–114.3 E, 24.6–29.5 N) widened by
 *   0.2° on every side, which already holds Changsha (112.94 E, 28.23 N) and Guilin (110.29 E,
 *   25.27 N) and the expressways between them and the zone;
 * - a southern box 112.0–114.6 E, 22.3–24.6 N for the corridors to Guangzhou (113.26 E, 23.13 N)
 *   and Shenzhen (114.06 E, 22.54 N): the Beijing–Hong Kong–Macau expressway G4 through Shaoguan
 *   (about 113.6 E) and the Erlianhot–Guangzhou expressway G55 through Lianzhou (about 112.4 E).
 *
 * Ways are cut where they leave the region: a segment is kept when both its nodes lie inside.
 */
import type { RawRoads } from './build.ts';

export type BBox = [west: number, south: number, east: number, north: number];

/** The zone's bounding box (the six prefectures; see the module comment). */
export const ZONE_BBOX: Readonly<BBox> = Object.freeze([108.8, 24.6, 114.3, 29.5]) as Readonly<BBox>;

/** The default import region: the zone plus the corridors to Changsha, Guilin, Guangzhou and Shenzhen. */
export const DEFAULT_CLIP: readonly Readonly<BBox>[] = Object.freeze([
  Object.freeze([108.6, 24.4, 114.5, 29.7]) as Readonly<BBox>,
  Object.freeze([112.0, 22.3, 114.6, 24.6]) as Readonly<BBox>,
]);

/** True when (lng, lat) lies in at least one of the boxes (borders included). */
export function insideBoxes(lng: number, lat: number, boxes: readonly Readonly<BBox>[]): boolean {
  for (const b of boxes) if (lng >= b[0] && lng <= b[2] && lat >= b[1] && lat <= b[3]) return true;
  return false;
}

/** Problem with a bbox (order, range), or null. */
export function bboxProblem(b: readonly number[]): string | null {
  if (b.length !== 4 || b.some((x) => typeof x !== 'number' || !Number.isFinite(x)))
    return 'bbox must be four numbers: west,south,east,north';
  const [w, s, e, n] = b as [number, number, number, number];
  if (w < -180 || e > 180 || s < -90 || n > 90) return `bbox ${b.join(',')} lies outside −180…180, −90…90`;
  if (w >= e || s >= n) return `bbox ${b.join(',')} is empty: west must be < east and south < north`;
  return null;
}

/**
 * Cuts the ways to the nodes for which `inside(lng, lat)` holds: each run of at least two
 * consecutive inside nodes becomes a way of its own with the original's attributes. Nodes
 * without a position count as outside.
 */
export function clipWays(raw: RawRoads, inside: (lng: number, lat: number) => boolean): RawRoads {
  const n = raw.nodeId.length;
  const ok = new Uint8Array(n);
  for (let v = 0; v < n; v++) {
    const x = raw.nodeLng[v] as number;
    const y = raw.nodeLat[v] as number;
    if (!Number.isNaN(x) && inside(x, y)) ok[v] = 1;
  }
  const wayOf: number[] = [];
  const starts: number[] = [0];
  const refs = new Int32Array(raw.refs.length);
  let count = 0;
  for (let w = 0; w < raw.wayId.length; w++) {
    let runStart = count;
    for (let i = raw.wayStart[w] as number, end = (raw.wayStart[w + 1] as number) + 1; i < end; i++) {
      const v = i < end - 1 ? (raw.refs[i] as number) : -1;
      if (v >= 0 && ok[v]) {
        refs[count++] = v;
        continue;
      }
      // The run ends here (an outside node, or the way's end): keep it if it has a segment.
      if (count - runStart >= 2) {
        wayOf.push(w);
        starts.push(count);
      } else count = runStart;
      runStart = count;
    }
  }
  const pick = <T extends Float64Array | Float32Array | Int32Array | Int16Array | Uint8Array>(a: T, make: (len: number) => T): T => {
    const out = make(wayOf.length);
    for (let i = 0; i < wayOf.length; i++) out[i] = a[wayOf[i] as number] as number;
    return out;
  };
  const compact = compactNodes(raw, refs.subarray(0, count));
  return {
    ...raw,
    ...compact,
    wayId: pick(raw.wayId, (l) => new Float64Array(l)),
    wayClass: pick(raw.wayClass, (l) => new Uint8Array(l)),
    wayFlags: pick(raw.wayFlags, (l) => new Uint8Array(l)),
    wayKmhFwd: pick(raw.wayKmhFwd, (l) => new Float64Array(l)),
    wayKmhBwd: pick(raw.wayKmhBwd, (l) => new Float64Array(l)),
    wayName: pick(raw.wayName, (l) => new Int32Array(l)),
    wayRef: pick(raw.wayRef, (l) => new Int32Array(l)),
    wayStart: Int32Array.from(starts),
    ...(raw.wayStatus ? { wayStatus: pick(raw.wayStatus, (l) => new Uint8Array(l)) } : {}),
    ...(raw.wayYear ? { wayYear: pick(raw.wayYear, (l) => new Int16Array(l)) } : {}),
  };
}

/**
 * Keeps only the nodes that `refs` uses (renumbered in their old order) and rewrites `refs` in
 * place, so that the build's per-node arrays scale with the clipped region, not the whole file.
 */
export function compactNodes(
  raw: RawRoads,
  refs: Int32Array,
): Pick<RawRoads, 'nodeId' | 'nodeLng' | 'nodeLat' | 'refs'> & { keepNodes?: Int32Array } {
  const n = raw.nodeId.length;
  const map = new Int32Array(n).fill(-1);
  for (let i = 0; i < refs.length; i++) map[refs[i] as number] = 0;
  let m = 0;
  for (let v = 0; v < n; v++) if (map[v] === 0) map[v] = m++;
  const nodeId = new Float64Array(m);
  const nodeLng = new Float64Array(m);
  const nodeLat = new Float64Array(m);
  for (let v = 0; v < n; v++) {
    const k = map[v] as number;
    if (k < 0) continue;
    nodeId[k] = raw.nodeId[v] as number;
    nodeLng[k] = raw.nodeLng[v] as number;
    nodeLat[k] = raw.nodeLat[v] as number;
  }
  const out = new Int32Array(refs.length);
  for (let i = 0; i < refs.length; i++) out[i] = map[refs[i] as number] as number;
  const result: Pick<RawRoads, 'nodeId' | 'nodeLng' | 'nodeLat' | 'refs'> & { keepNodes?: Int32Array } = {
    nodeId,
    nodeLng,
    nodeLat,
    refs: out,
  };
  if (raw.keepNodes) {
    const kept: number[] = [];
    for (const v of raw.keepNodes) if (v >= 0 && v < n && (map[v] as number) >= 0) kept.push(map[v] as number);
    result.keepNodes = Int32Array.from(kept);
  }
  return result;
}
