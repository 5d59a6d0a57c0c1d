/**
 * Reading an MBTiles file (SQLite, read-only): its metadata and tiles. The bundled basemap and
 * the user's offline basemap packs both read through here, so SQL stays in electron/db.
 */
import { openReadonly, type Db } from './index.ts';

export interface MbtilesReader {
  /** The `metadata` table as name → value. */
  metadata: Readonly<Record<string, string>>;
  /** Lowest and highest zoom level that has tiles (null when the table is empty). */
  zoomRange(): { lo: number | null; hi: number | null };
  /** A tile as stored (often gzip-compressed), addressed in MBTiles' TMS rows; null where there is none. */
  tile(z: number, x: number, tmsRow: number): Buffer | null;
  close(): void;
}

/**
 * Opens an MBTiles file read-only and checks it has the two tables the format requires.
 *
 * @throws the driver's error for a file that is missing, not SQLite, or has no `tiles`/`metadata` table
 */
export function openMbtiles(file: string): MbtilesReader {
  const db: Db = openReadonly(file);
  try {
    db.prepare('SELECT 1 FROM tiles LIMIT 1').get();
    const metadata = Object.fromEntries(
      (db.prepare('SELECT name, value FROM metadata').all() as { name: string; value: string }[]).map((r) => [r.name, r.value]),
    );
    const tileQuery = db.prepare('SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?').pluck();
    const zooms = db.prepare('SELECT min(zoom_level) AS lo, max(zoom_level) AS hi FROM tiles');
    return {
      metadata,
      zoomRange: () => zooms.get() as { lo: number | null; hi: number | null },
      tile: (z, x, row) => (tileQuery.get(z, x, row) as Buffer | undefined) ?? null,
      close: () => db.close(),
    };
  } catch (error) {
    db.close();
    throw error;
  }
}
