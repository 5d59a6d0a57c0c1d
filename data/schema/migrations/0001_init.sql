-- User data: everything a user makes. Reference data shipped with the app lives elsewhere
-- (data/generated/*.mbtiles, opened read-only), so an upgrade never overwrites these tables.

CREATE TABLE settings (
  key        TEXT PRIMARY KEY,
  value      TEXT NOT NULL,
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TABLE projects (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

-- Layers a user imports or draws. `role` decides how the rest of the app uses them.
CREATE TABLE user_layers (
  id          TEXT PRIMARY KEY,
  project_id  INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  name        TEXT NOT NULL,
  role        TEXT NOT NULL CHECK (role IN ('reference', 'candidates', 'competitors', 'facilities')),
  geometry    TEXT NOT NULL CHECK (geometry IN ('polygon', 'line', 'point', 'mixed')),
  source_file TEXT,
  source_crs  TEXT,
  style       TEXT NOT NULL DEFAULT '{}',
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TABLE user_features (
  id         INTEGER PRIMARY KEY,
  layer_id   TEXT NOT NULL REFERENCES user_layers(id) ON DELETE CASCADE,
  geometry   TEXT NOT NULL,  -- GeoJSON geometry, WGS-84
  properties TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX user_features_layer ON user_features(layer_id);

INSERT INTO projects (id, name) VALUES (1, 'default');
