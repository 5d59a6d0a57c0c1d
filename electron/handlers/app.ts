/** The app's own description: version, edition, data folder, the reference data's provenance, rows that cannot be read. */
import { LayerStyle, type AppInfo, type DamagedRow } from '../contract/api.ts';
import type { Context, Handlers } from './context.ts';
import { scenarioProblem } from './scenarios.ts';
import { tourProblem } from './tours.ts';

/** A user layer's style, or why the stored one cannot be read (the layer then lists without a colour). */
export function layerStyle(style: string): { colour?: string } | { problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(style || '{}');
  } catch {
    return { problem: `its style is not JSON: ${JSON.stringify(style.slice(0, 40))}` };
  }
  const parsed = LayerStyle.safeParse(value);
  return parsed.success ? parsed.data : { problem: `its style is not valid: ${parsed.error.issues.map((i) => i.message).join('; ')}` };
}

/** Every stored row a listing leaves out or reads only in part, with the call that deletes it. */
export function damagedRows(ctx: Context): DamagedRow[] {
  const out: DamagedRow[] = [];
  for (const l of ctx.stores.layers.list()) {
    const style = layerStyle(l.style);
    if ('problem' in style)
      out.push({ kind: 'layer', id: l.id, name: l.name, problem: style.problem, remove: { method: 'deleteLayer', args: { id: l.id } } });
  }
  for (const d of ctx.stores.layers.damagedFeatures())
    out.push({
      kind: 'feature',
      id: d.layerId,
      name: d.layerName,
      problem: `${d.count} feature(s) cannot be read (the first is row ${d.first}); they are left out of the map, rankings and exports`,
      remove: { method: 'deleteLayer', args: { id: d.layerId } },
    });
  for (const s of ctx.stores.scenarios.list()) {
    const problem = scenarioProblem(s);
    if (problem) out.push({ kind: 'scenario', id: s.id, name: s.name, problem, remove: { method: 'deleteScenario', args: { id: s.id } } });
  }
  for (const t of ctx.stores.tours.list()) {
    const problem = tourProblem(t);
    if (problem) out.push({ kind: 'tour', id: t.id, name: t.name_zh, problem, remove: { method: 'deleteTour', args: { id: t.id } } });
  }
  for (const b of ctx.stores.basemaps.damaged())
    out.push({ kind: 'basemap', id: b.id, name: b.name, problem: b.problem, remove: { method: 'removeBasemap', args: { id: b.id } } });
  return out;
}

function appInfo(ctx: Context): AppInfo {
  const { meta, minzoom, maxzoom } = ctx.reference.basemap;
  return {
    ...ctx.info,
    userSchemaVersion: ctx.userDb.pragma('user_version', { simple: true }) as number,
    damaged: damagedRows(ctx),
    reference: {
      builtAt: meta.builtAt,
      bounds: meta.bounds,
      zoneBounds: meta.zoneBounds,
      minzoom,
      maxzoom,
      sources: meta.sources,
      registry: [...ctx.reference.sources],
    },
  };
}

export const appHandlers = { appInfo } satisfies Handlers<'appInfo'>;
