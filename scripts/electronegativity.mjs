// `npm run check:electron`: runs Electronegativity on electron/ and fails on any finding of
// medium severity or above that has not been reviewed below. Electronegativity tries to fetch
// release data and translations first; offline it says so and carries on with what it ships.
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';

/** Findings that were reviewed and accepted (rule id and message), with the reason. */
const REVIEWED = {
  'CSP_GLOBAL_CHECK One or more CSP directives detected seems to be vulnerable':
    "csp-evaluator flags script-src 'self' as a risk when the origin also hosts JSONP or user uploads. Our origin (siteselect://app, or the loopback server) serves only the built renderer and tiles; user files are never served.",
  'PRELOAD_JS_CHECK Review the use of preload scripts':
    'The preload is sandboxed and context-isolated; it exposes one named function per API method through contextBridge and never ipcRenderer itself (electron/preload/index.ts).',
};

const require = createRequire(import.meta.url);
const electronVersion = require('electron/package.json').version;
const cli = require.resolve('@doyensec/electronegativity/dist/index.js');
const out = 'test-results/electronegativity.sarif';
// One input folder holding the Electron code and the page it loads, so the global checks (CSP)
// see the page's policy as well as the main process.
const input = 'test-results/electronegativity-input';
rmSync(input, { recursive: true, force: true });
cpSync('electron', `${input}/electron`, { recursive: true });
cpSync('renderer/index.html', `${input}/renderer/index.html`);
const run = spawnSync(
  process.execPath,
  [
    cli,
    '--input',
    input,
    '--relative',
    '--electron-version',
    electronVersion,
    '--severity',
    'medium',
    '--verbose',
    'false',
    '--output',
    out,
  ],
  { encoding: 'utf8' },
);
if (run.status !== 0) {
  process.stderr.write(run.stdout + run.stderr);
  process.exit(run.status ?? 1);
}
// SARIF (JSON) rather than CSV: the CSV writer does not escape samples that contain quotes.
const results = JSON.parse(readFileSync(out, 'utf8')).runs.flatMap((r) => r.results);
const where = (r) => {
  const loc = r.locations?.[0]?.physicalLocation;
  return `${loc?.artifactLocation?.uri}:${loc?.region?.startLine}`;
};
const key = (r) => `${r.ruleId} ${r.message.text}`;
const open = results.filter((r) => !(key(r) in REVIEWED));
for (const r of results) console.log(`${key(r) in REVIEWED ? 'reviewed' : 'FINDING '} ${r.ruleId} ${where(r)} ${r.message.text}`);
if (open.length > 0) {
  console.error(`electronegativity: ${open.length} unreviewed finding(s), see ${out}`);
  process.exit(1);
}
console.log(`electronegativity: no unreviewed findings (Electron ${electronVersion}, ${results.length} reviewed)`);
