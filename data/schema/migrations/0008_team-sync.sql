-- The team workspace (issue 20): the local database stays the working copy, and every shared record
-- carries the team server's version it is based on (0: never pushed), that version's author and
-- time, and whether it changed here since (team_dirty). Triggers keep team_dirty and the deletions
-- (team_tombstones) without the stores knowing: a write that leaves the team columns alone is a
-- local edit; the sync itself always sets them. Conflicts hold the server's copy until the user
-- chooses; team_outbox holds log entries (such as that choice) until the next push sends them.

ALTER TABLE user_layers ADD COLUMN team_version INTEGER NOT NULL DEFAULT 0 CHECK (team_version >= 0);
ALTER TABLE user_layers ADD COLUMN team_author TEXT;
ALTER TABLE user_layers ADD COLUMN team_updated_at TEXT;
ALTER TABLE user_layers ADD COLUMN team_dirty INTEGER NOT NULL DEFAULT 1 CHECK (team_dirty IN (0, 1));

ALTER TABLE candidate_sites ADD COLUMN team_version INTEGER NOT NULL DEFAULT 0 CHECK (team_version >= 0);
ALTER TABLE candidate_sites ADD COLUMN team_author TEXT;
ALTER TABLE candidate_sites ADD COLUMN team_updated_at TEXT;
ALTER TABLE candidate_sites ADD COLUMN team_dirty INTEGER NOT NULL DEFAULT 1 CHECK (team_dirty IN (0, 1));

ALTER TABLE scenarios ADD COLUMN team_version INTEGER NOT NULL DEFAULT 0 CHECK (team_version >= 0);
ALTER TABLE scenarios ADD COLUMN team_author TEXT;
ALTER TABLE scenarios ADD COLUMN team_updated_at TEXT;
ALTER TABLE scenarios ADD COLUMN team_dirty INTEGER NOT NULL DEFAULT 1 CHECK (team_dirty IN (0, 1));

ALTER TABLE tours ADD COLUMN team_version INTEGER NOT NULL DEFAULT 0 CHECK (team_version >= 0);
ALTER TABLE tours ADD COLUMN team_author TEXT;
ALTER TABLE tours ADD COLUMN team_updated_at TEXT;
ALTER TABLE tours ADD COLUMN team_dirty INTEGER NOT NULL DEFAULT 1 CHECK (team_dirty IN (0, 1));

ALTER TABLE custom_criteria ADD COLUMN team_version INTEGER NOT NULL DEFAULT 0 CHECK (team_version >= 0);
ALTER TABLE custom_criteria ADD COLUMN team_author TEXT;
ALTER TABLE custom_criteria ADD COLUMN team_updated_at TEXT;
ALTER TABLE custom_criteria ADD COLUMN team_dirty INTEGER NOT NULL DEFAULT 1 CHECK (team_dirty IN (0, 1));

ALTER TABLE park_corrections ADD COLUMN team_version INTEGER NOT NULL DEFAULT 0 CHECK (team_version >= 0);
ALTER TABLE park_corrections ADD COLUMN team_author TEXT;
ALTER TABLE park_corrections ADD COLUMN team_updated_at TEXT;
ALTER TABLE park_corrections ADD COLUMN team_dirty INTEGER NOT NULL DEFAULT 1 CHECK (team_dirty IN (0, 1));

-- SHA-256 of the layer's features when they last matched the server's (a push sends features only when they differ).
ALTER TABLE user_layers ADD COLUMN team_features_hash TEXT;

CREATE TABLE team_tombstones (
  kind       TEXT NOT NULL,
  id         TEXT NOT NULL,
  version    INTEGER NOT NULL CHECK (version > 0),
  deleted_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (kind, id)
);

CREATE TABLE team_conflicts (
  kind              TEXT NOT NULL,
  id                TEXT NOT NULL,
  server_version    INTEGER NOT NULL CHECK (server_version > 0),
  server_author     TEXT NOT NULL,
  server_updated_at TEXT NOT NULL,
  server_deleted    INTEGER NOT NULL CHECK (server_deleted IN (0, 1)),
  server_record     TEXT NOT NULL CHECK (json_valid(server_record)),
  detected_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (kind, id)
);

CREATE TABLE team_outbox (
  id        INTEGER PRIMARY KEY,
  action    TEXT NOT NULL CHECK (action IN ('resolve')),
  kind      TEXT NOT NULL,
  record_id TEXT NOT NULL,
  version   INTEGER,
  detail    TEXT NOT NULL CHECK (json_valid(detail)),
  at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TRIGGER team_edit_layers AFTER UPDATE ON user_layers
WHEN OLD.team_dirty = 0 AND NEW.team_dirty = 0 AND NEW.team_version = OLD.team_version
BEGIN
  UPDATE user_layers SET team_dirty = 1 WHERE id = NEW.id;
END;
CREATE TRIGGER team_delete_layers AFTER DELETE ON user_layers WHEN OLD.team_version > 0
BEGIN
  INSERT OR REPLACE INTO team_tombstones (kind, id, version) VALUES ('layers', OLD.id, OLD.team_version);
END;
-- Made again after a deletion that was not pushed yet: it carries on from the deleted version.
CREATE TRIGGER team_restore_layers AFTER INSERT ON user_layers WHEN EXISTS (SELECT 1 FROM team_tombstones WHERE kind = 'layers' AND id = NEW.id)
BEGIN
  UPDATE user_layers SET team_version = (SELECT version FROM team_tombstones WHERE kind = 'layers' AND id = NEW.id) WHERE id = NEW.id;
  DELETE FROM team_tombstones WHERE kind = 'layers' AND id = NEW.id;
END;

CREATE TRIGGER team_edit_sites AFTER UPDATE ON candidate_sites
WHEN OLD.team_dirty = 0 AND NEW.team_dirty = 0 AND NEW.team_version = OLD.team_version
BEGIN
  UPDATE candidate_sites SET team_dirty = 1 WHERE id = NEW.id;
END;
CREATE TRIGGER team_delete_sites AFTER DELETE ON candidate_sites WHEN OLD.team_version > 0
BEGIN
  INSERT OR REPLACE INTO team_tombstones (kind, id, version) VALUES ('sites', OLD.id, OLD.team_version);
END;
-- Made again after a deletion that was not pushed yet: it carries on from the deleted version.
CREATE TRIGGER team_restore_sites AFTER INSERT ON candidate_sites WHEN EXISTS (SELECT 1 FROM team_tombstones WHERE kind = 'sites' AND id = NEW.id)
BEGIN
  UPDATE candidate_sites SET team_version = (SELECT version FROM team_tombstones WHERE kind = 'sites' AND id = NEW.id) WHERE id = NEW.id;
  DELETE FROM team_tombstones WHERE kind = 'sites' AND id = NEW.id;
END;

CREATE TRIGGER team_edit_scenarios AFTER UPDATE ON scenarios
WHEN OLD.team_dirty = 0 AND NEW.team_dirty = 0 AND NEW.team_version = OLD.team_version
BEGIN
  UPDATE scenarios SET team_dirty = 1 WHERE id = NEW.id;
END;
CREATE TRIGGER team_delete_scenarios AFTER DELETE ON scenarios WHEN OLD.team_version > 0
BEGIN
  INSERT OR REPLACE INTO team_tombstones (kind, id, version) VALUES ('scenarios', OLD.id, OLD.team_version);
END;
-- Made again after a deletion that was not pushed yet: it carries on from the deleted version.
CREATE TRIGGER team_restore_scenarios AFTER INSERT ON scenarios WHEN EXISTS (SELECT 1 FROM team_tombstones WHERE kind = 'scenarios' AND id = NEW.id)
BEGIN
  UPDATE scenarios SET team_version = (SELECT version FROM team_tombstones WHERE kind = 'scenarios' AND id = NEW.id) WHERE id = NEW.id;
  DELETE FROM team_tombstones WHERE kind = 'scenarios' AND id = NEW.id;
END;

CREATE TRIGGER team_edit_tours AFTER UPDATE ON tours
WHEN OLD.team_dirty = 0 AND NEW.team_dirty = 0 AND NEW.team_version = OLD.team_version
BEGIN
  UPDATE tours SET team_dirty = 1 WHERE id = NEW.id;
END;
CREATE TRIGGER team_delete_tours AFTER DELETE ON tours WHEN OLD.team_version > 0
BEGIN
  INSERT OR REPLACE INTO team_tombstones (kind, id, version) VALUES ('tours', OLD.id, OLD.team_version);
END;
-- Made again after a deletion that was not pushed yet: it carries on from the deleted version.
CREATE TRIGGER team_restore_tours AFTER INSERT ON tours WHEN EXISTS (SELECT 1 FROM team_tombstones WHERE kind = 'tours' AND id = NEW.id)
BEGIN
  UPDATE tours SET team_version = (SELECT version FROM team_tombstones WHERE kind = 'tours' AND id = NEW.id) WHERE id = NEW.id;
  DELETE FROM team_tombstones WHERE kind = 'tours' AND id = NEW.id;
END;

CREATE TRIGGER team_edit_criteria AFTER UPDATE ON custom_criteria
WHEN OLD.team_dirty = 0 AND NEW.team_dirty = 0 AND NEW.team_version = OLD.team_version
BEGIN
  UPDATE custom_criteria SET team_dirty = 1 WHERE id = NEW.id;
END;
CREATE TRIGGER team_delete_criteria AFTER DELETE ON custom_criteria WHEN OLD.team_version > 0
BEGIN
  INSERT OR REPLACE INTO team_tombstones (kind, id, version) VALUES ('criteria', OLD.id, OLD.team_version);
END;
-- Made again after a deletion that was not pushed yet: it carries on from the deleted version.
CREATE TRIGGER team_restore_criteria AFTER INSERT ON custom_criteria WHEN EXISTS (SELECT 1 FROM team_tombstones WHERE kind = 'criteria' AND id = NEW.id)
BEGIN
  UPDATE custom_criteria SET team_version = (SELECT version FROM team_tombstones WHERE kind = 'criteria' AND id = NEW.id) WHERE id = NEW.id;
  DELETE FROM team_tombstones WHERE kind = 'criteria' AND id = NEW.id;
END;

CREATE TRIGGER team_edit_corrections AFTER UPDATE ON park_corrections
WHEN OLD.team_dirty = 0 AND NEW.team_dirty = 0 AND NEW.team_version = OLD.team_version
BEGIN
  UPDATE park_corrections SET team_dirty = 1 WHERE park_id = NEW.park_id;
END;
CREATE TRIGGER team_delete_corrections AFTER DELETE ON park_corrections WHEN OLD.team_version > 0
BEGIN
  INSERT OR REPLACE INTO team_tombstones (kind, id, version) VALUES ('corrections', OLD.park_id, OLD.team_version);
END;
-- Made again after a deletion that was not pushed yet: it carries on from the deleted version.
CREATE TRIGGER team_restore_corrections AFTER INSERT ON park_corrections WHEN EXISTS (SELECT 1 FROM team_tombstones WHERE kind = 'corrections' AND id = NEW.park_id)
BEGIN
  UPDATE park_corrections SET team_version = (SELECT version FROM team_tombstones WHERE kind = 'corrections' AND id = NEW.park_id) WHERE park_id = NEW.park_id;
  DELETE FROM team_tombstones WHERE kind = 'corrections' AND id = NEW.park_id;
END;
