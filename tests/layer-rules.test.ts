/**
 * The layer rules of docs/ARCHITECTURE.md are enforced by lint and by per-folder tsconfig; these
 * tests prove that a wrong import really fails, so the rules cannot silently stop working.
 */
import { ESLint } from 'eslint';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const eslint = new ESLint({ cwd: root });

async function lintErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('lint layer rules', () => {
  it.each([
    ['geo/bad.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n", /geo\/ is pure/],
    ['geo/bad.ts', "import Database from 'better-sqlite3';\nexport const x = Database;\n", /geo\/ is pure/],
    ['geo/bad.ts', "import { dispatch } from '../electron/handlers/index.ts';\nexport const x = dispatch;\n", /outside geo/],
    [
      'renderer/src/bad.ts',
      "import { openBackend } from '../../electron/backend.ts';\nexport const x = openBackend;\n",
      /only the API contract/,
    ],
    ['renderer/src/bad.ts', "import { CONTRACT } from '../../electron/contract/api.ts';\nexport const x = CONTRACT;\n", /types only/],
    ['renderer/src/bad.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n", /sandboxed page/],
    [
      'renderer/src/features/x/bad.ts',
      "import { call } from '../../api/client.ts';\nexport const x = call;\n",
      /Only renderer\/src\/api\/ calls/,
    ],
    [
      'renderer/src/components/bad.tsx',
      "import { call } from '../api/client.ts';\nexport const x = call;\n",
      /Only renderer\/src\/api\/ calls/,
    ],
    ['renderer/src/bad.tsx', "import { call as c } from './api/client.ts';\nexport const x = c;\n", /Only renderer\/src\/api\/ calls/],
    [
      'renderer/src/features/x/bad.ts',
      "import { CONTRACT } from '../../../../electron/contract/api.ts';\nexport const x = CONTRACT;\n",
      /types only/,
    ],
    ['electron/handlers/bad.ts', "import { app } from 'electron';\nexport const x = app;\n", /Only electron\/main/],
    ['electron/contract/bad.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n", /shared with the renderer/],
    // Issue 12: SQL stays in electron/db; the contract takes ids from geo and nothing else of ours.
    ['electron/handlers/bad.ts', "import Database from 'better-sqlite3';\nexport const x = Database;\n", /Only electron\/db/],
    [
      'electron/network/bad.ts',
      'export const x = (db: { prepare(s: string): unknown }) => db.prepare("SELECT 1");\n',
      /SQL lives in electron\/db/,
    ],
    [
      'electron/contract/bad.ts',
      "import { dispatch } from '../handlers/index.ts';\nexport const x = dispatch;\n",
      /nothing outside itself/,
    ],
  ])('%s: rejects %j', async (file, code, message) => {
    expect((await lintErrors(file, code)).join('\n')).toMatch(message);
  });

  it.each([
    ['renderer/src/ok.ts', "import type { AppInfo } from '../../electron/contract/api.ts';\nexport type X = AppInfo;\n"],
    ['renderer/src/api/ok.ts', "import { call } from './client.ts';\nexport const x = call;\n"],
    ['renderer/src/features/x/ok.ts', "import { useLayers } from '../../api/queries.ts';\nexport const x = useLayers;\n"],
    ['renderer/src/components/map/ok.ts', "import { tileUrlTemplate } from '../../api/client.ts';\nexport const x = tileUrlTemplate;\n"],
    ['geo/ok.ts', "import { lngLatToTile } from './tiles.ts';\nexport const x = lngLatToTile;\n"],
    ['electron/main/ok.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['electron/db/ok.ts', "import Database from 'better-sqlite3';\nexport const x = (db: Database.Database) => db.prepare('SELECT 1');\n"],
    ['electron/contract/ok.ts', "import { CRITERION_IDS } from '../../geo/scoring/criteria.ts';\nexport const x = CRITERION_IDS;\n"],
  ])('%s: allows %j', async (file, code) => {
    expect(await lintErrors(file, code)).toEqual([]);
  });
});

describe('geo/tsconfig', () => {
  it('does not type-check a geo file that uses Node', () => {
    const configFile = join(root, 'geo', 'tsconfig.json');
    const parsed = ts.getParsedCommandLineOfConfigFile(configFile, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
    if (!parsed) throw new Error('geo/tsconfig.json did not parse');
    const dir = mkdtempSync(join(tmpdir(), 'geo-tsc-'));
    try {
      const file = join(dir, 'bad.ts');
      writeFileSync(file, "import { readFileSync } from 'node:fs';\nexport const n: number = readFileSync('x').length + process.pid;\n");
      const program = ts.createProgram([file], parsed.options);
      const messages = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      expect(messages.join('\n')).toMatch(/node:fs|process/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
