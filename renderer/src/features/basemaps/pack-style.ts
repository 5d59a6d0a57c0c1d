/**
 * Map layers for a vector basemap pack. Offline vector packs are nearly always cut to one of three
 * public tile schemas; the pack's layer names tell which, and each gets a cartographic style
 * (water, green areas, a road hierarchy, railways, boundaries, place labels in Chinese where the
 * tiles carry `name:zh`). A pack of any other schema gets a plain generic style.
 *
 * Schemas and the layer/field names used here:
 * - OpenMapTiles (openmaptiles.org/schema): water, waterway, landcover, landuse, park,
 *   transportation (`class`), boundary (`admin_level`), place (`class`, `name`, `name:zh`), building.
 * - Protomaps basemap (docs.protomaps.com/basemaps/layers): earth, water, landuse/landcover,
 *   roads (`kind`), boundaries (`kind_detail`), places (`kind`), buildings.
 * - Shortbread (shortbread-tiles.org/schema): ocean, water_polygons, water_lines, land, streets
 *   (`kind`), boundaries (`admin_level`), place_labels (`kind`), buildings.
 */
import type { LayerSpecification } from 'maplibre-gl';
import { OVERLAY_IDS } from '../../components/map/overlays.ts';

export type PackSchema = 'openmaptiles' | 'protomaps' | 'shortbread' | 'generic';

export const PACK_LAYER_PREFIX = 'pack-layer';
const SOURCE = OVERLAY_IDS.pack;

/** The schema a vector pack follows, from its layer names. */
export function packSchema(layers: readonly string[]): PackSchema {
  const has = (...names: string[]) => names.every((n) => layers.includes(n));
  if (has('transportation', 'water', 'place')) return 'openmaptiles';
  if (has('earth', 'roads')) return 'protomaps';
  if (has('streets', 'water_polygons')) return 'shortbread';
  return 'generic';
}

const C = {
  land: '#f2efe9',
  water: '#a8cbe0',
  green: '#d3e5c3',
  urban: '#e9e3dc',
  building: '#d9d0c9',
  motorway: '#e08a6f',
  trunk: '#eaa978',
  primary: '#f3cf8e',
  minor: '#ffffff',
  casing: '#b9b1a6',
  rail: '#7d7d7d',
  boundary: '#8f7fa6',
  label: '#3b3530',
};

/** Chinese name where the tiles carry one, else the local name. */
const NAME = ['coalesce', ['get', 'name:zh'], ['get', 'name_zh'], ['get', 'name']];

type Layer = LayerSpecification;
const id = (name: string) => `${PACK_LAYER_PREFIX}-${name}`;
const fill = (name: string, sourceLayer: string, color: string, filter?: unknown[], minzoom = 0): Layer =>
  ({
    id: id(name),
    type: 'fill',
    source: SOURCE,
    'source-layer': sourceLayer,
    minzoom,
    ...(filter ? { filter } : {}),
    paint: { 'fill-color': color },
  }) as Layer;
const line = (
  name: string,
  sourceLayer: string,
  color: string,
  width: unknown,
  filter?: unknown[],
  extra: Record<string, unknown> = {},
): Layer =>
  ({
    id: id(name),
    type: 'line',
    source: SOURCE,
    'source-layer': sourceLayer,
    ...(filter ? { filter } : {}),
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: { 'line-color': color, 'line-width': width, ...extra },
  }) as Layer;
const labels = (name: string, sourceLayer: string, filter: unknown[], size: unknown): Layer =>
  ({
    id: id(name),
    type: 'symbol',
    source: SOURCE,
    'source-layer': sourceLayer,
    filter,
    layout: { 'text-field': NAME, 'text-size': size, 'text-padding': 4 },
    paint: { 'text-color': C.label, 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
  }) as unknown as Layer;
/** Width growing with zoom: `w` px at z8, four times that at z14. */
const grow = (w: number) => ['interpolate', ['exponential', 1.6], ['zoom'], 8, w, 14, w * 4];
const inList = (field: string, values: string[]) => ['in', ['get', field], ['literal', values]];

function openMapTiles(): Layer[] {
  return [
    fill('omt-landcover', 'landcover', C.green, inList('class', ['wood', 'grass', 'farmland', 'wetland'])),
    fill('omt-landuse', 'landuse', C.urban, inList('class', ['residential', 'industrial', 'commercial', 'retail'])),
    fill('omt-park', 'park', C.green),
    fill('omt-water', 'water', C.water),
    line('omt-waterway', 'waterway', C.water, ['match', ['get', 'class'], 'river', 1.6, 0.7]),
    fill('omt-building', 'building', C.building, undefined, 13),
    line('omt-minor', 'transportation', C.minor, grow(0.5), inList('class', ['minor', 'service', 'tertiary', 'secondary'])),
    line('omt-primary', 'transportation', C.primary, grow(0.9), inList('class', ['primary', 'trunk'])),
    line('omt-motorway', 'transportation', C.motorway, grow(1.2), ['==', ['get', 'class'], 'motorway']),
    line('omt-rail', 'transportation', C.rail, 1.2, inList('class', ['rail', 'transit']), { 'line-dasharray': [3, 2] }),
    line('omt-boundary', 'boundary', C.boundary, 1, ['<=', ['to-number', ['get', 'admin_level'], 99], 6], { 'line-dasharray': [4, 2] }),
    labels('omt-place', 'place', inList('class', ['city', 'town']), ['match', ['get', 'class'], 'city', 15, 12]),
  ];
}

function protomaps(): Layer[] {
  return [
    fill('pm-earth', 'earth', C.land),
    fill('pm-green', 'landuse', C.green, inList('kind', ['park', 'forest', 'wood', 'nature_reserve', 'grass', 'farmland'])),
    fill('pm-urban', 'landuse', C.urban, inList('kind', ['residential', 'industrial', 'commercial'])),
    fill('pm-water', 'water', C.water, ['==', ['geometry-type'], 'Polygon']),
    line('pm-waterway', 'water', C.water, 1, ['==', ['geometry-type'], 'LineString']),
    fill('pm-building', 'buildings', C.building, undefined, 13),
    line('pm-minor', 'roads', C.minor, grow(0.5), inList('kind', ['minor_road', 'medium_road'])),
    line('pm-major', 'roads', C.primary, grow(0.9), ['==', ['get', 'kind'], 'major_road']),
    line('pm-highway', 'roads', C.motorway, grow(1.2), ['==', ['get', 'kind'], 'highway']),
    line('pm-rail', 'roads', C.rail, 1.2, ['==', ['get', 'kind'], 'rail'], { 'line-dasharray': [3, 2] }),
    line('pm-boundary', 'boundaries', C.boundary, 1, undefined, { 'line-dasharray': [4, 2] }),
    labels('pm-place', 'places', inList('kind', ['locality', 'region']), ['match', ['get', 'kind'], 'region', 15, 12]),
  ];
}

function shortbread(): Layer[] {
  return [
    fill('sb-land', 'land', C.green, inList('kind', ['forest', 'park', 'grass', 'farmland', 'meadow'])),
    fill('sb-water', 'water_polygons', C.water),
    fill('sb-ocean', 'ocean', C.water),
    line('sb-waterway', 'water_lines', C.water, ['match', ['get', 'kind'], 'river', 1.6, 0.7]),
    fill('sb-building', 'buildings', C.building, undefined, 13),
    line('sb-minor', 'streets', C.minor, grow(0.5), inList('kind', ['secondary', 'tertiary', 'unclassified', 'residential'])),
    line('sb-primary', 'streets', C.primary, grow(0.9), inList('kind', ['primary', 'trunk'])),
    line('sb-motorway', 'streets', C.motorway, grow(1.2), ['==', ['get', 'kind'], 'motorway']),
    line('sb-rail', 'streets', C.rail, 1.2, ['==', ['get', 'kind'], 'rail'], { 'line-dasharray': [3, 2] }),
    line('sb-boundary', 'boundaries', C.boundary, 1, undefined, { 'line-dasharray': [4, 2] }),
    labels('sb-place', 'place_labels', inList('kind', ['city', 'town']), ['match', ['get', 'kind'], 'city', 15, 12]),
  ];
}

/** Every layer of an unknown schema: fills, lines and points in neutral greys. */
function generic(layers: readonly string[]): Layer[] {
  return layers.flatMap((layer) => [
    fill(`${layer}-fill`, layer, '#ece6d9', ['==', ['geometry-type'], 'Polygon']),
    line(`${layer}-line`, layer, '#a39e93', 0.8),
    {
      id: id(`${layer}-point`),
      type: 'circle',
      source: SOURCE,
      'source-layer': layer,
      filter: ['==', ['geometry-type'], 'Point'],
      paint: { 'circle-radius': 2, 'circle-color': '#777777' },
    } as Layer,
  ]);
}

/** The style layers for a vector pack whose tiles are the map source `pack`. */
export function packLayers(layers: readonly string[]): { schema: PackSchema; layers: Layer[] } {
  const schema = packSchema(layers);
  const styled =
    schema === 'openmaptiles'
      ? openMapTiles()
      : schema === 'protomaps'
        ? protomaps()
        : schema === 'shortbread'
          ? shortbread()
          : generic(layers);
  return { schema, layers: styled };
}
