/**
 * Cartography of the zone's reference layers. Each layer is a GeoJSON source with the layer's
 * id; its style layers are prefixed with that id. Sub-kind switches filter the source's data.
 */
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { LABEL_FONT, LABEL_FONT_BOLD, labelField, type LabelLanguage } from '../../components/map/basemap-style.ts';

type StyleLayer = Exclude<LayerSpecification, { type: 'background' }> & { source: string };

export interface ReferenceLayerStyle {
  /** Style layers, bottom to top. */
  layers: (language: LabelLanguage) => StyleLayer[];
  /** Layers that react to hover and click. */
  interactive: string[];
  cluster?: boolean;
  /** Drawn below the basemap labels (lines) or above them (points). */
  position: 'lines' | 'points';
  /** CSS for the legend swatch. */
  swatch: { className: string; colour: string };
}

const halo = { 'text-halo-color': 'rgba(255,255,255,0.95)', 'text-halo-width': 1.6 } as const;
const hover = (normal: number, hovered: number): ExpressionSpecification => [
  'case',
  ['boolean', ['feature-state', 'hover'], false],
  hovered,
  normal,
];

const label = (id: string, source: string, language: LabelLanguage, minzoom: number, extra: Record<string, unknown> = {}): StyleLayer =>
  ({
    id,
    type: 'symbol',
    source,
    minzoom,
    layout: {
      'text-field': labelField(language),
      'text-font': LABEL_FONT,
      'text-size': 13,
      'text-offset': [0, 1.1],
      'text-anchor': 'top',
      'text-optional': true,
      'text-max-width': 9,
      ...extra,
    },
    paint: { 'text-color': '#1d1b18', ...halo },
  }) as StyleLayer;

const iconLayer = (
  id: string,
  source: string,
  icon: ExpressionSpecification | string,
  language: LabelLanguage,
  labelMinzoom: number,
  size = 1,
): StyleLayer[] => [
  {
    id,
    type: 'symbol',
    source,
    layout: { 'icon-image': icon, 'icon-size': size, 'icon-allow-overlap': true, 'symbol-sort-key': 0 },
  } as StyleLayer,
  label(`${id}-label`, source, language, labelMinzoom),
];

export const REFERENCE_STYLES: Record<string, ReferenceLayerStyle> = {
  waterways: {
    position: 'lines',
    interactive: ['waterways-line'],
    swatch: { className: 'swatch-line', colour: '#3d8fd1' },
    layers: (lang) =>
      [
        {
          id: 'waterways-line',
          type: 'line',
          source: 'waterways',
          paint: { 'line-color': '#3d8fd1', 'line-width': hover(2.5, 5), 'line-opacity': 0.85 },
        },
        {
          id: 'waterways-label',
          type: 'symbol',
          source: 'waterways',
          minzoom: 7,
          layout: { 'symbol-placement': 'line', 'text-field': labelField(lang), 'text-font': LABEL_FONT, 'text-size': 12 },
          paint: { 'text-color': '#1d5e94', ...halo },
        },
      ] as StyleLayer[],
  },
  expressways: {
    position: 'lines',
    interactive: ['expressways-line'],
    swatch: { className: 'swatch-line', colour: '#1b8a4a' },
    layers: () =>
      [
        {
          id: 'expressways-casing',
          type: 'line',
          source: 'expressways',
          paint: { 'line-color': '#ffffff', 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 3, 10, 7] },
        },
        {
          id: 'expressways-line',
          type: 'line',
          source: 'expressways',
          paint: { 'line-color': '#1b8a4a', 'line-width': ['interpolate', ['linear'], ['zoom'], 5, hover(1.6, 3.5), 10, hover(4, 7)] },
        },
        {
          id: 'expressways-code',
          type: 'symbol',
          source: 'expressways',
          layout: {
            'symbol-placement': 'line',
            'symbol-spacing': 220,
            'text-field': ['get', 'code'],
            'text-font': LABEL_FONT_BOLD,
            'text-size': 12,
            'text-rotation-alignment': 'viewport',
          },
          paint: { 'text-color': '#ffffff', 'text-halo-color': '#1b8a4a', 'text-halo-width': 3 },
        },
      ] as StyleLayer[],
  },
  'rail-lines': {
    position: 'lines',
    interactive: ['rail-lines-line'],
    swatch: { className: 'swatch-rail', colour: '#b3261e' },
    layers: () =>
      [
        {
          id: 'rail-lines-casing',
          type: 'line',
          source: 'rail-lines',
          paint: { 'line-color': '#ffffff', 'line-width': ['match', ['get', 'kind'], 'hsr', 6, 5] },
        },
        {
          id: 'rail-lines-line',
          type: 'line',
          source: 'rail-lines',
          paint: {
            'line-color': ['match', ['get', 'kind'], 'hsr', '#b3261e', '#3b3b3b'],
            'line-width': ['match', ['get', 'kind'], 'hsr', hover(3, 5.5), hover(2.5, 5)],
            'line-opacity': ['match', ['get', 'status'], 'planned', 0.55, 1],
          },
        },
        // Conventional lines get the railway "ladder": white dashes over the dark line; planned lines are dashed.
        {
          id: 'rail-lines-ties',
          type: 'line',
          source: 'rail-lines',
          filter: ['==', ['get', 'kind'], 'conventional'],
          paint: { 'line-color': '#ffffff', 'line-width': 1.2, 'line-dasharray': [3, 3] },
        },
        {
          id: 'rail-lines-planned',
          type: 'line',
          source: 'rail-lines',
          filter: ['==', ['get', 'status'], 'planned'],
          paint: { 'line-color': '#ffffff', 'line-width': 3, 'line-dasharray': [1, 2] },
        },
      ] as StyleLayer[],
  },
  'rail-stations': {
    position: 'points',
    interactive: ['rail-stations-point', 'rail-stations-freight'],
    swatch: { className: 'swatch-station', colour: '#b3261e' },
    layers: (lang) =>
      [
        {
          id: 'rail-stations-point',
          type: 'circle',
          source: 'rail-stations',
          filter: ['!=', ['get', 'kind'], 'freight'],
          paint: {
            'circle-radius': ['interpolate', ['linear'], ['zoom'], 5, 3, 10, 7],
            'circle-color': '#ffffff',
            'circle-stroke-color': ['match', ['get', 'kind'], 'conventional', '#3b3b3b', '#b3261e'],
            'circle-stroke-width': hover(2, 4),
          },
        },
        {
          id: 'rail-stations-freight',
          type: 'symbol',
          source: 'rail-stations',
          filter: ['==', ['get', 'kind'], 'freight'],
          layout: { 'icon-image': 'icon-freight', 'icon-allow-overlap': true },
        },
        label('rail-stations-label', 'rail-stations', lang, 7.5, { 'text-size': 12 }),
      ] as StyleLayer[],
  },
  interchanges: {
    position: 'points',
    interactive: ['interchanges-point'],
    swatch: { className: 'swatch-dot', colour: '#1b8a4a' },
    layers: (lang) =>
      [
        // Whole-number minzoom: with 6.5, z6 tiles (built without the layer) were drawn at 6.5–7 and
        // MapLibre failed on the missing feature-state paint buffers now and then.
        {
          id: 'interchanges-point',
          type: 'circle',
          source: 'interchanges',
          minzoom: 7,
          paint: {
            'circle-radius': ['interpolate', ['linear'], ['zoom'], 6, 2.5, 10, 6],
            'circle-color': '#1b8a4a',
            'circle-stroke-color': '#ffffff',
            'circle-stroke-width': hover(1.5, 3.5),
          },
        },
        label('interchanges-label', 'interchanges', lang, 9, { 'text-size': 11 }),
      ] as StyleLayer[],
  },
  ports: {
    position: 'points',
    interactive: ['ports-icon'],
    swatch: { className: 'swatch-dot', colour: '#1479a8' },
    layers: (lang) => iconLayer('ports-icon', 'ports', 'icon-port', lang, 7),
  },
  'logistics-hubs': {
    position: 'points',
    interactive: ['logistics-hubs-icon'],
    swatch: { className: 'swatch-diamond', colour: '#b5651d' },
    layers: (lang) => iconLayer('logistics-hubs-icon', 'logistics-hubs', 'icon-logistics', lang, 7),
  },
  'bonded-zones': {
    position: 'points',
    interactive: ['bonded-zones-icon'],
    swatch: { className: 'swatch-square', colour: '#7b2d8e' },
    layers: (lang) => iconLayer('bonded-zones-icon', 'bonded-zones', 'icon-bonded', lang, 6, 1.1),
  },
  parks: {
    position: 'points',
    cluster: true,
    interactive: ['parks-point', 'parks-cluster'],
    swatch: { className: 'swatch-dot', colour: '#d9480f' },
    layers: (lang) =>
      [
        {
          id: 'parks-cluster',
          type: 'circle',
          source: 'parks',
          filter: ['has', 'point_count'],
          paint: {
            'circle-color': '#f08c00',
            'circle-opacity': 0.9,
            'circle-radius': ['step', ['get', 'point_count'], 13, 4, 16, 8, 20],
            'circle-stroke-color': '#ffffff',
            'circle-stroke-width': 2,
          },
        },
        {
          id: 'parks-cluster-count',
          type: 'symbol',
          source: 'parks',
          filter: ['has', 'point_count'],
          layout: {
            'text-field': ['to-string', ['get', 'point_count']],
            'text-font': LABEL_FONT_BOLD,
            'text-size': 13,
            'text-allow-overlap': true,
            // The count sits on its circle, which reserves no label space; neither does the count,
            // so county names around a cluster of parks still show.
            'text-ignore-placement': true,
          },
          paint: { 'text-color': '#ffffff' },
        },
        {
          id: 'parks-point',
          type: 'circle',
          source: 'parks',
          filter: ['!', ['has', 'point_count']],
          // A park whose position is only its county seat's is drawn hollow (a ring in its level's
          // colour), so approximate and exact positions are told apart at a glance.
          paint: {
            'circle-radius': ['match', ['get', 'level'], 'national', hover(9, 12), hover(6.5, 9)],
            'circle-color': [
              'case',
              ['==', ['get', 'precision'], 'approximate'],
              '#ffffff',
              ['match', ['get', 'level'], 'national', '#c92a2a', '#f08c00'],
            ],
            'circle-stroke-color': [
              'case',
              ['==', ['get', 'precision'], 'approximate'],
              ['match', ['get', 'level'], 'national', '#c92a2a', '#f08c00'],
              '#ffffff',
            ],
            'circle-stroke-width': ['case', ['==', ['get', 'precision'], 'approximate'], 3, 2],
          },
        },
        label('parks-label', 'parks', lang, 7.5, {
          // "≈" before the name of a park on its county seat.
          'text-field': ['case', ['==', ['get', 'precision'], 'approximate'], ['concat', '≈ ', labelField(lang)], labelField(lang)],
          'text-size': ['match', ['get', 'level'], 'national', 14, 12.5],
          'symbol-sort-key': ['match', ['get', 'level'], 'national', 0, 1],
        }),
      ] as StyleLayer[],
  },
  airports: {
    position: 'points',
    interactive: ['airports-icon'],
    swatch: { className: 'swatch-dot', colour: '#1f4e8c' },
    layers: (lang) =>
      [
        {
          id: 'airports-icon',
          type: 'symbol',
          source: 'airports',
          layout: {
            'icon-image': ['case', ['get', 'external_hub'], 'icon-airport-hub', 'icon-airport'],
            'icon-size': 1.15,
            'icon-allow-overlap': true,
          },
        },
        // The code alone at the opening view (short, so county names keep their room), the name from zoom 8.
        label('airports-label', 'airports', lang, 5.5, {
          'text-field': ['step', ['zoom'], ['get', 'iata'], 8, ['concat', labelField(lang), ' ', ['get', 'iata']]],
        }),
      ] as StyleLayer[],
  },
};

/** Draw order: lines first, then points; within each group as listed. */
export const REFERENCE_ORDER = [
  'waterways',
  'expressways',
  'rail-lines',
  'interchanges',
  'rail-stations',
  'ports',
  'logistics-hubs',
  'bonded-zones',
  'parks',
  'airports',
];

export const REFERENCE_LABEL_LAYERS = [
  'waterways-label',
  'rail-stations-label',
  'interchanges-label',
  'ports-icon-label',
  'logistics-hubs-icon-label',
  'bonded-zones-icon-label',
  'parks-label',
  'airports-label',
];
