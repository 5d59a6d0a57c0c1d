-- The ranges behind the rank ranges (issue 18): per project, the Assumptions panel's ranges
-- (key 'assumption:<name>', value {lo, hi}), the user's ranges on a custom criterion (key
-- 'custom:<criterion id>', value {spread?, values?, source}) and the criteria whose unknown values
-- stay unknown (key 'keep-unknown', value [ids]). A missing key means the documented default.
CREATE TABLE data_ranges (
  project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  key        TEXT NOT NULL CHECK (key = 'keep-unknown' OR key GLOB 'assumption:?*' OR key GLOB 'custom:custom-?*'),
  value      TEXT NOT NULL CHECK (json_valid(value)),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (project_id, key)
);
