/**
 * GeoJSON geometries as the app stores them (RFC 7946, WGS-84), checked strictly per type: the
 * nesting depth each type requires, enough positions, closed polygon rings, and every position a
 * valid `[longitude, latitude]` (an altitude may follow). One rule for imports, merged project
 * files and what the stores read back, so a geometry that passed one of them passes them all.
 */
import { z } from 'zod';
import { lngLatProblem } from '../../geo/lnglat.ts';

export const GEOMETRY_TYPES = ['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon'] as const;
export type GeometryType = (typeof GEOMETRY_TYPES)[number];

/** The first problem of a position: not an array of 2–4 values, or an invalid `[lng, lat]`. */
function positionProblem(p: unknown): string | null {
  if (!Array.isArray(p) || p.some(Array.isArray)) return 'a position must be [longitude, latitude] (numbers, not nested arrays)';
  if (p.length < 2 || p.length > 4) return `a position must be [longitude, latitude] (got ${p.length} values)`;
  if (p.slice(2).some((v) => typeof v !== 'number' || !Number.isFinite(v))) return 'an altitude must be a finite number';
  return lngLatProblem([p[0], p[1]]);
}

function positionsProblem(list: unknown, min: number, what: string): string | null {
  if (!Array.isArray(list) || list.some((p) => !Array.isArray(p))) return `${what} must be an array of positions`;
  if (list.length < min) return `${what} needs at least ${min} position${min === 1 ? '' : 's'} (has ${list.length})`;
  for (const p of list) {
    const problem = positionProblem(p);
    if (problem) return problem;
  }
  return null;
}

function polygonProblem(rings: unknown, what: string): string | null {
  if (!Array.isArray(rings) || rings.length === 0) return `${what} needs at least one ring (an array of positions)`;
  for (const [i, ring] of rings.entries()) {
    const problem = positionsProblem(ring, 4, `ring ${i + 1}`);
    if (problem) return problem;
    const r = ring as number[][];
    const [first, last] = [r[0] as number[], r[r.length - 1] as number[]];
    if (first[0] !== last[0] || first[1] !== last[1]) return `ring ${i + 1} is not closed (its last position must repeat the first)`;
  }
  return null;
}

function partsProblem(parts: unknown, check: (part: unknown) => string | null, what: string): string | null {
  if (!Array.isArray(parts) || parts.length === 0) return `a ${what} needs at least one part`;
  for (const [i, part] of parts.entries()) {
    const problem = check(part);
    if (problem) return `part ${i + 1}: ${problem}`;
  }
  return null;
}

/**
 * Why a value is not a geometry the app can store, or null when it is one.
 *
 * @param g - anything; the check does not throw
 */
export function geometryProblem(g: unknown): string | null {
  if (g === null || typeof g !== 'object' || Array.isArray(g)) return 'has no geometry';
  const { type, coordinates } = g as { type?: unknown; coordinates?: unknown };
  if (typeof type !== 'string' || !(GEOMETRY_TYPES as readonly string[]).includes(type))
    return `geometry type "${String(type)}" is not supported`;
  switch (type as GeometryType) {
    case 'Point':
      return Array.isArray(coordinates) && coordinates.length > 0 && coordinates.every(Array.isArray)
        ? "a Point's coordinates must be one position [longitude, latitude], not nested arrays"
        : positionProblem(coordinates);
    case 'MultiPoint':
      return positionsProblem(coordinates, 1, 'a MultiPoint');
    case 'LineString':
      return positionsProblem(coordinates, 2, 'a LineString');
    case 'MultiLineString':
      return partsProblem(coordinates, (line) => positionsProblem(line, 2, 'a line'), 'MultiLineString');
    case 'Polygon':
      return polygonProblem(coordinates, 'a Polygon');
    case 'MultiPolygon':
      return partsProblem(coordinates, (p) => polygonProblem(p, 'a polygon'), 'MultiPolygon');
  }
}

/** A stored geometry: `{ type, coordinates }` valid by `geometryProblem`. */
export const GeometrySchema = z.object({ type: z.enum(GEOMETRY_TYPES), coordinates: z.unknown() }).superRefine((g, ctx) => {
  const problem = geometryProblem(g);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});
export type StoredGeometry = z.infer<typeof GeometrySchema>;
