-- Guided tours a promotion agent authors for presentation mode (the default tour ships in
-- data/tours/default-tour.json and is not stored here). Stops are a JSON array (TourStop).
CREATE TABLE tours (
  id         TEXT PRIMARY KEY,
  project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  name_zh    TEXT NOT NULL CHECK (length(trim(name_zh)) > 0),
  name_en    TEXT NOT NULL CHECK (length(trim(name_en)) > 0),
  stops      TEXT NOT NULL CHECK (json_valid(stops) AND json_array_length(stops) > 0),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
