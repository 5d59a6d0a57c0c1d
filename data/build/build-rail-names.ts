/**
 * `npx tsx data/build/build-rail-names.ts PATH/TO/src/data.ts`: writes
 * data/reference/rail-names-12306.json, the current 12306 passenger station names, from the
 * `src/data.ts` of pomerun/china-railway-station (MIT), a copy of 12306's station_name list:
 * records separated by "@", fields by "|", the Chinese name in field 2.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dataPath } from './extracts.ts';

const file = process.argv[2];
if (!file) {
  console.error('usage: tsx data/build/build-rail-names.ts PATH/TO/china-railway-station/src/data.ts');
  process.exit(2);
}
const text = readFileSync(file, 'utf8');
const body = /"([^"]*)"/u.exec(text)?.[1] ?? '';
const names = [
  ...new Set(
    body
      .split('@')
      .map((r) => r.split('|')[1] ?? '')
      .filter((n) => n !== ''),
  ),
].sort();
if (names.length < 1000) throw new Error(`only ${names.length} names found in ${file}: not the station list?`);
writeFileSync(
  dataPath('reference/rail-names-12306.json'),
  `${JSON.stringify(
    {
      note: 'Current 12306 passenger station names, from pomerun/china-railway-station src/data.ts (MIT; a copy of 12306 station_name.js). Written by data/build/build-rail-names.ts; build-rail.ts checks every station of the layer against it (in_12306).',
      source_ids: ['rail-names-12306'],
      names,
    },
    null,
    2,
  )}\n`,
);
console.log(`${names.length} names`);
