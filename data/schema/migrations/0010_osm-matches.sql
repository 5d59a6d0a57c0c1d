-- OpenStreetMap matches (issue 16). An accepted match between a catalogue park (or a reference
-- rail station) and an OSM area (or station) becomes a position correction with source
-- 'OpenStreetMap'; a rejected one is remembered so it is not proposed again.
--
-- Corrections now move stations too: feature_kind says which layer the row's feature is in.
-- park_id keeps its name (project files of schema 7 carry it) and holds the station's id for a
-- station (ids are unique across layers: park-…, station-…, freight-…). citation is where the
-- position comes from (https://www.openstreetmap.org/way/ID), credit the licence notice the
-- source requires (ODbL 1.0 §4.3); both empty for a user's own correction.
ALTER TABLE park_corrections ADD COLUMN feature_kind TEXT NOT NULL DEFAULT 'park' CHECK (feature_kind IN ('park', 'station'));
ALTER TABLE park_corrections ADD COLUMN citation TEXT;
ALTER TABLE park_corrections ADD COLUMN credit TEXT;

CREATE TABLE osm_match_decisions (
  project_id   INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  feature_kind TEXT NOT NULL CHECK (feature_kind IN ('park', 'station')),
  feature_id   TEXT NOT NULL CHECK (length(feature_id) > 0),
  osm_type     TEXT NOT NULL CHECK (osm_type IN ('node', 'way', 'relation')),
  osm_id       INTEGER NOT NULL CHECK (osm_id > 0),
  decision     TEXT NOT NULL CHECK (decision IN ('accepted', 'rejected')),
  -- What the user saw when deciding (the extract may be replaced by another).
  osm_name     TEXT,
  distance_m   REAL,
  score        REAL,
  decided_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (project_id, feature_kind, feature_id, osm_type, osm_id)
);
