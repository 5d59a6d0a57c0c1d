-- Candidate sites a user clicks on the map (they join the ranking next to the parks).
CREATE TABLE candidate_sites (
  id         TEXT PRIMARY KEY,
  project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
  lng        REAL NOT NULL CHECK (lng BETWEEN -180 AND 180),
  lat        REAL NOT NULL CHECK (lat BETWEEN -90 AND 90),
  notes      TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX candidate_sites_project ON candidate_sites(project_id);
