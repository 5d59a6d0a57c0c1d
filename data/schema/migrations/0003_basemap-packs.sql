-- Offline basemap packs a user registers (MBTiles or PMTiles files on this machine). The files
-- stay where they are; tiles are read on demand.
CREATE TABLE basemap_packs (
  id        TEXT PRIMARY KEY,
  name      TEXT NOT NULL,
  path      TEXT NOT NULL UNIQUE,
  container TEXT NOT NULL CHECK (container IN ('mbtiles', 'pmtiles')),
  tile_type TEXT NOT NULL CHECK (tile_type IN ('raster', 'vector')),
  format    TEXT NOT NULL,
  minzoom   INTEGER NOT NULL,
  maxzoom   INTEGER NOT NULL,
  bounds    TEXT,
  layers    TEXT NOT NULL DEFAULT '[]',
  added_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
