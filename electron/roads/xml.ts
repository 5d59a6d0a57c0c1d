/**
 * A streaming reader of OSM XML (`.osm`, `.osm.gz`, `.osm.bz2`): saxes over a file stream,
 * through node:zlib's gunzip or unbzip2-stream. One element's tags at a time are in memory.
 */
import { createReadStream, statSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { PassThrough, type Readable } from 'node:stream';
import { SaxesParser } from 'saxes';
import bz2 from 'unbzip2-stream';
import { OsmFileError, type RelationMember } from './pbf.ts';

export type XmlCompression = 'none' | 'gzip' | 'bzip2';

export interface XmlVisitor {
  node?(id: number, lng: number, lat: number, tags: Record<string, string> | null): void;
  way?(id: number, refs: Float64Array, refCount: number, tags: Record<string, string>): void;
  relation?(id: number, members: RelationMember[], tags: Record<string, string>): void;
}

/** Header facts of an XML file: the generator and an as-of time (Overpass `<meta osm_base>` or the root's `timestamp`). */
export interface XmlHeader {
  generator: string | null;
  asOf: string | null;
  bbox: [number, number, number, number] | null;
}

/**
 * Reads the whole file once, calling the visitor.
 * @param onBytes - called with the compressed bytes read so far
 * @throws OsmFileError when the XML is malformed or its root is not `<osm>`
 */
export async function readOsmXml(
  path: string,
  compression: XmlCompression,
  visitor: XmlVisitor,
  onBytes?: (bytes: number) => void,
): Promise<XmlHeader> {
  const header: XmlHeader = { generator: null, asOf: null, bbox: null };
  const parser = new SaxesParser({ xmlns: false, position: false });
  let depth = 0;
  let root = true;
  let kind: 'node' | 'way' | 'relation' | null = null;
  let members: RelationMember[] = [];
  let id = 0;
  let lat = NaN;
  let lon = NaN;
  let tags: Record<string, string> | null = null;
  let refs = new Float64Array(1024);
  let refCount = 0;
  let failure: Error | null = null;
  parser.on('opentag', (t) => {
    depth++;
    const a = t.attributes as Record<string, string>;
    if (root) {
      root = false;
      if (t.name !== 'osm') {
        failure = new OsmFileError(`not an OpenStreetMap XML file: the root element is <${t.name}>, expected <osm>`);
        return;
      }
      header.generator = a['generator'] ?? null;
      header.asOf = a['timestamp'] ?? null;
      return;
    }
    switch (t.name) {
      case 'node':
        if (depth !== 2) break;
        kind = 'node';
        id = Number(a['id']);
        lat = Number(a['lat']);
        lon = Number(a['lon']);
        tags = null;
        break;
      case 'way':
        if (depth !== 2) break;
        kind = 'way';
        id = Number(a['id']);
        tags = {};
        refCount = 0;
        break;
      case 'relation':
        if (depth !== 2 || !visitor.relation) break;
        kind = 'relation';
        id = Number(a['id']);
        tags = {};
        members = [];
        break;
      case 'member':
        if (kind === 'relation' && (a['type'] === 'node' || a['type'] === 'way' || a['type'] === 'relation'))
          members.push({ type: a['type'], ref: Number(a['ref']), role: a['role'] ?? '' });
        break;
      case 'nd':
        if (kind === 'way') {
          if (refCount === refs.length) {
            const grown = new Float64Array(refs.length * 2);
            grown.set(refs);
            refs = grown;
          }
          refs[refCount++] = Number(a['ref']);
        }
        break;
      case 'tag':
        if (kind && a['k'] !== undefined) (tags ??= {})[a['k']] = a['v'] ?? '';
        break;
      case 'meta':
        if (depth === 2 && a['osm_base']) header.asOf = a['osm_base'];
        break;
      case 'bounds':
        if (depth === 2) {
          const b = [Number(a['minlon']), Number(a['minlat']), Number(a['maxlon']), Number(a['maxlat'])];
          if (b.every(Number.isFinite)) header.bbox = b as [number, number, number, number];
        }
        break;
      default:
        break;
    }
  });
  parser.on('closetag', (t) => {
    if (depth === 2 && kind && t.name === kind) {
      if (kind === 'node') visitor.node?.(id, lon, lat, tags);
      else if (kind === 'way') visitor.way?.(id, refs, refCount, tags ?? {});
      else visitor.relation?.(id, members, tags ?? {});
      kind = null;
    }
    depth--;
  });
  parser.on('error', (e) => {
    failure ??= new OsmFileError(`not a readable OSM XML file: ${e.message}`);
  });

  const size = statSync(path).size;
  const file = createReadStream(path, { highWaterMark: 1 << 20 });
  let read = 0;
  file.on('data', (chunk) => {
    read += chunk.length;
    onBytes?.(Math.min(read, size));
  });
  let stream: Readable = file;
  if (compression === 'gzip') stream = file.pipe(createGunzip());
  // unbzip2-stream is a classic stream; piping it into a PassThrough makes it async-iterable.
  else if (compression === 'bzip2') {
    const pass = new PassThrough();
    const decoder = bz2();
    decoder.on('error', (e: Error) => pass.destroy(e));
    stream = file.pipe(decoder).pipe(pass);
  }
  const decoder = new TextDecoder('utf-8');
  try {
    for await (const chunk of stream) {
      parser.write(decoder.decode(chunk as Uint8Array, { stream: true }));
      if (failure) break;
    }
    if (!failure) parser.close();
  } catch (e) {
    failure ??= new OsmFileError(
      `cannot read ${compression === 'none' ? 'the file' : `the ${compression} stream`}: ${(e as Error).message}`,
    );
  } finally {
    file.destroy();
  }
  if (failure) throw failure;
  if (root) throw new OsmFileError('not an OpenStreetMap XML file: the file holds no XML element');
  return header;
}
