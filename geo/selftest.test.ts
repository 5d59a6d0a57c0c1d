/**
 * The method self-test on the shipped examples: every case passes; a corrupted expected value fails
 * exactly that check (showing expected and computed); a missing file fails with its name.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSelfTest, type MethodExamples } from './selftest.ts';

const DIR = join(import.meta.dirname, '../data/method-examples');
const examples = (): Record<string, unknown> =>
  Object.fromEntries(
    readdirSync(DIR)
      .filter((f) => f.endsWith('.json'))
      .map((f) => [f.replace(/\.json$/, ''), JSON.parse(readFileSync(join(DIR, f), 'utf8')) as unknown]),
  );

describe('method self-test', () => {
  it('passes every published example shipped with the app, for every method and the network', () => {
    const r = runSelfTest(examples());
    const failed = r.cases
      .filter((c) => !c.pass)
      .map(
        (c) =>
          `${c.method} ${c.id}: ${
            c.error ??
            c.checks
              .filter((k) => !k.pass)
              .map((k) => k.label)
              .join(', ')
          }`,
      );
    expect(failed).toEqual([]);
    expect(r.pass).toBe(true);
    expect(new Set(r.cases.map((c) => c.method))).toEqual(
      new Set(['ahp', 'topsis', 'owa', 'promethee', 'vikor', 'electre', 'weighting', 'agreement', 'network']),
    );
    expect(r.checks).toBeGreaterThan(300);
  });

  it('fails a case whose expected value was corrupted, and shows both numbers', () => {
    const x = examples() as { 'topsis-examples': { id: string; published: { closeness: number[] } }[] } & MethodExamples;
    const tzeng = x['topsis-examples'].find((e) => e.id === 'tzeng-huang-2011');
    if (!tzeng) throw new Error('fixture missing');
    tzeng.published.closeness[1] = 0.7;
    const r = runSelfTest(x);
    expect(r.pass).toBe(false);
    expect(r.failed).toBe(1);
    const bad = r.cases.find((c) => !c.pass);
    expect(bad?.id).toBe('tzeng-huang-2011');
    const check = bad?.checks.find((k) => !k.pass);
    expect(check).toMatchObject({ label: 'C2', expected: 0.7 });
    expect(check?.computed as number).toBeCloseTo(0.6581, 4);
  });

  it('fails with the file named when one is missing or malformed, and still runs the others', () => {
    const x = examples();
    delete x['network-rules'];
    x['vikor-examples'] = { not: 'a list' };
    const r = runSelfTest(x);
    expect(r.pass).toBe(false);
    expect(r.cases.filter((c) => c.error).map((c) => c.error)).toEqual([
      'vikor-examples.json is missing or not a list of examples',
      'network-rules.json is missing',
    ]);
    expect(r.cases.filter((c) => c.method === 'ahp').every((c) => c.pass)).toBe(true);
  });
});
