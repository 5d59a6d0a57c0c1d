/**
 * The network as GeoJSON (for `export-network`): one LineString per edge, `[lng, lat]` WGS-84,
 * with its class, name, ref, OSM way id, length (m) and minutes in each direction (null where the
 * edge is closed in that direction), and optionally one Point per node with its OSM node id.
 */
import type { RoadGraph } from './graph.ts';
import { ROAD_CLASSES } from './profile.ts';

export interface RoadFeature {
  type: 'Feature';
  geometry: { type: 'LineString'; coordinates: [number, number][] } | { type: 'Point'; coordinates: [number, number] };
  properties: Record<string, string | number | boolean | null>;
}

export interface RoadFeatureCollection {
  type: 'FeatureCollection';
  features: RoadFeature[];
}

/** Edges (and, with `nodes: true`, nodes) of a graph as a GeoJSON FeatureCollection. */
export function roadNetworkGeoJSON(g: RoadGraph, options: { nodes?: boolean } = {}): RoadFeatureCollection {
  const features: RoadFeature[] = [];
  const str = (i: number): string | null => (i >= 0 ? (g.strings[i] ?? null) : null);
  for (let e = 0; e < g.edgeCount; e++) {
    const coordinates: [number, number][] = [];
    for (let i = g.geomStart[e] as number, end = g.geomStart[e + 1] as number; i < end; i++)
      coordinates.push([g.geomLng[i] as number, g.geomLat[i] as number]);
    const fwd = g.edgeMinutesFwd[e] as number;
    const bwd = g.edgeMinutesBwd[e] as number;
    features.push({
      type: 'Feature',
      geometry: { type: 'LineString', coordinates },
      properties: {
        edge: e,
        class: ROAD_CLASSES[g.edgeClass[e] as number] ?? null,
        name: str(g.edgeName[e] as number),
        ref: str(g.edgeRef[e] as number),
        osm_way_id: g.edgeWayId[e] as number,
        length_m: Math.round((g.edgeLengthM[e] as number) * 10) / 10,
        minutes_forward: Number.isFinite(fwd) ? fwd : null,
        minutes_backward: Number.isFinite(bwd) ? bwd : null,
        oneway: Number.isFinite(fwd) !== Number.isFinite(bwd),
      },
    });
  }
  if (options.nodes) {
    for (let v = 0; v < g.nodeCount; v++) {
      features.push({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [g.nodeLng[v] as number, g.nodeLat[v] as number] },
        properties: { node: v, osm_node_id: g.nodeOsmId[v] as number },
      });
    }
  }
  return { type: 'FeatureCollection', features };
}
