/**
 * What a report's stamp hashes besides its choices: the version of everything it reads today —
 * the shipped basemap and each zone layer (with park corrections), the counties and markets, the
 * plan, the user's imported layers by role, own sites and custom criteria (each with its as-of
 * date and a content hash) — and the active network with its as-of date, its name and the scenario year.
 */
import { DEFAULT_ASSUMPTIONS } from '../../geo/index.ts';
import type { DataVersion, Stamp, StampArgs } from '../contract/api.ts';
import { osmLabel, SCHEMATIC_NETWORK_LAYERS, schematicLabel } from '../network/service.ts';
import type { Reference } from '../reference/index.ts';
import { hashOf, stampOf } from '../reports/stamp.ts';
import type { Context } from './context.ts';

const NETWORK_LAYER_IDS = new Set<string>(SCHEMATIC_NETWORK_LAYERS);

const latest = (dates: readonly unknown[]): string | null =>
  dates.filter((d): d is string => typeof d === 'string' && d !== '').reduce<string | null>((m, d) => (m === null || d > m ? d : m), null);

// Hashing the zone's layers takes a few tens of milliseconds: once per set of layers (they change with a park correction).
const layerVersions = new WeakMap<Reference['layers'], DataVersion[]>();

/** The version of every dataset and user input a report reads, as of now. */
export function dataVersions(ctx: Context): DataVersion[] {
  const layers = ctx.layers();
  let zone = layerVersions.get(layers);
  if (!zone) {
    zone = [...layers].map(([id, layer]) => ({
      id: `layer:${id}`,
      as_of: latest(layer.collection.features.map((f) => f.properties['as_of'])),
      hash: hashOf(layer.collection),
    }));
    layerVersions.set(layers, zone);
  }
  const { basemap, zone: counties, plan } = ctx.reference;
  const out: DataVersion[] = [
    { id: 'basemap', as_of: basemap.meta.builtAt.slice(0, 10), hash: hashOf(basemap.meta) },
    ...zone,
    {
      id: 'counties',
      as_of: null,
      hash: hashOf({ counties: counties.counties.map((c) => [c.adcode, c.population]), markets: counties.markets }),
    },
    { id: 'plan', as_of: null, hash: hashOf({ plan: plan.plan, presets: plan.presets }) },
  ];
  const corrections = ctx.stores.corrections.list();
  if (corrections.length > 0)
    out.push({
      id: 'park-corrections',
      as_of: latest(corrections.map((c) => c.updated_at.slice(0, 10))),
      hash: hashOf(corrections.map(({ created_at: _c, updated_at: _u, ...c }) => c)),
    });
  for (const role of ['candidates', 'competitors', 'facilities'] as const) {
    const points = ctx.stores.layers.pointsWithRole(role);
    if (points.length > 0) out.push({ id: `user-layers:${role}`, as_of: null, hash: hashOf(points) });
  }
  const sites = ctx.stores.sites.list();
  if (sites.length > 0)
    out.push({
      id: 'sites',
      as_of: latest(sites.map((s) => s.created_at.slice(0, 10))),
      hash: hashOf(sites.map((s) => [s.id, s.name, s.lng, s.lat])),
    });
  for (const c of ctx.stores.criteria.list())
    out.push({
      id: `custom:${c.id}`,
      as_of: c.as_of,
      hash: hashOf({ unit: c.unit, type: c.type, value_function: c.value_function, values: JSON.parse(c.values) as unknown }),
    });
  return out;
}

/**
 * The active network in the scenario year `year`: the imported OpenStreetMap extract (its as-of date) or the schematic
 * one (its layers' latest as-of date), named as its figures name it. `hash` identifies the network's data only, so a
 * report stamped before the year and name were added still matches while they stand; the year and the names are
 * fields of their own, covered by the stamp's hash and compared by verify.
 */
export function networkVersion(ctx: Context, data: readonly DataVersion[], year: number | null): Stamp['network'] {
  const osm = ctx.roads.active() === 'osm' ? ctx.roads.osm() : null;
  if (osm) {
    const m = osm.meta;
    const label = osmLabel(osm, year);
    return {
      kind: 'osm',
      as_of: m.asOf,
      hash: hashOf({ source: m.source, profile: m.profile, speeds: m.speedsKmh, clip: m.clip, nodes: m.nodes, edges: m.edges }),
      year,
      name_zh: label.name_zh,
      name_en: label.name_en,
    };
  }
  const layers = data.filter((d) => NETWORK_LAYER_IDS.has(d.id.replace(/^layer:/, '')));
  const label = schematicLabel(ctx.layers(), year);
  return {
    kind: 'schematic',
    as_of: latest(layers.map((d) => d.as_of)),
    hash: hashOf({ assumptions: DEFAULT_ASSUMPTIONS, layers: layers.map((d) => d.hash) }),
    year,
    name_zh: label.name_zh,
    name_en: label.name_en,
  };
}

/** The scenario year a report's figures are computed in: the one its scenario gives, else the stored year (as `rank` does). */
export function stampYear(ctx: Context, subject: StampArgs): number | null {
  const asOf = subject.kind === 'brochure' ? undefined : subject.report.payload.asOf;
  return asOf === undefined ? ctx.network.year() : asOf;
}

/** Today's stamp for a report's choices. */
export function currentStamp(ctx: Context, subject: StampArgs): Stamp {
  const data = dataVersions(ctx);
  return stampOf(subject, { name: ctx.info.name, version: ctx.info.version }, data, networkVersion(ctx, data, stampYear(ctx, subject)));
}
