/**
 * The independent check: the same extract built by osm2pgrouting into PostgreSQL + pgRouting,
 * routed with pgr_dijkstra. Used by pgrouting.test.ts and the bench; nothing in the app uses it.
 *
 * What comes from the other implementation: parsing the OSM XML, splitting ways into edges at
 * shared nodes, the vertices, every edge's length (PostGIS `ST_Length(geography)`, on the
 * ellipsoid) and the shortest paths (pgRouting's Dijkstra).
 *
 * What osm2pgrouting cannot express, and is therefore applied in the edge query in SQL, written
 * here from the rules' documentation and not from our TypeScript: our access rule (osm2pgrouting
 * keeps private ways), dropping reversible ways (it makes them two-way), the implied oneway of
 * motorway_link and junction=circular and a tag-order-independent reading of oneway (it implies
 * oneway only for motorway and roundabout, and lets the first tag it meets win), and maxspeed as a
 * cap on the class speed (it replaces the class speed by any maxspeed, reads only plain numbers,
 * mph and knots and puts 50 km/h for every other value). The class speeds come from the
 * mapconfig, written from the profile that `network info` reports.
 *
 * Runs psql and osm2pgrouting as the `postgres` OS user over the local socket (peer
 * authentication), through runuser when this process is root.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROAD_CLASSES, type RoadProfile } from '../../geo/roads/index.ts';

const SOCKET_DIR = '/var/run/postgresql';

function asPostgres(cmd: string, args: string[], input?: string): { status: number; stdout: string; stderr: string } {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const r = isRoot
    ? spawnSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { encoding: 'utf8', input, maxBuffer: 1 << 28 })
    : spawnSync(cmd, args, { encoding: 'utf8', input, maxBuffer: 1 << 28 });
  if (r.error) return { status: -1, stdout: '', stderr: r.error.message };
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Why the check cannot run here (missing programs, server down), or null when it can. */
export function pgroutingUnavailable(): string | null {
  for (const p of ['/usr/bin/psql', '/usr/bin/osm2pgrouting', '/usr/bin/osmium']) if (!existsSync(p)) return `${p} is not installed`;
  const r = asPostgres('psql', [
    '-h',
    SOCKET_DIR,
    '-d',
    'postgres',
    '-Atc',
    "select default_version from pg_available_extensions where name = 'pgrouting'",
  ]);
  if (r.status !== 0) return `PostgreSQL is not reachable as the postgres user on ${SOCKET_DIR}: ${r.stderr.trim().split('\n')[0] ?? ''}`;
  if (!r.stdout.trim()) return 'the pgrouting extension is not installed in PostgreSQL';
  return null;
}

/** Runs SQL in `db`; returns the rows as arrays of strings (psql unaligned, tab-separated). */
export function psql(db: string, sql: string): string[][] {
  const r = asPostgres('psql', ['-h', SOCKET_DIR, '-d', db, '-v', 'ON_ERROR_STOP=1', '-AtqF', '\t', '-f', '-'], sql);
  if (r.status !== 0) throw new Error(`psql failed: ${r.stderr.trim()}`);
  return r.stdout
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => l.split('\t'));
}

/** Creates a throwaway database with postgis, hstore and pgrouting. */
export function createScratchDb(name: string): void {
  psql('postgres', `DROP DATABASE IF EXISTS ${name}; CREATE DATABASE ${name};`);
  psql(name, 'CREATE EXTENSION postgis; CREATE EXTENSION hstore; CREATE EXTENSION pgrouting;');
}

export function dropScratchDb(name: string): void {
  psql('postgres', `DROP DATABASE IF EXISTS ${name} WITH (FORCE);`);
}

/** An osm2pgrouting mapconfig with exactly the profile's classes and speeds (km/h). */
export function mapconfigXml(profile: RoadProfile): string {
  const rows = ROAD_CLASSES.filter((c) => profile.speedsKmh[c] !== undefined).map(
    (c, i) => `    <tag_value name="${c}" id="${101 + i}" priority="1.0" maxspeed="${profile.speedsKmh[c]}" />`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<configuration>\n  <tag_name name="highway" id="1">\n${rows.join('\n')}\n  </tag_name>\n</configuration>\n`;
}

/**
 * Loads an OSM file (XML, or PBF / bz2 / gz converted to XML by osmium) into `db` with
 * osm2pgrouting (`--addnodes --tags`, so the raw way tags are in osm_ways), then defines the
 * edge view `ss_edges` with our rules (see the module comment).
 * @returns the seconds osm2pgrouting took
 */
export function loadWithOsm2pgrouting(file: string, db: string, profile: RoadProfile): number {
  const dir = mkdtempSync(join(tmpdir(), 'ss-o2p-'));
  try {
    chmodSync(dir, 0o777);
    const xml = join(dir, 'in.osm');
    // osm2pgrouting reads plain XML only, with nodes sorted by id: osmium writes exactly that.
    const conv = spawnSync('osmium', ['cat', file, '-o', xml, '-f', 'osm', '--overwrite'], { encoding: 'utf8' });
    if (conv.status !== 0) throw new Error(`osmium cat failed: ${conv.stderr}`);
    chmodSync(xml, 0o644);
    const conf = join(dir, 'mapconfig.xml');
    writeFileSync(conf, mapconfigXml(profile));
    chmodSync(conf, 0o644);
    const t0 = performance.now();
    const r = asPostgres('osm2pgrouting', [
      '-f',
      xml,
      '-c',
      conf,
      '-d',
      db,
      '-U',
      'postgres',
      '-h',
      SOCKET_DIR,
      '--clean',
      '--addnodes',
      '--tags',
    ]);
    if (r.status !== 0 || /ERROR/.test(r.stdout + r.stderr)) throw new Error(`osm2pgrouting failed: ${(r.stderr + r.stdout).slice(-2000)}`);
    const seconds = (performance.now() - t0) / 1000;
    psql(db, RULES_SQL);
    return seconds;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Our rules in SQL over osm2pgrouting's tables. `ss_kmh` reads a maxspeed value: km/h, 'Infinity'
 * for none (no cap), NULL when unreadable (ignored); several values separated by ';' give the
 * lowest, and one unreadable part makes the whole unreadable.
 */
const RULES_SQL = `
CREATE OR REPLACE FUNCTION ss_kmh(raw text) RETURNS double precision AS $$
DECLARE v text := btrim(raw); p text; best double precision := 'Infinity'; x double precision; m text[];
BEGIN
  IF raw IS NULL THEN RETURN NULL; END IF;
  IF position(';' in v) > 0 THEN
    FOREACH p IN ARRAY string_to_array(v, ';') LOOP
      x := ss_kmh(p);
      IF x IS NULL THEN RETURN NULL; END IF;
      best := LEAST(best, x);
    END LOOP;
    RETURN best;
  END IF;
  IF v = 'none' THEN RETURN 'Infinity'; END IF;
  IF v = 'walk' THEN RETURN 5; END IF;
  IF v = 'CN:urban' THEN RETURN 50; END IF;
  IF v = 'CN:rural' THEN RETURN 70; END IF;
  IF v IN ('CN:motorway', 'CN:expressway') THEN RETURN 120; END IF;
  m := regexp_match(v, '^([0-9]+(\\.[0-9]+)?)\\s*(km/h|kmh|kph|mph|knots)?$');
  IF m IS NULL THEN RETURN NULL; END IF;
  x := m[1]::double precision;
  IF x <= 0 THEN RETURN NULL; END IF;
  RETURN CASE m[3] WHEN 'mph' THEN x * 1.609344 WHEN 'knots' THEN x * 1.852 ELSE x END;
END $$ LANGUAGE plpgsql IMMUTABLE;

CREATE OR REPLACE VIEW ss_edges AS
WITH w AS (
  SELECT ways.gid, ways.source, ways.target, ways.length_m, c.tag_value AS cls, c.maxspeed AS class_kmh, o.tags AS t
  FROM ways JOIN configuration c ON c.tag_id = ways.tag_id JOIN osm_ways o ON o.osm_id = ways.osm_id
), k AS (
  SELECT *,
    CASE
      WHEN t->'oneway' IN ('yes', 'true', '1') THEN 1
      WHEN t->'oneway' IN ('-1', 'reverse') THEN -1
      WHEN t ? 'oneway' THEN 0
      WHEN t->'junction' IN ('roundabout', 'circular') OR cls IN ('motorway', 'motorway_link') THEN 1
      ELSE 0
    END AS dir,
    LEAST(class_kmh, COALESCE(ss_kmh(t->'maxspeed:forward'), ss_kmh(t->'maxspeed'), 'Infinity')) AS kmh_f,
    LEAST(class_kmh, COALESCE(ss_kmh(t->'maxspeed:backward'), ss_kmh(t->'maxspeed'), 'Infinity')) AS kmh_b
  FROM w
  WHERE COALESCE(t->'area', '') <> 'yes'
    AND COALESCE(t->'oneway', '') NOT IN ('reversible', 'alternating')
    AND COALESCE(t->'motorcar', t->'motor_vehicle', t->'vehicle', t->'access', '') NOT IN ('no', 'private', 'agricultural', 'forestry', 'emergency', 'psv', 'bus')
)
SELECT gid AS id, source, target,
  CASE WHEN dir >= 0 THEN length_m / (kmh_f / 3.6) ELSE -1 END AS cost,
  CASE WHEN dir <= 0 THEN length_m / (kmh_b / 3.6) ELSE -1 END AS reverse_cost,
  length_m, cls
FROM k;
`;

/** pgRouting vertex id of each OSM node id present among the vertices. */
export function vertexIds(db: string): Map<number, number> {
  const m = new Map<number, number>();
  for (const [id, osm] of psql(db, 'SELECT id, osm_id FROM ways_vertices_pgr')) m.set(Number(osm), Number(id));
  return m;
}

/** Minutes of the fastest route for each pair of pgRouting vertices (pgr_dijkstraCost, one call); absent when unreachable. */
export function pgrMinutes(db: string, pairs: [number, number][]): Map<string, number> {
  const values = pairs.map(([a, b]) => `(${a}, ${b})`).join(', ');
  const rows = psql(
    db,
    `SELECT start_vid, end_vid, agg_cost FROM pgr_dijkstraCost('SELECT id, source, target, cost, reverse_cost FROM ss_edges', 'SELECT * FROM (VALUES ${values}) AS t(source, target)', true)`,
  );
  const out = new Map<string, number>();
  for (const [a, b, c] of rows) out.set(`${a}>${b}`, Number(c) / 60);
  return out;
}

/** Wall time (ms) of one pgr_dijkstra call, measured inside the server (clock_timestamp around the query), and its minutes. */
export function timePgrDijkstra(db: string, source: number, target: number): { ms: number; minutes: number | null } {
  const rows = psql(
    db,
    `DO $$ BEGIN END $$;
     SELECT extract(epoch FROM clock_timestamp()) AS t0 \\gset
     SELECT COALESCE(max(agg_cost), -1) FROM pgr_dijkstra('SELECT id, source, target, cost, reverse_cost FROM ss_edges', ${source}, ${target}, true) \\gset c_
     SELECT (extract(epoch FROM clock_timestamp()) - :t0) * 1000, :c_coalesce;`,
  );
  const last = rows[rows.length - 1] ?? ['NaN', '-1'];
  const c = Number(last[1]);
  return { ms: Number(last[0]), minutes: c < 0 ? null : c / 60 };
}
