-- Schema version 2: server-side analysis (issue 20). Candidate sites and park corrections get a
-- PostGIS point computed from their record (existing rows included), features a geography index
-- for ST_DWithin in metres on the ellipsoid, and catchment polygons (areas within N minutes of a
-- park, computed by the app on its network) a table of their own.
ALTER TABLE team.sites ADD COLUMN geom geometry(Point, 4326)
  GENERATED ALWAYS AS (ST_SetSRID(ST_MakePoint((record ->> 'lng')::float8, (record ->> 'lat')::float8), 4326)) STORED;
CREATE INDEX sites_geom ON team.sites USING gist (geom);
ALTER TABLE team.corrections ADD COLUMN geom geometry(Point, 4326)
  GENERATED ALWAYS AS (ST_SetSRID(ST_MakePoint((record ->> 'lng')::float8, (record ->> 'lat')::float8), 4326)) STORED;
CREATE INDEX corrections_geom ON team.corrections USING gist (geom);

CREATE INDEX features_geog ON team.features USING gist ((geom::geography));

CREATE TABLE team.catchments (
  park_id     text NOT NULL,
  minutes     integer NOT NULL CHECK (minutes > 0),
  -- Which network the app computed it on ('schematic', or the imported OSM network's as-of date).
  network     text NOT NULL,
  geom        geometry(MultiPolygon, 4326) NOT NULL,
  computed_by text NOT NULL DEFAULT current_user,
  computed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (park_id, minutes, network)
);
CREATE INDEX catchments_geom ON team.catchments USING gist (geom);
GRANT SELECT ON team.catchments TO siteselect_viewer;
GRANT INSERT, UPDATE, DELETE ON team.catchments TO siteselect_editor;
ALTER TABLE team.catchments ENABLE ROW LEVEL SECURITY;
ALTER TABLE team.catchments FORCE ROW LEVEL SECURITY;
CREATE POLICY read ON team.catchments FOR SELECT TO siteselect_viewer USING (true);
CREATE POLICY add ON team.catchments FOR INSERT TO siteselect_editor WITH CHECK (computed_by = current_user);
CREATE POLICY change ON team.catchments FOR UPDATE TO siteselect_editor USING (true) WITH CHECK (computed_by = current_user);
CREATE POLICY remove ON team.catchments FOR DELETE TO siteselect_editor USING (true);
CREATE TRIGGER current_client BEFORE INSERT OR UPDATE OR DELETE ON team.catchments FOR EACH STATEMENT EXECUTE FUNCTION team.require_current_client();
