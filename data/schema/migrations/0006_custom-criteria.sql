-- The user's own criteria (issue 17): land price, power tariff, incentives … per park or site.
-- Values are keyed by candidate id (zone park id, own site id, imported candidate id).
CREATE TABLE custom_criteria (
  id             TEXT PRIMARY KEY CHECK (id GLOB 'custom-*'),
  project_id     INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  name_zh        TEXT NOT NULL CHECK (length(trim(name_zh)) > 0),
  name_en        TEXT NOT NULL CHECK (length(trim(name_en)) > 0),
  unit           TEXT NOT NULL,
  type           TEXT NOT NULL CHECK (type IN ('benefit', 'cost')),
  value_function TEXT CHECK (value_function IS NULL OR json_valid(value_function)),
  source         TEXT NOT NULL CHECK (length(trim(source)) > 0),
  as_of          TEXT,
  origin         TEXT NOT NULL CHECK (json_valid(origin)),
  "values"       TEXT NOT NULL CHECK (json_valid("values")),
  created_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
