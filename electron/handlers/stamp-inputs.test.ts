/**
 * The report stamp names its network and the scenario year (issue 16): both are in the stamp and
 * covered by its hash, a report computed in another year no longer verifies as it stood, and a
 * stamp made before they were stamped still verifies.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { ReportSeal, Stamp, StampArgs } from '../contract/api.ts';
import { causesOf } from '../reports/verify.ts';
import { stampHash } from '../reports/stamp.ts';
import { callOk, tempBackend } from '../testing/temp-backend.ts';

const backend = tempBackend();
afterAll(() => backend.dispose());
const ok = <T>(method: string, args: unknown) => callOk<T>(backend, method, args);

describe('the report stamp names the network and the scenario year', () => {
  it('stamps the stored year and the network name, and the year changes the stamp hash, not the data hash', async () => {
    const [preset] = await ok<{ profile: unknown }[]>('profilePresets', {});
    const brochure = { kind: 'brochure', brochure: { profile: preset?.profile, parks: ['park-hengyang-hengdong'] }, language: 'zh' };
    await ok('setNetworkYear', { asOf: null });
    const now = await ok<Stamp>('reportStamp', brochure);
    expect(now.network).toMatchObject({ kind: 'schematic', year: null, name_en: 'Schematic network (expressways and rail)' });
    expect(now.network.name_zh).toMatch(/示意路网/);
    await ok('setNetworkYear', { asOf: 2030 });
    const later = await ok<Stamp>('reportStamp', brochure);
    expect(later.network.year).toBe(2030);
    expect(later.network.hash).toBe(now.network.hash);
    expect(later.hash).not.toBe(now.hash);
    expect(stampHash(later)).toBe(later.hash);
    // Editing the stamped year is caught: the stamp no longer gives its printed hash.
    expect(stampHash({ ...later, network: { ...later.network, year: 2010 } })).not.toBe(later.hash);

    // A report's own scenario year wins over the stored one.
    const excel = {
      kind: 'excel',
      report: { payload: { profile: preset?.profile, method: 'wsm', asOf: 2015 }, language: 'en', labels: {} },
    };
    expect((await ok<Stamp>('reportStamp', excel)).network.year).toBe(2015);

    // Verify: a report made in 2030, checked while the year stands at 2030, has no network cause; at 2025 it has.
    const seal = { format: 'siteselect-report/1', subject: brochure as StampArgs, stamp: later } as ReportSeal;
    expect(causesOf(seal, later).filter((c) => c.kind === 'network')).toEqual([]);
    await ok('setNetworkYear', { asOf: 2025 });
    const today = await ok<Stamp>('reportStamp', brochure);
    const causes = causesOf(seal, today).filter((c) => c.kind === 'network');
    expect(causes).toEqual([expect.objectContaining({ id: 'network-year', was: '2030', now: '2025' })]);
    expect(causes[0]?.message_en).toMatch(/scenario year changed: 2030 → 2025/);

    // A stamp made before the year and the name were stamped still verifies while its network stands.
    const { year: _y, name_zh: _z, name_en: _e, ...oldNetwork } = now.network;
    const old: Stamp = { ...now, network: oldNetwork };
    const oldSeal = {
      format: 'siteselect-report/1',
      subject: brochure as StampArgs,
      stamp: { ...old, hash: stampHash(old) },
    } as ReportSeal;
    expect(causesOf(oldSeal, today).filter((c) => c.kind === 'network' || c.kind === 'scenario')).toEqual([]);
    await ok('setNetworkYear', { asOf: null });
  });
});
