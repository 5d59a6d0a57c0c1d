/**
 * The basemap's border lines, each drawn once. Two neighbouring county polygons share their border,
 * so drawing every ring (as the county and prefecture line layers did) draws it twice, and a county
 * border on a prefecture boundary a third time under the prefecture line. With software WebGL the
 * line vertices are most of a frame's cost (issue 19: county rings gave 71,000 line vertices at the
 * first view, ~60 ms of a ~200 ms frame).
 *
 * The shared borders come from the polygons' topology (topojson-server finds the arcs that rings
 * share, with the coordinates unchanged: no quantization), and topojson-client's `mesh` joins the
 * arcs that pass a filter into lines.
 */
import type { Feature, FeatureCollection, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import { mesh } from 'topojson-client';
import { topology } from 'topojson-server';
import type { GeometryObject } from 'topojson-specification';

export type BorderGroup = 'zone' | 'hunan' | 'neighbour';

export interface BorderCounty {
  prefecture_adcode: string;
  group: BorderGroup;
}

export interface BorderProps {
  /** `county`: between two counties of one prefecture; `prefecture`: between prefectures, or the data's outer edge. */
  kind: 'county' | 'prefecture';
  /** For a prefecture border, the first of zone, hunan, neighbour that either side belongs to. */
  group: BorderGroup;
}

const GROUPS: readonly BorderGroup[] = ['zone', 'hunan', 'neighbour'];

/**
 * Every county and prefecture border of `counties`, once each: one MultiLineString per kind and
 * group that has any (at most six features). Coordinates are the polygons' own (WGS-84 lng/lat).
 */
export function bordersOf(counties: readonly Feature<Polygon | MultiPolygon, BorderCounty>[]): Feature<MultiLineString, BorderProps>[] {
  const collection: FeatureCollection = { type: 'FeatureCollection', features: [...counties] };
  const topo = topology({ counties: collection });
  const object = topo.objects['counties'] as GeometryObject;
  // topojson-server keeps each feature's properties on its geometry object.
  const props = (g: GeometryObject) => g.properties as unknown as BorderCounty;
  const rank = (g: GeometryObject) => GROUPS.indexOf(props(g).group);
  const out: Feature<MultiLineString, BorderProps>[] = [];
  const add = (kind: BorderProps['kind'], group: BorderGroup, geometry: MultiLineString) => {
    if (geometry.coordinates.length > 0) out.push({ type: 'Feature', id: out.length + 1, geometry, properties: { kind, group } });
  };
  for (const group of GROUPS) {
    // Between two counties of one prefecture (which then are of one group).
    add(
      'county',
      group,
      mesh(topo, object, (a, b) => a !== b && props(a).prefecture_adcode === props(b).prefecture_adcode && props(a).group === group),
    );
  }
  for (const group of GROUPS) {
    // Between prefectures, and the outer edge (a === b): the zone's own outline stays whole.
    add(
      'prefecture',
      group,
      mesh(
        topo,
        object,
        (a, b) =>
          (a === b || props(a).prefecture_adcode !== props(b).prefecture_adcode) && Math.min(rank(a), rank(b)) === GROUPS.indexOf(group),
      ),
    );
  }
  return out;
}
