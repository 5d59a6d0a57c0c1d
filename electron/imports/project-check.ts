/**
 * Checking what a colleague's project file holds before any of it is merged: every row with the
 * same schemas and import rules as the API (names, positions in the zone, layer roles and styles,
 * strict geometries of one kind per layer, attributes as a JSON object, scenario payloads), so a
 * merged project lists, ranks and exports like one made here. The first bad row is named and
 * nothing is merged.
 */
import { z } from 'zod';
import { CRS_IDS } from '../../geo/crs/detect.ts';
import {
  CONTRACT,
  LAYER_ROLES,
  LayerName,
  LayerStyle,
  ScenarioName,
  ScenarioNotes,
  ScenarioPayload,
  CriterionOrigin,
  CustomCriterionIdSchema,
  CustomCriterionSchema,
  ValueFunctionSchema,
  hasNoControl,
} from '../contract/api.ts';
import { geometryProblem } from '../contract/geometry.ts';
import type { CheckedProject, ForeignProject, ForeignRow } from '../db/project-file.ts';
import { ImportError } from './import-error.ts';
import { GEOMETRY_FAMILY, ringCrossing } from './parse.ts';

/** Largest attribute object of one merged feature, characters of JSON. */
export const MAX_PROPERTIES_CHARS = 1024 * 1024;

export interface ProjectRules {
  /** Why a site's position cannot be a candidate here (outside the zone), or null. */
  siteProblem(position: [number, number]): string | null;
  /** Whether the zone's data has a park of this id (a correction of another park has nothing to correct). */
  parkExists(id: string): boolean;
  /** Why a station's corrected position is not taken (no such station, too far from it), or null (the osm-matches migration: stations too). */
  stationCorrectionProblem(id: string, position: [number, number]): string | null;
}

const Id = z.string().min(1).max(200).refine(hasNoControl, 'an id must not contain control characters');
const SiteName = CONTRACT.addCandidateSite.args.shape.name.refine(
  hasNoControl,
  'a name must not contain control characters (tabs, line breaks, NUL)',
);
const Coordinate = z.number().finite();
const Site = z.object({ id: Id, name: SiteName, lng: Coordinate, lat: Coordinate });
const Layer = z.object({
  id: Id,
  name: LayerName,
  role: z.enum(LAYER_ROLES),
  geometry: z.enum(['point', 'line', 'polygon', 'mixed']),
  source_file: z.string().max(255).refine(hasNoControl, 'a file name must not contain control characters').nullable(),
  source_crs: z.enum(CRS_IDS).nullable(),
});
const Scenario = z.object({ id: Id, name: ScenarioName, notes: ScenarioNotes.nullable().transform((n) => n ?? '') });
/** A custom criterion row: the same fields and rules as a criterion made through the API. */
const CriterionRow = z.object({
  id: CustomCriterionIdSchema,
  name_zh: z.string().trim().min(1).max(100).refine(hasNoControl, 'a name must not contain control characters'),
  name_en: z.string().trim().min(1).max(100).refine(hasNoControl, 'a name must not contain control characters'),
  unit: z.string().max(40).refine(hasNoControl, 'a unit must not contain control characters'),
  type: z.enum(['benefit', 'cost']),
  source: z.string().trim().min(1).max(500),
  as_of: z
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/)
    .nullable(),
});
const CorrectionRow = z.object({
  park_id: Id,
  lng: Coordinate,
  lat: Coordinate,
  crs: z.enum(CRS_IDS),
  given_lng: Coordinate,
  given_lat: Coordinate,
  source: z.enum(['user', 'OpenStreetMap']),
  osm_id: z.string().max(40).nullable(),
  note: z.string().max(500).refine(hasNoControl, 'a note must not contain control characters'),
  // Files of an older schema have no kind, citation or credit: a park's correction of the user's own.
  feature_kind: z.enum(['park', 'station']).default('park'),
  citation: z
    .url({ protocol: /^https$/ })
    .max(200)
    .nullable()
    .default(null),
  credit: z.string().max(200).refine(hasNoControl, 'a credit must not contain control characters').nullable().default(null),
});

const issues = (error: z.ZodError) => error.issues.map((i) => `${i.path.join('.') || '(value)'}: ${i.message}`).join('; ');

function json(text: unknown, what: string): unknown {
  if (typeof text !== 'string') throw new Error(`${what} is not text`);
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`${what} is not JSON`);
  }
}

/**
 * The project's content as it will be merged, every row checked.
 *
 * @param fileName - the file's name as the user knows it, for messages
 * @throws ImportError naming the file and the first bad row (e.g. `layer 2 ("Sites") feature 14: …`)
 */
export function checkProject(project: ForeignProject, fileName: string, rules: ProjectRules): CheckedProject {
  const at = (where: string, problem: string) => new ImportError(`"${fileName}": ${where}: ${problem}; nothing was merged`);
  const named = (kind: string, i: number, row: ForeignRow) =>
    `${kind} ${i + 1}${typeof row['id'] === 'string' ? ` (id ${JSON.stringify(row['id'].slice(0, 60))})` : ''}`;

  const sites = project.sites.map((row, i) => {
    const where = named('candidate site', i, row);
    const parsed = Site.safeParse(row);
    if (!parsed.success) throw at(where, issues(parsed.error));
    const problem = rules.siteProblem([parsed.data.lng, parsed.data.lat]);
    if (problem) throw at(where, problem);
    return parsed.data;
  });

  const scenarios = project.scenarios.map((row, i) => {
    const where = named('scenario', i, row);
    const parsed = Scenario.safeParse(row);
    if (!parsed.success) throw at(where, issues(parsed.error));
    let payload: unknown;
    try {
      payload = json(row['payload'], 'its payload');
    } catch (error) {
      throw at(where, (error as Error).message);
    }
    const checked = ScenarioPayload.safeParse(payload);
    if (!checked.success) throw at(where, `its payload is not a scenario: ${issues(checked.error)}`);
    return { ...parsed.data, payload: checked.data };
  });

  const layers = project.layers.map((row, i) => {
    const where = named('layer', i, row);
    const parsed = Layer.safeParse(row);
    if (!parsed.success) throw at(where, issues(parsed.error));
    let style: unknown;
    try {
      style = json(row['style'] ?? '{}', 'its style');
    } catch (error) {
      throw at(where, (error as Error).message);
    }
    const checkedStyle = LayerStyle.safeParse(style);
    if (!checkedStyle.success) throw at(where, `its style: ${issues(checkedStyle.error)}`);
    let family: string | null = null;
    const features = row.features.map((f, k) => {
      const fwhere = `${where} feature ${k + 1}`;
      let geometry: unknown;
      let properties: unknown;
      try {
        geometry = json(f['geometry'], 'its geometry');
        if (typeof f['properties'] === 'string' && f['properties'].length > MAX_PROPERTIES_CHARS)
          throw new Error(`its properties are longer than ${MAX_PROPERTIES_CHARS / 1024 / 1024} MB of JSON`);
        properties = json(f['properties'] ?? '{}', 'its properties');
      } catch (error) {
        throw at(fwhere, (error as Error).message);
      }
      const shape = geometryProblem(geometry);
      if (shape) throw at(fwhere, shape);
      const g = geometry as { type: string; coordinates: unknown };
      const crossing = ringCrossing(g);
      if (crossing) throw at(fwhere, `the polygon crosses itself near [${crossing.join(', ')}]`);
      const kind = GEOMETRY_FAMILY[g.type] as string;
      if (parsed.data.geometry !== 'mixed' && kind !== parsed.data.geometry)
        throw at(fwhere, `a ${g.type} in a layer of ${parsed.data.geometry}s; one layer holds one kind`);
      if (family !== null && kind !== family && parsed.data.geometry !== 'mixed')
        throw at(fwhere, `mixed geometry types; one layer holds one kind`);
      family = kind;
      if (properties === null || typeof properties !== 'object' || Array.isArray(properties))
        throw at(fwhere, 'its properties are not a JSON object');
      return { geometry: JSON.stringify({ type: g.type, coordinates: g.coordinates }), properties: JSON.stringify(properties) };
    });
    return {
      id: parsed.data.id,
      name: parsed.data.name,
      role: parsed.data.role,
      geometry: parsed.data.geometry,
      sourceFile: parsed.data.source_file,
      sourceCrs: parsed.data.source_crs,
      style: JSON.stringify(checkedStyle.data),
      features,
    };
  });
  const criteria = project.criteria.map((row, i) => {
    const where = named('custom criterion', i, row);
    const parsed = CriterionRow.safeParse(row);
    if (!parsed.success) throw at(where, issues(parsed.error));
    let valueFunction: unknown;
    let origin: unknown;
    let values: unknown;
    try {
      valueFunction = row['value_function'] === null ? null : json(row['value_function'], 'its value function');
      origin = json(row['origin'], 'its origin');
      values = json(row['values'], 'its values');
    } catch (error) {
      throw at(where, (error as Error).message);
    }
    const vf = ValueFunctionSchema.nullable().safeParse(valueFunction);
    if (!vf.success) throw at(where, `its value function: ${issues(vf.error)}`);
    const o = CriterionOrigin.safeParse(origin);
    if (!o.success) throw at(where, `its origin: ${issues(o.error)}`);
    const v = CustomCriterionSchema.shape.values.safeParse(values);
    if (!v.success) throw at(where, `its values: ${issues(v.error)}`);
    return {
      ...parsed.data,
      value_function: vf.data ? JSON.stringify(vf.data) : null,
      origin: JSON.stringify(o.data),
      values: JSON.stringify(v.data),
    };
  });

  const corrections = project.corrections.map((row, i) => {
    const where = `park correction ${i + 1}${typeof row['park_id'] === 'string' ? ` (park ${JSON.stringify(row['park_id'].slice(0, 60))})` : ''}`;
    const parsed = CorrectionRow.safeParse(row);
    if (!parsed.success) throw at(where, issues(parsed.error));
    const position: [number, number] = [parsed.data.lng, parsed.data.lat];
    if (parsed.data.feature_kind === 'station') {
      const problem = rules.stationCorrectionProblem(parsed.data.park_id, position);
      if (problem) throw at(where, problem);
      return parsed.data;
    }
    if (!rules.parkExists(parsed.data.park_id)) throw at(where, `the zone has no park "${parsed.data.park_id}"`);
    const problem = rules.siteProblem(position);
    if (problem) throw at(where, problem);
    return parsed.data;
  });
  return { sites, scenarios, layers, criteria, corrections };
}
