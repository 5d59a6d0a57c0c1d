-- The team server (issue 20), schema version 1: the records a bureau's agents share, their
-- versions and authors, the team log, and who may do what, enforced by PostgreSQL itself:
-- group roles (viewer ⊂ editor ⊂ admin), table privileges and row-level security. Applied by
-- `siteselect team init` in one transaction, recorded in team.schema_version. Append-only: a
-- change goes in a new file.
CREATE EXTENSION IF NOT EXISTS postgis;
CREATE SCHEMA team;

CREATE TABLE team.schema_version (
  version    integer PRIMARY KEY,
  name       text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now(),
  applied_by text NOT NULL DEFAULT current_user
);

-- Group roles are cluster-wide in PostgreSQL: made once, shared by every team database of the cluster.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'siteselect_viewer') THEN CREATE ROLE siteselect_viewer NOLOGIN; END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'siteselect_editor') THEN CREATE ROLE siteselect_editor NOLOGIN; END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'siteselect_admin') THEN CREATE ROLE siteselect_admin NOLOGIN; END IF;
  IF NOT pg_has_role('siteselect_editor', 'siteselect_viewer', 'MEMBER') THEN GRANT siteselect_viewer TO siteselect_editor; END IF;
  IF NOT pg_has_role('siteselect_admin', 'siteselect_editor', 'MEMBER') THEN GRANT siteselect_editor TO siteselect_admin; END IF;
  -- Whoever sets the server up administers it (the tables are theirs, and FORCE below binds them by the policies too).
  IF NOT pg_has_role(current_user, 'siteselect_admin', 'MEMBER') THEN EXECUTE format('GRANT siteselect_admin TO %I', current_user); END IF;
END $$;

-- The schema version a client says it knows (set per session by the app): older than the server's,
-- it is refused, by team.hello at connection and by a trigger on every write.
CREATE FUNCTION team.server_schema() RETURNS integer LANGUAGE sql STABLE AS $$ SELECT max(version) FROM team.schema_version $$;

CREATE FUNCTION team.refuse_old_client(known integer) RETURNS void LANGUAGE plpgsql STABLE AS $$
DECLARE
  server integer := team.server_schema();
BEGIN
  IF known IS NULL OR known < server THEN
    RAISE EXCEPTION 'this team server''s schema is version %, newer than this app knows (%): update the app before connecting', server, coalesce(known::text, 'none')
      USING ERRCODE = 'SSVER';
  END IF;
END $$;

/** Called by the app once per connection; returns the server's schema version. */
CREATE FUNCTION team.hello(known integer) RETURNS integer LANGUAGE plpgsql STABLE AS $$
BEGIN
  PERFORM team.refuse_old_client(known);
  RETURN team.server_schema();
END $$;

CREATE FUNCTION team.require_current_client() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM team.refuse_old_client(nullif(current_setting('siteselect.client_schema', true), '')::integer);
  RETURN NULL;
END $$;

-- Every shared record: its id, the version (1 when made, +1 for each change), who changed it last
-- and when (stamped by the server, not taken from the client), who made it, a deletion mark, and
-- the record as the app stores it (json keeps the text as sent, key order included).
CREATE FUNCTION team.stamp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.author := current_user;
  NEW.updated_at := now();
  IF TG_OP = 'INSERT' THEN
    NEW.created_by := current_user;
    IF NEW.version <> 1 THEN
      RAISE EXCEPTION 'a new record starts at version 1, not %', NEW.version USING ERRCODE = 'SSVSN';
    END IF;
  ELSE
    NEW.created_by := OLD.created_by;
    IF NEW.version <> OLD.version + 1 THEN
      RAISE EXCEPTION 'record % is at version %: a change makes it version %, not %', OLD.id, OLD.version, OLD.version + 1, NEW.version
        USING ERRCODE = 'SSVSN';
    END IF;
  END IF;
  RETURN NEW;
END $$;

CREATE TABLE team.sites (
  id         text PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 100),
  version    integer NOT NULL,
  author     text NOT NULL DEFAULT current_user,
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by text NOT NULL DEFAULT current_user,
  deleted    boolean NOT NULL DEFAULT false,
  record     json NOT NULL
);
CREATE TABLE team.scenarios (LIKE team.sites INCLUDING DEFAULTS INCLUDING CONSTRAINTS, PRIMARY KEY (id));
CREATE TABLE team.tours (LIKE team.sites INCLUDING DEFAULTS INCLUDING CONSTRAINTS, PRIMARY KEY (id));
CREATE TABLE team.criteria (LIKE team.sites INCLUDING DEFAULTS INCLUDING CONSTRAINTS, PRIMARY KEY (id));
-- Keyed by the park's id.
CREATE TABLE team.corrections (LIKE team.sites INCLUDING DEFAULTS INCLUDING CONSTRAINTS, PRIMARY KEY (id));

-- A layer's record is its name, role, geometry kind, source and style; its features are rows of their own.
CREATE TABLE team.layers (
  LIKE team.sites INCLUDING DEFAULTS INCLUDING CONSTRAINTS,
  PRIMARY KEY (id),
  feature_count integer NOT NULL DEFAULT 0 CHECK (feature_count >= 0),
  -- SHA-256 of the features as the pushing app stored them: a pull fetches features only when it changed.
  features_hash text
);

CREATE TABLE team.features (
  layer_id   text NOT NULL REFERENCES team.layers(id) ON DELETE CASCADE,
  seq        integer NOT NULL,
  geom       geometry(Geometry, 4326) NOT NULL,
  properties json NOT NULL DEFAULT '{}' CHECK (json_typeof(properties) = 'object'),
  PRIMARY KEY (layer_id, seq)
);
CREATE INDEX features_geom ON team.features USING gist (geom);

-- Append-only: who pushed, deleted or resolved what, and the choice made.
CREATE TABLE team.log (
  id        bigserial PRIMARY KEY,
  at        timestamptz NOT NULL DEFAULT now(),
  actor     text NOT NULL DEFAULT current_user,
  action    text NOT NULL CHECK (action IN ('push', 'delete', 'resolve', 'migrate')),
  kind      text,
  record_id text,
  version   integer,
  detail    json NOT NULL DEFAULT '{}'
);

CREATE FUNCTION team.stamp_log() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.actor := current_user;
  NEW.at := now();
  RETURN NEW;
END $$;
CREATE TRIGGER stamp BEFORE INSERT ON team.log FOR EACH ROW EXECUTE FUNCTION team.stamp_log();

GRANT USAGE ON SCHEMA team TO siteselect_viewer;
GRANT SELECT ON ALL TABLES IN SCHEMA team TO siteselect_viewer;
GRANT INSERT, DELETE ON team.features TO siteselect_editor;
GRANT INSERT ON team.log TO siteselect_editor;
GRANT USAGE ON SEQUENCE team.log_id_seq TO siteselect_editor;

ALTER TABLE team.features ENABLE ROW LEVEL SECURITY;
ALTER TABLE team.features FORCE ROW LEVEL SECURITY;
CREATE POLICY read ON team.features FOR SELECT TO siteselect_viewer USING (true);
CREATE POLICY add ON team.features FOR INSERT TO siteselect_editor WITH CHECK (true);
CREATE POLICY remove ON team.features FOR DELETE TO siteselect_editor USING (true);
CREATE TRIGGER current_client BEFORE INSERT OR UPDATE OR DELETE ON team.features FOR EACH STATEMENT EXECUTE FUNCTION team.require_current_client();

ALTER TABLE team.log ENABLE ROW LEVEL SECURITY;
ALTER TABLE team.log FORCE ROW LEVEL SECURITY;
CREATE POLICY read ON team.log FOR SELECT TO siteselect_viewer USING (true);
CREATE POLICY add ON team.log FOR INSERT TO siteselect_editor WITH CHECK (actor = current_user);
CREATE TRIGGER current_client BEFORE INSERT OR UPDATE OR DELETE ON team.log FOR EACH STATEMENT EXECUTE FUNCTION team.require_current_client();

-- The record tables: the same privileges, policies and triggers. The names are this file's constants.
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['layers', 'sites', 'scenarios', 'tours', 'criteria', 'corrections'] LOOP
    EXECUTE format('ALTER TABLE team.%I ADD CHECK (version > 0)', t);
    EXECUTE format('GRANT INSERT, UPDATE ON team.%I TO siteselect_editor', t);
    EXECUTE format('GRANT DELETE ON team.%I TO siteselect_admin', t);
    EXECUTE format('ALTER TABLE team.%I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE team.%I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY read ON team.%I FOR SELECT TO siteselect_viewer USING (true)', t);
    EXECUTE format('CREATE POLICY add ON team.%I FOR INSERT TO siteselect_editor WITH CHECK (NOT deleted)', t);
    -- An editor changes any record, but removes only what they made; an admin removes anything.
    EXECUTE format($p$CREATE POLICY change ON team.%I FOR UPDATE TO siteselect_editor USING (true)
      WITH CHECK (NOT deleted OR created_by = current_user OR pg_has_role('siteselect_admin', 'MEMBER'))$p$, t);
    EXECUTE format('CREATE POLICY remove ON team.%I FOR DELETE TO siteselect_admin USING (true)', t);
    EXECUTE format('CREATE TRIGGER stamp BEFORE INSERT OR UPDATE ON team.%I FOR EACH ROW EXECUTE FUNCTION team.stamp()', t);
    EXECUTE format('CREATE TRIGGER current_client BEFORE INSERT OR UPDATE OR DELETE ON team.%I FOR EACH STATEMENT EXECUTE FUNCTION team.require_current_client()', t);
  END LOOP;
END $$;
