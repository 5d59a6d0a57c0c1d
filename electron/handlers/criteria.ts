/** The user's own criteria: list, type per park, define from an imported layer's column, delete. */
import { randomUUID } from 'node:crypto';
import { featureName } from '../imports/feature-name.ts';
import type { CustomCriterionRecord, JoinRule } from '../contract/api.ts';
import { NotFoundError, UserInputError } from '../errors.ts';
import { joinColumn, toRecord, type JoinRow, type JoinTarget } from '../scoring/custom-criteria.ts';
import type { ValueFunction } from '../../geo/index.ts';
import type { Context, Handlers } from './context.ts';

interface Definition {
  id?: `custom-${string}` | undefined;
  name_zh: string;
  name_en?: string | undefined;
  unit: string;
  type: 'benefit' | 'cost';
  valueFunction?: ValueFunction | null | undefined;
  source: string;
  as_of?: string | null | undefined;
}

/** Every candidate values can belong to: the zone's parks (located or not), own sites, imported candidates. */
export function joinTargets(ctx: Context): JoinTarget[] {
  const parks = (ctx.reference.layers.get('parks')?.collection.features ?? []).map((f): JoinTarget => {
    const p = f.properties;
    const names = [p.name_zh, p['current_name_zh'], p.name_en].filter((n): n is string => typeof n === 'string' && n !== '');
    return {
      id: p.id,
      names,
      catalogueCode: typeof p['catalogue_code'] === 'string' ? p['catalogue_code'] : null,
      position: f.geometry?.type === 'Point' ? (f.geometry.coordinates as [number, number]) : null,
    };
  });
  const sites = ctx.stores.sites
    .list()
    .map((s): JoinTarget => ({ id: s.id, names: [s.name], catalogueCode: null, position: [s.lng, s.lat] }));
  const imported = ctx.stores.layers.pointsWithRole('candidates').map((p): JoinTarget => ({
    id: `imported-${p.id}`,
    names: [featureName(p.properties) ?? ''],
    catalogueCode: null,
    position: p.position,
  }));
  return [...parks, ...sites, ...imported];
}

function save(
  ctx: Context,
  d: Definition,
  origin: CustomCriterionRecord['origin'],
  values: Record<string, number | null>,
): CustomCriterionRecord {
  const id = d.id ?? (`custom-${randomUUID().slice(0, 12)}` as const);
  if (d.id && !ctx.stores.criteria.get(d.id)) throw new NotFoundError(`no custom criterion with id "${d.id}"`);
  ctx.stores.criteria.put({
    id,
    name_zh: d.name_zh,
    name_en: d.name_en && d.name_en !== '' ? d.name_en : d.name_zh,
    unit: d.unit,
    type: d.type,
    value_function: d.valueFunction ? JSON.stringify(d.valueFunction) : null,
    source: d.source,
    as_of: d.as_of ?? null,
    origin: JSON.stringify(origin),
    values: JSON.stringify(values),
  });
  return toRecord(ctx.stores.criteria.get(id) as NonNullable<ReturnType<Context['stores']['criteria']['get']>>);
}

function listCustomCriteria(ctx: Context): CustomCriterionRecord[] {
  return ctx.stores.criteria.list().map(toRecord);
}

function saveCustomCriterion(ctx: Context, a: Definition & { values: Record<string, number | null> }): CustomCriterionRecord {
  const known = new Set(joinTargets(ctx).map((t) => t.id));
  const unknown = Object.keys(a.values).filter((id) => !known.has(id));
  if (unknown.length > 0)
    throw new UserInputError(
      `values for candidates that are not in this project: ${unknown.slice(0, 5).join(', ')}${unknown.length > 5 ? ', …' : ''}`,
    );
  return save(ctx, a, { kind: 'typed' }, a.values);
}

function criterionFromLayer(ctx: Context, a: Definition & { layerId: string; column: string; join: JoinRule; dryRun: boolean }) {
  const layer = ctx.stores.layers.list().find((l) => l.id === a.layerId);
  if (!layer) throw new NotFoundError(`no user layer with id "${a.layerId}"`);
  const rows: JoinRow[] = ctx.stores.layers.features(a.layerId).map((f, i) => ({
    label: featureName(f.properties) ?? `#${i + 1}`,
    properties: f.properties,
    position: f.geometry.type === 'Point' ? (f.geometry.coordinates as [number, number]) : null,
  }));
  const { values, report } = joinColumn(rows, a.column, a.join, joinTargets(ctx));
  if (a.dryRun) return { criterion: null, report };
  if (report.matched.length === 0)
    throw new UserInputError(
      `no row of "${layer.name}" could be joined to a park or site (${report.unmatched.length} unmatched, ${report.ambiguous.length} ambiguous)`,
    );
  const criterion = save(ctx, a, { kind: 'layer', layerId: a.layerId, layerName: layer.name, column: a.column, join: a.join }, values);
  return { criterion, report };
}

function deleteCustomCriterion(ctx: Context, { id }: { id: string }) {
  return { deleted: ctx.stores.criteria.remove(id) };
}

export const criteriaHandlers = { listCustomCriteria, saveCustomCriterion, criterionFromLayer, deleteCustomCriterion } satisfies Handlers<
  'listCustomCriteria' | 'saveCustomCriterion' | 'criterionFromLayer' | 'deleteCustomCriterion'
>;
