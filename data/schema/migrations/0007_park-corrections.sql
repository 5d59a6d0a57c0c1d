-- A park manager's correction of a park's position (issue 14): where the park really is, as the
-- user gave it (system and numbers) and converted to WGS-84, with the date and a note. Deleting
-- the row undoes it. source: 'user', or 'OpenStreetMap' for an accepted OSM match (then osm_id).
CREATE TABLE park_corrections (
  park_id    TEXT PRIMARY KEY CHECK (length(park_id) > 0),
  project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  lng        REAL NOT NULL CHECK (lng BETWEEN -180 AND 180),
  lat        REAL NOT NULL CHECK (lat BETWEEN -90 AND 90),
  crs        TEXT NOT NULL CHECK (crs IN ('wgs84', 'gcj02', 'bd09')),
  given_lng  REAL NOT NULL,
  given_lat  REAL NOT NULL,
  source     TEXT NOT NULL CHECK (source IN ('user', 'OpenStreetMap')),
  osm_id     TEXT,
  note       TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
