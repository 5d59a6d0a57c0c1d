/**
 * Builders of hostile files for the tests of issue 13: zip archives whose headers lie about their
 * sizes, and highly compressible payloads, written by hand so a test controls every byte.
 */
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  /** The entry's bytes, deflated here; or `deflated` with the size they inflate to. */
  data?: Uint8Array;
  deflated?: { bytes: Uint8Array; size: number };
  /** The uncompressed size the headers claim (a lie when it differs from the real one). */
  claimedSize?: number;
}

/** A zip archive (deflate, no data descriptors) of the entries, with the sizes each one's headers claim. */
export function zipOf(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const compressed = e.deflated ? Buffer.from(e.deflated.bytes) : deflateRawSync(e.data ?? new Uint8Array(0));
    const realSize = e.deflated ? e.deflated.size : (e.data?.length ?? 0);
    const size = e.claimedSize ?? realSize;
    const crc = e.data ? crc32(e.data) >>> 0 : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, compressed);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(size >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** `head`, then `size` bytes of `fill` (repeated), then `tail`, deflated as a stream (never held whole in memory). */
export async function deflatedPadding(head: string, size: number, tail: string, fill = ' '): Promise<{ bytes: Uint8Array; size: number }> {
  const out: Buffer[] = [];
  const deflate = createDeflateRaw({ level: 9 });
  deflate.on('data', (c: Buffer) => out.push(c));
  const done = new Promise<void>((r) => deflate.on('end', r));
  const chunk = Buffer.alloc(1024 * 1024, fill);
  const write = (b: Buffer) => new Promise<void>((r) => (deflate.write(b) ? r() : deflate.once('drain', r)));
  await write(Buffer.from(head));
  for (let left = size; left > 0; left -= chunk.length) await write(left >= chunk.length ? chunk : chunk.subarray(0, left));
  await write(Buffer.from(tail));
  deflate.end();
  await done;
  return { bytes: Buffer.concat(out), size: Buffer.byteLength(head) + size + Buffer.byteLength(tail) };
}

/** The smallest XLSX parts that Excel and ExcelJS read: one sheet whose XML is `sheetXml`. */
export function xlsxParts(sheetXml: ZipEntry): ZipEntry[] {
  const text = (name: string, s: string): ZipEntry => ({ name, data: Buffer.from(s) });
  return [
    text(
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
    text(
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    text(
      'xl/workbook.xml',
      '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="s" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    text(
      'xl/_rels/workbook.xml.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
    { ...sheetXml, name: 'xl/worksheets/sheet1.xml' },
  ];
}

/** Sheet XML of rows of inline strings and numbers (first row the header). */
export function sheetXml(rows: (string | number)[][], padding = ''): string {
  const cell = (v: string | number, ref: string) =>
    typeof v === 'number' ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;
  const body = rows
    .map((r, i) => `<row r="${i + 1}">${r.map((v, j) => cell(v, `${String.fromCharCode(65 + j)}${i + 1}`)).join('')}</row>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData>${padding}</worksheet>`;
}
