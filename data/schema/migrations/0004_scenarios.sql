-- Named scenarios: an enterprise profile, method, weights (and AHP judgements), the compared parks
-- and notes, kept so a ranking can be reopened, duplicated and compared with another.
CREATE TABLE scenarios (
  id         TEXT PRIMARY KEY,
  project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
  notes      TEXT NOT NULL DEFAULT '',
  payload    TEXT NOT NULL CHECK (json_valid(payload)),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX scenarios_project ON scenarios(project_id);
