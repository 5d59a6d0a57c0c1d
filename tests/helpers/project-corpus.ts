/**
 * The hostile project-file corpus (issue 13 items 4 and 5): each entry turns a good project file
 * into a hostile or broken one with SQL, and says what merging it must answer. Refused files must
 * name the problem and change nothing; accepted ones must leave a project that lists, ranks and
 * exports. Built afresh by the test from a project exported by the app itself.
 */
import type Database from 'better-sqlite3';

export interface CorpusEntry {
  name: string;
  /** Turns the good file (open for writing) into this one; `parkId` is a zone park's id. */
  make?(db: Database.Database, ids: { parkId: string }): void;
  /** Or: the file's bytes from the good file's. */
  bytes?(good: Buffer): Buffer;
  /** The refusal's message, or 'merged' for a file that is merged (ids remapped). */
  expect: RegExp | 'merged';
}

const POINT = '{"type":"Point","coordinates":[112.6,26.9]}';
/** The first user layer's id in the good file. */
const LAYER = '(SELECT id FROM user_layers ORDER BY rowid LIMIT 1)';
const many = (db: Database.Database, n: number, sql: string, row: (i: number) => unknown[]) => {
  const insert = db.prepare(sql);
  db.transaction(() => {
    for (let i = 0; i < n; i++) insert.run(...row(i));
  })();
};

export const PROJECT_CORPUS: CorpusEntry[] = [
  // The file itself (item 4).
  {
    name: 'not-sqlite',
    bytes: () => Buffer.from('SQLite format 3 — not really, just text. '.repeat(100)),
    expect: /not a project file \(not an SQLite database/,
  },
  { name: 'foreign-sqlite', make: (db) => db.pragma('application_id = 0'), expect: /an SQLite file but not a project file of this app/ },
  { name: 'newer-version', make: (db) => db.pragma('user_version = 99'), expect: /saved by a newer version of the app \(schema 99/ },
  { name: 'no-version', make: (db) => db.pragma('user_version = 0'), expect: /it has no schema version/ },
  {
    name: 'endless-view',
    make: (db) =>
      db.exec(`DROP TABLE candidate_sites; CREATE VIEW candidate_sites AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n)
        SELECT 'x' || i AS id, 'x' AS name, 112.6 AS lng, 26.9 AS lat FROM n`),
    expect: /candidate_sites is a view, not a table/,
  },
  {
    name: 'view-of-features',
    make: (db) =>
      db.exec(`ALTER TABLE user_features RENAME TO f0; CREATE VIEW user_features AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n)
        SELECT (SELECT id FROM user_layers LIMIT 1) AS layer_id, '${POINT}' AS geometry, '{}' AS properties FROM n`),
    expect: /user_features is a view, not a table/,
  },
  {
    name: 'virtual-table',
    make: (db) => db.exec('DROP TABLE candidate_sites; CREATE VIRTUAL TABLE candidate_sites USING fts5(id, name, lng, lat)'),
    expect: /candidate_sites is a virtual table, not a table/,
  },
  {
    name: 'generated-column',
    make: (db) =>
      db.exec(`DROP TABLE candidate_sites; CREATE TABLE candidate_sites (id TEXT, n INTEGER, lng REAL, lat REAL,
        name TEXT GENERATED ALWAYS AS (printf('%.*c', n, 'x')) VIRTUAL)`),
    expect: /candidate_sites has a generated or hidden column "name"/,
  },
  { name: 'missing-table', make: (db) => db.exec('DROP TABLE user_features'), expect: /it has no user_features table/ },
  {
    name: 'missing-column',
    make: (db) => db.exec('ALTER TABLE candidate_sites DROP COLUMN lat'),
    expect: /candidate_sites lacks the column "lat"/,
  },
  {
    name: 'without-rowid',
    make: (db) =>
      db.exec(
        'DROP TABLE user_layers; CREATE TABLE user_layers (id TEXT PRIMARY KEY, name, role, geometry, source_file, source_crs, style) WITHOUT ROWID',
      ),
    expect: /user_layers is a WITHOUT ROWID table/,
  },
  {
    name: 'too-many-sites',
    make: (db) =>
      many(db, 200_000, 'INSERT INTO candidate_sites (id, project_id, name, lng, lat) VALUES (?, 1, ?, 112.6, 26.9)', (i) => [
        `s${i}`,
        `s${i}`,
      ]),
    expect: /it holds 200001 candidate sites; the limit is 5000/,
  },
  {
    name: 'too-many-features',
    make: (db) => many(db, 200_000, `INSERT INTO user_features (layer_id, geometry) VALUES (${LAYER}, ?)`, () => [POINT]),
    expect: /it holds 200002 features; the limit is 200000/,
  },
  {
    name: 'too-many-layers',
    make: (db) =>
      many(db, 200, "INSERT INTO user_layers (id, project_id, name, role, geometry) VALUES (?, 1, 'x', 'reference', 'point')", (i) => [
        `l${i}`,
      ]),
    expect: /it holds 201 layers; the limit is 200/,
  },
  // Rows that would break the project (item 5).
  {
    name: 'style-not-json',
    make: (db) => db.exec("UPDATE user_layers SET style = 'not json {'"),
    expect: /layer 1 \(id "[^"]+"\): its style is not JSON/,
  },
  {
    name: 'style-colour-number',
    make: (db) => db.exec(`UPDATE user_layers SET style = '{"colour":5}'`),
    expect: /layer 1 .*its style: colour: Invalid input: expected string/,
  },
  {
    name: 'style-css',
    make: (db) => db.exec(`UPDATE user_layers SET style = '{"colour":"red;background:url(http://x)"}'`),
    expect: /its style: colour: colour must be #rrggbb/,
  },
  {
    name: 'style-extra-key',
    make: (db) => db.exec(`UPDATE user_layers SET style = '{"colour":"#123456","html":"<b>"}'`),
    expect: /its style: .*Unrecognized key/,
  },
  {
    name: 'scenario-empty-payload',
    make: (db) => db.exec("UPDATE scenarios SET payload = '{}'"),
    expect: /scenario 1 .*its payload is not a scenario: profile: /,
  },
  {
    name: 'feature-geometry-garbage',
    make: (db) => db.exec("UPDATE user_features SET geometry = 'garbage'"),
    expect: /layer 1 .* feature 1: its geometry is not JSON/,
  },
  {
    name: 'feature-properties-broken',
    make: (db) => db.exec("UPDATE user_features SET properties = '[1,2'"),
    expect: /feature 1: its properties is not JSON/,
  },
  {
    name: 'feature-properties-array',
    make: (db) => db.exec("UPDATE user_features SET properties = '[1,2]'"),
    expect: /feature 1: its properties are not a JSON object/,
  },
  {
    name: 'feature-nested-point',
    make: (db) => db.exec(`UPDATE user_features SET geometry = '{"type":"Point","coordinates":[[112.6,26.9]]}'`),
    expect: /feature 1: a Point's coordinates must be one position/,
  },
  {
    name: 'feature-wrong-kind',
    make: (db) => db.exec(`UPDATE user_features SET geometry = '{"type":"LineString","coordinates":[[112.6,26.9],[112.7,26.9]]}'`),
    expect: /feature 1: a LineString in a layer of points; one layer holds one kind/,
  },
  {
    name: 'feature-out-of-range',
    make: (db) => db.exec(`UPDATE user_features SET geometry = '{"type":"Point","coordinates":[212.6,26.9]}'`),
    expect: /feature 1: longitude 212.6 is outside/,
  },
  {
    name: 'site-huge-name',
    make: (db) => db.exec("UPDATE candidate_sites SET name = printf('%.*c', 5000000, 'x')"),
    expect: /candidate site 1 .*name: Too big: expected string to have <=100 characters/,
  },
  {
    name: 'site-control-name',
    make: (db) => db.exec("UPDATE candidate_sites SET name = 'a' || char(0) || 'b'"),
    expect: /candidate site 1 .*name: a name must not contain control characters/,
  },
  {
    name: 'site-999',
    make: (db) => db.exec('UPDATE candidate_sites SET lng = 999, lat = 999'),
    expect: /candidate site 1 .*longitude 999 is outside/,
  },
  {
    name: 'site-outside-zone',
    make: (db) => db.exec('UPDATE candidate_sites SET lng = 116.4, lat = 39.9'),
    expect: /candidate site 1 .*is outside the demonstration zone/,
  },
  {
    name: 'site-text-position',
    make: (db) => db.exec("UPDATE candidate_sites SET lng = 'east'"),
    expect: /candidate site 1 .*lng: Invalid input: expected number, received string/,
  },
  {
    name: 'layer-huge-name',
    make: (db) => db.exec("UPDATE user_layers SET name = printf('%.*c', 5000000, 'x')"),
    expect: /layer 1 .*name: Too big/,
  },
  { name: 'layer-bad-role', make: (db) => db.exec("UPDATE user_layers SET role = 'admin'"), expect: /layer 1 .*role: Invalid option/ },
  {
    name: 'layer-bad-crs',
    make: (db) => db.exec("UPDATE user_layers SET source_crs = 'epsg:9999'"),
    expect: /layer 1 .*source_crs: Invalid option/,
  },
  {
    name: 'scenario-blank-name',
    make: (db) => db.exec("UPDATE scenarios SET name = '   '"),
    expect: /scenario 1 .*name: a scenario needs a name/,
  },
  {
    name: 'damaged-file',
    // The header and first pages kept, the rest overwritten: SQLite finds the database malformed.
    bytes: (good) => Buffer.concat([good.subarray(0, 4096), Buffer.alloc(good.length - 4096, 0xa5)]),
    expect: /it cannot be read \(database disk image is malformed|it cannot be read \(file is not a database/,
  },
  // Ids that would shadow the zone's own: remapped, and the project still works.
  {
    name: 'layer-named-parks',
    make: (db) => db.exec(`UPDATE user_layers SET id = 'parks'; UPDATE user_features SET layer_id = 'parks'`),
    expect: 'merged',
  },
  {
    name: 'site-with-park-id',
    make: (db, { parkId }) => {
      const site = db.prepare('SELECT id FROM candidate_sites LIMIT 1').pluck().get() as string;
      db.prepare('UPDATE candidate_sites SET id = ?').run(parkId);
      db.prepare('UPDATE scenarios SET payload = replace(payload, ?, ?)').run(site, parkId);
    },
    expect: 'merged',
  },
];
