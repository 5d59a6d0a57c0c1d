/**
 * How the imported OpenStreetMap network is drawn (issue 16): one vector-tile overlay of the road
 * tiles the import generated, coloured and sized by class, with the interchanges
 * (motorway_junction nodes) and their names from JUNCTION_MINZOOM. Which class is in a tile from
 * which zoom is decided once, in geo/roads/road-layer.ts; the style only colours what is there.
 */
import type { ExpressionSpecification } from 'maplibre-gl';
import type { RoadLayerInfo } from '../../../../electron/contract/api.ts';
import { JUNCTION_MINZOOM, ROAD_LEGEND, ROAD_TILE_LAYERS } from '../../../../geo/roads/road-layer.ts';
import { LABEL_FONT } from '../../components/map/basemap-style.ts';
import { OVERLAY_IDS, type Overlay } from '../../components/map/overlays.ts';

export type RoadLegendId = (typeof ROAD_LEGEND)[number]['id'];

/**
 * Colour and width (px at z12) of each legend group. The colours follow the convention of
 * openstreetmap-carto (`roads.mss`: motorway red-pink, trunk orange, primary amber, secondary
 * yellow, minor roads white with a grey casing), darkened a step so they read on the pale
 * prefecture fills of the basemap.
 */
export const ROAD_STYLE: Readonly<Record<string, { colour: string; width: number }>> = {
  motorway: { colour: '#d6456a', width: 4 },
  trunk: { colour: '#e8743b', width: 3.5 },
  primary: { colour: '#e0a020', width: 3 },
  secondary: { colour: '#c9b51e', width: 2.5 },
  tertiary: { colour: '#8a8a8a', width: 2 },
  link: { colour: '#b0607a', width: 1.5 },
  minor: { colour: '#a8a8a8', width: 1 },
};

/** The legend group of each class. */
export const GROUP_OF: Readonly<Record<string, string>> = Object.fromEntries(ROAD_LEGEND.flatMap((g) => g.classes.map((c) => [c, g.id])));

function byClass(value: (group: string) => number | string, fallback: number | string): ExpressionSpecification {
  const pairs = ROAD_LEGEND.flatMap((g) => [[...g.classes], value(g.id)]);
  return ['match', ['get', 'class'], ...pairs, fallback] as unknown as ExpressionSpecification;
}

/** A class's width at zoom z, px: full at z12, halved every two zooms below it. */
function widthAt(z: number, scale = 1, extra = 0): ExpressionSpecification {
  return byClass((g) => Math.max(0.5, ((ROAD_STYLE[g]?.width ?? 1) * scale) / 2 ** ((12 - z) / 2)) + extra, 1);
}

function widths(scale = 1, extra = 0): ExpressionSpecification {
  return [
    'interpolate',
    ['linear'],
    ['zoom'],
    5,
    widthAt(5, scale, extra),
    12,
    widthAt(12, scale, extra),
    14,
    widthAt(14, scale * 1.6, extra),
  ];
}

/** Draw order within the layer: minor roads first, motorways on top (ROAD_LEGEND is top to bottom). */
const SORT_KEY = byClass((g) => ROAD_LEGEND.length - ROAD_LEGEND.findIndex((x) => x.id === g), 0);

/**
 * The road overlay for the layer info the backend gives (`roadLayerInfo`), or null when no OSM
 * network is active. `origin` is the page's origin: tiles come from our own server only.
 */
export function roadOverlay(info: RoadLayerInfo | undefined, origin: string, visible = true): Overlay | null {
  if (!info?.available || !info.tiles) return null;
  const visibility = visible ? 'visible' : 'none';
  const [w, s, e, n] = info.bbox ?? [-180, -85, 180, 85];
  return {
    id: OVERLAY_IDS.roads,
    source: {
      type: 'vector',
      tiles: [`${origin}${info.tiles}`],
      minzoom: info.minzoom,
      maxzoom: info.maxzoom,
      bounds: [w, s, e, n],
      ...(info.attribution ? { attribution: info.attribution } : {}),
    },
    layers: [
      {
        slot: 'roads',
        order: 0,
        layer: {
          id: OVERLAY_IDS.roadCasing,
          type: 'line',
          'source-layer': ROAD_TILE_LAYERS.roads,
          layout: { visibility, 'line-cap': 'round', 'line-join': 'round', 'line-sort-key': SORT_KEY },
          paint: { 'line-color': '#ffffff', 'line-opacity': 0.85, 'line-width': widths(1, 1.5) },
        },
      },
      {
        slot: 'roads',
        order: 1,
        layer: {
          id: OVERLAY_IDS.roadLine,
          type: 'line',
          'source-layer': ROAD_TILE_LAYERS.roads,
          layout: { visibility, 'line-cap': 'round', 'line-join': 'round', 'line-sort-key': SORT_KEY },
          paint: { 'line-color': byClass((g) => ROAD_STYLE[g]?.colour ?? '#888888', '#888888'), 'line-width': widths() },
        },
      },
      {
        slot: 'roads',
        order: 2,
        layer: {
          id: OVERLAY_IDS.roadJunction,
          type: 'circle',
          'source-layer': ROAD_TILE_LAYERS.junctions,
          minzoom: JUNCTION_MINZOOM,
          layout: { visibility },
          paint: {
            'circle-radius': 4,
            'circle-color': '#ffffff',
            'circle-stroke-color': ROAD_STYLE['motorway']?.colour ?? '#d6456a',
            'circle-stroke-width': 2,
          },
        },
      },
      {
        slot: 'road-labels',
        layer: {
          id: OVERLAY_IDS.roadJunctionLabel,
          type: 'symbol',
          'source-layer': ROAD_TILE_LAYERS.junctions,
          minzoom: JUNCTION_MINZOOM,
          layout: {
            visibility,
            // OSM names are as mapped (mostly Chinese); the exit number follows in either language.
            'text-field': [
              'case',
              ['all', ['has', 'name'], ['has', 'ref']],
              ['concat', ['get', 'name'], ' (', ['get', 'ref'], ')'],
              ['coalesce', ['get', 'name'], ['get', 'ref'], ''],
            ],
            'text-font': LABEL_FONT,
            'text-size': 12,
            'text-offset': [0, 1.1],
            'text-anchor': 'top',
            'text-optional': true,
          },
          paint: { 'text-color': '#5a1f33', 'text-halo-color': 'rgba(255,255,255,0.92)', 'text-halo-width': 1.5 },
        },
      },
    ],
  };
}

/** The layers a click can hit, bottom to top. */
export const ROAD_CLICK_LAYERS = [OVERLAY_IDS.roadLine, OVERLAY_IDS.roadJunction] as const;

export interface RoadLegendEntry {
  id: string;
  colour: string;
  /** Kilometres of road of the group's classes in the network. */
  km: number;
  /** The group's class speeds, km/h, lowest and highest (equal for a one-class group); null when none is in the profile. */
  speeds: { min: number; max: number } | null;
}

/** Legend rows for the groups the network has roads of (a class of the profile with none in the extract is left out), top to bottom. */
export function roadLegend(info: Pick<RoadLayerInfo, 'km_by_class' | 'speeds_kmh'>): RoadLegendEntry[] {
  const out: RoadLegendEntry[] = [];
  for (const g of ROAD_LEGEND) {
    const km = g.classes.reduce((sum, c) => sum + (info.km_by_class[c] ?? 0), 0);
    const speeds = g.classes.map((c) => info.speeds_kmh[c]).filter((v): v is number => typeof v === 'number');
    if (km <= 0) continue;
    out.push({
      id: g.id,
      colour: ROAD_STYLE[g.id]?.colour ?? '#888888',
      km,
      speeds: speeds.length > 0 ? { min: Math.min(...speeds), max: Math.max(...speeds) } : null,
    });
  }
  return out;
}
