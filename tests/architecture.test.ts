/**
 * The layer table of docs/architecture.mjs as dependency rules, checked on the whole code base
 * with dependency-cruiser: every import goes only where the table allows, the renderer takes only
 * types from the contract, and there is no import cycle in electron/, geo/ or renderer/. Failing
 * fixtures (tests/fixtures/architecture/) prove that each kind of rule rejects what it should,
 * and docs/ARCHITECTURE.md must show exactly the table the rules come from.
 */
import { cruise, type IForbiddenRuleType, type IViolation } from 'dependency-cruiser';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderTable, ROOMS, roomPath, TYPE_ONLY } from '../docs/architecture.mjs';

const root = resolve(import.meta.dirname, '..');

const escape = (p: string) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A regular expression matching the modules of a room (a folder, or one file). */
const inRoom = (path: string) => (path.endsWith('.ts') ? `^${escape(path)}$` : `^${escape(path)}/`);
const TESTS = ['\\.test\\.tsx?$', '\\.bench\\.ts$', '^electron/testing/', '^tests/'];
const OURS = '^(geo|electron|renderer|data)/';

/** The table's rules: a room may import itself and what it lists; the renderer takes only types from the contract. */
export function architectureRules(): IForbiddenRuleType[] {
  const rules: IForbiddenRuleType[] = ROOMS.map((room) => ({
    name: `${room.path} may import only ${room.mayImport.length ? room.mayImport.join(', ') : 'itself'}`,
    severity: 'error',
    from: { path: inRoom(room.path), pathNot: TESTS },
    to: { path: OURS, pathNot: [inRoom(room.path), ...room.mayImport.map((m) => inRoom(roomPath(m)))] },
  }));
  for (const room of ROOMS) {
    for (const entry of room.mayImport) {
      const target = TYPE_ONLY[entry as keyof typeof TYPE_ONLY];
      if (!target) continue;
      rules.push({
        name: `${room.path} imports ${target} as types only`,
        severity: 'error',
        from: { path: inRoom(room.path), pathNot: TESTS },
        to: { path: inRoom(target), dependencyTypesNot: ['type-only'] },
      });
    }
  }
  rules.push({ name: 'no import cycle', severity: 'error', from: { path: '^(geo|electron|renderer)/' }, to: { circular: true } });
  return rules;
}

async function violations(baseDir: string, paths: string[]): Promise<IViolation[]> {
  const result = await cruise(
    paths,
    {
      baseDir,
      validate: true,
      ruleSet: { forbidden: architectureRules() },
      tsPreCompilationDeps: true,
      doNotFollow: { path: 'node_modules' },
      exclude: { path: ['node_modules', '^dist/', '^test-results/'] },
    },
    {},
    { tsConfig: { fileName: join(root, 'tsconfig.json') } },
  );
  if (typeof result.output === 'string') throw new Error('dependency-cruiser returned text, expected a result object');
  return result.output.summary.violations;
}

const describeViolation = (v: IViolation) =>
  `${v.rule.name}: ${v.from} → ${v.to}${v.cycle ? ` (cycle ${v.cycle.map((c) => c.name).join(' → ')})` : ''}`;

describe('the architecture table, as dependency rules', () => {
  it('holds for the whole code base: no forbidden import and no cycle', async () => {
    const found = await violations(root, ['geo', 'electron', 'renderer/src', 'data/build', 'data/schema']);
    expect(found.map(describeViolation)).toEqual([]);
  }, 120_000);

  it.each([
    ['geo/bad.ts', /geo may import only itself: geo\/bad.ts → electron\/handlers\/index.ts/],
    ['electron/db/bad.ts', /electron\/db may import only .*: electron\/db\/bad.ts → electron\/handlers\/index.ts/],
    ['renderer/bad.ts', /renderer imports electron\/contract as types only: renderer\/bad.ts → electron\/contract\/api.ts/],
    ['renderer/cycle-a.ts', /no import cycle: renderer\/cycle-a.ts → renderer\/cycle-b.ts/],
  ])('rejects the fixture %s', async (file, message) => {
    const found = await violations(join(root, 'tests/fixtures/architecture'), [file]);
    expect(found.map(describeViolation).join('\n')).toMatch(message);
  });

  it('is the table docs/ARCHITECTURE.md shows', () => {
    const doc = readFileSync(join(root, 'docs/ARCHITECTURE.md'), 'utf8');
    expect(doc).toContain(renderTable());
  });
});
