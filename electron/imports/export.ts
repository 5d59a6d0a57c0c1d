/**
 * Exporting a layer as GeoJSON, CSV, XLSX or KML with its original attributes.
 *
 * Formulas (CSV injection) are escaped in CSV only, by the rule in csv-cell.ts; XLSX string cells
 * are never formulas, so nothing is escaped there. KML drops the characters XML 1.0 forbids
 * (U+0000–U+001F except tab, LF and CR; U+FFFE, U+FFFF; lone surrogates).
 */
import ExcelJS from 'exceljs';
import type { ExportFormat } from '../contract/api.ts';
import { csvCell, safeCell } from './csv-cell.ts';
import { featureName } from './feature-name.ts';

export { EXPORT_FORMATS, type ExportFormat } from '../contract/api.ts';

export interface ExportFeature {
  geometry: { type: string; coordinates: unknown } | null;
  properties: Record<string, unknown>;
}

export { csvCell, csvUnescape, safeCell } from './csv-cell.ts';

/** Characters XML 1.0 does not allow (https://www.w3.org/TR/xml/#charsets), control characters but tab, LF and CR first. */
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function xmlEscape(s: string): string {
  return s.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function kmlGeometry(g: { type: string; coordinates: unknown }): string {
  const pos = (p: unknown) => (p as number[]).slice(0, 2).join(',');
  const ring = (r: unknown) => `<LinearRing><coordinates>${(r as unknown[]).map(pos).join(' ')}</coordinates></LinearRing>`;
  const polygon = (rings: unknown) => {
    const [outer, ...holes] = rings as unknown[];
    return `<Polygon><outerBoundaryIs>${ring(outer)}</outerBoundaryIs>${holes.map((h) => `<innerBoundaryIs>${ring(h)}</innerBoundaryIs>`).join('')}</Polygon>`;
  };
  switch (g.type) {
    case 'Point':
      return `<Point><coordinates>${pos(g.coordinates)}</coordinates></Point>`;
    case 'LineString':
      return `<LineString><coordinates>${(g.coordinates as unknown[]).map(pos).join(' ')}</coordinates></LineString>`;
    case 'Polygon':
      return polygon(g.coordinates);
    case 'MultiPoint':
      return `<MultiGeometry>${(g.coordinates as unknown[]).map((p) => `<Point><coordinates>${pos(p)}</coordinates></Point>`).join('')}</MultiGeometry>`;
    case 'MultiLineString':
      return `<MultiGeometry>${(g.coordinates as unknown[]).map((l) => `<LineString><coordinates>${(l as unknown[]).map(pos).join(' ')}</coordinates></LineString>`).join('')}</MultiGeometry>`;
    case 'MultiPolygon':
      return `<MultiGeometry>${(g.coordinates as unknown[]).map(polygon).join('')}</MultiGeometry>`;
    default:
      throw new Error(`cannot write ${g.type} to KML`);
  }
}

/** Serialises features; points export lng/lat columns to CSV/XLSX, other geometries a GeoJSON column. */
export async function exportFeatures(name: string, features: readonly ExportFeature[], format: ExportFormat): Promise<Uint8Array> {
  if (format === 'geojson')
    return new TextEncoder().encode(
      JSON.stringify({
        type: 'FeatureCollection',
        name,
        features: features.map((f) => ({ type: 'Feature', geometry: f.geometry, properties: f.properties })),
      }),
    );
  if (format === 'kml') {
    const placemarks = features.map((f) => {
      const title = featureName(f.properties) ?? '';
      const data = Object.entries(f.properties)
        .map(
          ([k, v]) =>
            `<Data name="${xmlEscape(k)}"><value>${xmlEscape(v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v))}</value></Data>`,
        )
        .join('');
      return `<Placemark><name>${xmlEscape(title)}</name><ExtendedData>${data}</ExtendedData>${f.geometry ? kmlGeometry(f.geometry) : ''}</Placemark>`;
    });
    return new TextEncoder().encode(
      `<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>${xmlEscape(name)}</name>${placemarks.join('')}</Document></kml>\n`,
    );
  }
  const keys = [...new Set(features.flatMap((f) => Object.keys(f.properties)))];
  const allPoints = features.every((f) => f.geometry?.type === 'Point');
  const geoColumns = allPoints ? ['longitude', 'latitude'] : ['geometry'];
  const cellOf = format === 'csv' ? csvCell : safeCell;
  const rows = features.map((f) => {
    const geo = allPoints ? ((f.geometry?.coordinates as number[]) ?? []).slice(0, 2) : [JSON.stringify(f.geometry)];
    return [...geo.map((v) => (typeof v === 'number' ? v : cellOf(v))), ...keys.map((k) => cellOf(f.properties[k]))];
  });
  const header = [...geoColumns, ...keys.map((k) => cellOf(k))];
  if (format === 'csv') {
    const cell = (v: unknown) => {
      const s = v === null || v === undefined ? '' : String(v);
      return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    };
    // UTF-8 with BOM so spreadsheet programs in China open it with the right encoding.
    return new TextEncoder().encode(`\uFEFF${[header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`);
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(name.slice(0, 31).replace(/[\\/*?:[\]]/g, '_') || 'layer');
  sheet.addRow(header);
  for (const r of rows) sheet.addRow(r);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
