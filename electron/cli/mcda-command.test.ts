import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { joinNegativeValues, runMcda, UsageError } from './mcda-command.ts';

const dir = mkdtempSync(join(tmpdir(), 'mcda-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function csv(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runMcda(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.length ? (JSON.parse(out.join('\n')) as Record<string, unknown>) : null, err: err.join('\n') };
}

// Opricovic & Tzeng (2004), as in data/method-examples/vikor-examples.json: f1 a cost, f2 a benefit.
const opricovic = () => csv('opricovic.csv', 'alternative,risk,altitude\nA1,1,3000\nA2,2,3750\nA3,5,4500\n');

describe('mcda ahp', () => {
  it('accepts a judgement written 0.111111 (issue 17: it was refused as "outside Saaty\'s scale 1/9…9")', async () => {
    const f = csv('ahp-rounded.csv', 'a,b,c\n1,9,3\n0.111111,1,0.333333\n0.333333,3,1\n');
    const r = await run(['ahp', '--pairwise', f]);
    expect(r.code).toBe(0);
    const w = r.out?.weights as Record<string, number>;
    expect(Object.values(w).reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
    expect(w.a).toBeGreaterThan(w.c as number);
    expect(r.out?.method).toBe('eigen');
  });

  it('derives weights by row geometric mean with --method geomean, CR by the same formula', async () => {
    const f = csv('ahp-4.csv', 'a,b,c,d\n1,9,1/9,3\n1/9,1,9,1/5\n9,1/9,1,7\n1/3,5,1/7,1\n');
    const eigen = await run(['ahp', '--pairwise', f, '--method', 'eigen']);
    const geo = await run(['ahp', '--pairwise', f, '--method', 'geomean']);
    expect(geo.code).toBe(0);
    expect(geo.out?.method).toBe('geomean');
    expect(geo.out?.weights).not.toEqual(eigen.out?.weights);
    expect(typeof geo.out?.cr).toBe('number');
    await expect(run(['ahp', '--pairwise', f, '--method', 'power'])).rejects.toThrow(UsageError);
  });
});

describe('mcda topsis', () => {
  it('accepts --types -1,1 with a space (issue 17: "-1,1" was read as an option) and with "="', async () => {
    const f = opricovic();
    const spaced = await run(['topsis', '--matrix', f, '--weights', '0.5,0.5', '--types', '-1,1']);
    const joined = await run(['topsis', '--matrix', f, '--weights', '0.5,0.5', '--types=-1,1']);
    expect(spaced.code).toBe(0);
    expect(spaced.out).toEqual(joined.out);
    expect(spaced.out?.alternatives).toEqual(['A1', 'A2', 'A3']);
    expect((spaced.out?.closeness as number[]).length).toBe(3);
  });

  it('joins only values that look like negative numbers', () => {
    const options = { types: { type: 'string' as const }, normalise: { type: 'boolean' as const } };
    expect(joinNegativeValues(['--types', '-1,1', '--normalise'], options)).toEqual(['--types=-1,1', '--normalise']);
    expect(joinNegativeValues(['--types', '-.5'], options)).toEqual(['--types=-.5']);
    expect(joinNegativeValues(['--normalise', '-1'], options)).toEqual(['--normalise', '-1']);
    expect(joinNegativeValues(['--types', '--normalise'], options)).toEqual(['--types', '--normalise']);
  });
});

describe('mcda owa', () => {
  const f = () => csv('owa.csv', 'site,a,b,c\nP,0.2,0.9,0.5\nQ,0.6,0.6,0.6\n');

  it('prints scores, orness and tradeoff for typed order weights (largest value first)', async () => {
    const r = await run(['owa', '--matrix', f(), '--order-weights', '0.6,0.3,0.1']);
    expect(r.code).toBe(0);
    expect((r.out?.scores as number[])[0]).toBeCloseTo(0.6 * 0.9 + 0.3 * 0.5 + 0.1 * 0.2, 12);
    expect(r.out?.orness).toBeCloseTo((2 * 0.6 + 0.3) / 2, 12);
    expect(typeof r.out?.tradeoff).toBe('number');
    expect(r.out?.ranking).toEqual(['P', 'Q']);
  });

  it('derives maximum-entropy order weights from --orness, with optional weights and --normalise', async () => {
    const r = await run(['owa', '--matrix', f(), '--orness', '0.2', '--weights', '1,1,2', '--normalise']);
    expect(r.code).toBe(0);
    expect(r.out?.orness).toBeCloseTo(0.2, 9);
    expect(r.out?.weights).toEqual([0.25, 0.25, 0.5]);
  });

  it('needs exactly one of --order-weights and --orness', async () => {
    await expect(run(['owa', '--matrix', f()])).rejects.toThrow(/exactly one of --order-weights/);
    await expect(run(['owa', '--matrix', f(), '--orness', '0.5', '--order-weights', '1,0,0'])).rejects.toThrow(UsageError);
  });
});

describe('mcda promethee', () => {
  it('reproduces Zhao, Peng & Li (2013): phi 0.1, −0.3, 0.2', async () => {
    const f = csv('zhao.csv', 'c1,c2,c3\n4,3,2\n3,2,4\n5,1,3\n');
    const r = await run(['promethee', '--matrix', f, '--weights', '0.5,0.3,0.2', '--types', '1,1,1', '--functions', 'usual,usual,usual']);
    expect(r.code).toBe(0);
    (r.out?.phi as number[]).forEach((v, i) => expect(v).toBeCloseTo([0.1, -0.3, 0.2][i] as number, 12));
    expect(Object.keys(r.out ?? {})).toEqual(expect.arrayContaining(['phi_plus', 'phi_minus', 'phi', 'ranking']));
    expect(r.out?.ranking).toEqual(['3', '1', '2']);
  });

  it('parses every function with its parameters and names a malformed one', async () => {
    const f = csv('six.csv', 'a,b,c,d,e,f\n80,90,6,5.4,8,5\n65,58,2,9.7,1,1\n52,72,6,2,3,8\n');
    const ok = await run([
      'promethee',
      ...['--matrix', f, '--weights', '1,1,1,1,1,1', '--types', '-1,1,-1,-1,-1,1'],
      ...['--functions', 'u-shape:10,v-shape:30,linear:0.5:5,level:1:6,usual,gaussian:5'],
    ]);
    expect(ok.code).toBe(0);
    await expect(run(['promethee', '--matrix', f, '--weights', '1', '--types', '1', '--functions', 'level:1'])).rejects.toThrow(
      /"level:1" needs 2 parameters/,
    );
    await expect(run(['promethee', '--matrix', f, '--weights', '1', '--types', '1', '--functions', 'step'])).rejects.toThrow(
      /not one of usual/,
    );
    // A function whose thresholds are wrong is a data error (exit 1), named with its criterion.
    const bad = await run([
      'promethee',
      '--matrix',
      f,
      ...['--weights', '1,1,1,1,1,1', '--types', '1,1,1,1,1,1'],
      '--functions',
      'level:5:1,usual,usual,usual,usual,usual',
    ]);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/criterion 1: level needs a preference threshold p > q/);
  });
});

describe('mcda vikor', () => {
  it('reproduces Opricovic & Tzeng (2004) with --types -1,1: Q 1, 0, 1 and the compromise A2', async () => {
    const r = await run(['vikor', '--matrix', opricovic(), '--weights', '0.5,0.5', '--types', '-1,1', '--v', '0.5']);
    expect(r.code).toBe(0);
    expect(r.out?.S).toEqual([0.5, 0.375, 0.5]);
    expect(r.out?.R).toEqual([0.5, 0.25, 0.5]);
    expect(r.out?.Q).toEqual([1, 0, 1]);
    expect(r.out?.ranking).toEqual(['A2', 'A1', 'A3']);
    expect(r.out?.conditions).toEqual({ acceptable_advantage: true, acceptable_stability: true, dq: 0.5 });
    expect(r.out?.compromise).toEqual(['A2']);
  });
});

describe('mcda electre', () => {
  // Cebrián & Porcar (2009), as in data/method-examples/electre-examples.json; the third criterion is a cost.
  const f = () => csv('cebrian.csv', 'g1,g2,g3,g4,g5\n6,5,28,5,5\n4,2,25,10,9\n5,7,35,9,6\n6,1,27,6,7\n6,8,30,7,9\n5,6,26,4,8\n');

  it('prints the kernel as 0-based row indices and what each row outranks', async () => {
    const r = await run([
      'electre',
      '--matrix',
      f(),
      '--weights',
      '0.25,0.25,0.1,0.2,0.2',
      '--types',
      '1,1,-1,1,1',
      '--concordance',
      '0.7',
      '--veto',
      'none,none,none,none,none',
    ]);
    expect(r.code).toBe(0);
    expect(r.out?.kernel).toEqual([4]);
    expect((r.out?.outranks as number[][])[4]).toEqual([0, 1, 2, 3, 5]);
  });

  it('applies veto thresholds in the criterion units', async () => {
    // On g4 a2 has 10 and a5 has 7: a veto of 3 there (reached exactly) stops "a5 outranks a2".
    const r = await run([
      'electre',
      '--matrix',
      f(),
      '--weights',
      '0.25,0.25,0.1,0.2,0.2',
      '--types',
      '1,1,-1,1,1',
      '--concordance',
      '0.7',
      '--veto',
      'none,none,none,3,none',
    ]);
    expect(r.code).toBe(0);
    expect((r.out?.outranks as number[][])[4]).not.toContain(1);
    await expect(
      run(['electre', '--matrix', f(), '--weights', '1,1,1,1,1', '--types', '1,1,1,1,1', '--concordance', '0.7', '--veto', 'x']),
    ).rejects.toThrow(/--veto must be numbers or "none"/);
  });
});

describe('mcda errors', () => {
  it('a missing file is exit 1 with a message naming it; usage mistakes throw UsageError', async () => {
    const missing = await run(['ahp', '--pairwise', join(dir, 'missing.csv')]);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/cannot read .*missing.csv/);
    await expect(run(['nope'])).rejects.toThrow(/"ahp" or "topsis", got "nope"/);
    await expect(run(['topsis', '--matrix', 'x.csv'])).rejects.toThrow(/needs --matrix FILE.csv --weights/);
    await expect(run(['topsis', '--colour', 'red'])).rejects.toThrow(UsageError);
    await expect(run(['vikor', '--matrix', opricovic(), '--weights', '1,1', '--types', '-1,1', '--v', 'half'])).rejects.toThrow(
      /--v must be a number/,
    );
  });
});
