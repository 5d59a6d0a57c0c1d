import { afterAll, describe, expect, it } from 'vitest';
import { callOk, tempBackend } from '../testing/temp-backend.ts';
import { dispatch } from './index.ts';

const backend = tempBackend();
afterAll(() => backend.dispose());
const ok = <T>(method: string, args: unknown) => callOk<T>(backend, method, args);

describe('presentation settings', () => {
  it('keep the agent contact, and the PIN only as a hash that can be checked', async () => {
    const agent = { name: '张三', organisation: '衡阳市商务局', phone: '+86 734 1234 5678', email: 'zhang@example.org' };
    expect(await ok('updateSettings', { agent })).toEqual({
      language: 'zh',
      agent,
      presentationPinSet: false,
      presentationIdleSeconds: 60,
    });
    expect(await ok('checkPresentationPin', { pin: '1234' })).toEqual({ ok: false });
    const withPin = await ok<Record<string, unknown>>('updateSettings', { presentationPin: '2468' });
    expect(withPin).toEqual({ language: 'zh', agent, presentationPinSet: true, presentationIdleSeconds: 60 });
    expect(JSON.stringify(withPin)).not.toContain('2468');
    const raw = backend.userDb.prepare("SELECT value FROM settings WHERE key = 'presentationPinHash'").pluck().get() as string;
    expect(raw).not.toContain('2468');
    expect(await ok('checkPresentationPin', { pin: '2468' })).toEqual({ ok: true });
    expect(await ok('checkPresentationPin', { pin: '2469' })).toEqual({ ok: false });
    expect(await dispatch(backend.api, 'updateSettings', { presentationPin: '12ab' })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/4 to 8 digits/) },
    });
    expect(await dispatch(backend.api, 'updateSettings', { agent: { ...agent, email: 'not-mail' } })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/not an e-mail address/) },
    });
    expect(await ok('updateSettings', { presentationPin: '' })).toMatchObject({ presentationPinSet: false });
    expect(await ok('checkPresentationPin', { pin: '2468' })).toEqual({ ok: false });
    expect(await ok('updateSettings', { presentationIdleSeconds: 30 })).toMatchObject({ presentationIdleSeconds: 30 });
    expect(await dispatch(backend.api, 'updateSettings', { presentationIdleSeconds: 2 })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/at least 10 s/) },
    });
  });
});
