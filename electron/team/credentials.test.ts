import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../testing/temp-backend.ts';
import { findPassword } from './credentials.ts';
import { parseTeamUrl } from './url.ts';

const work = tempDir('siteselect-pgpass-');
afterAll(() => work.remove());

describe('where the team password comes from', () => {
  const a = parseTeamUrl('postgresql://alice@db.example:5432/team');
  const none = () => null;

  it('takes the URL first, then the sealed one, then the environment', async () => {
    expect(await findPassword(parseTeamUrl('postgresql://alice:u@h/db'), { saved: () => 's', env: {} })).toMatchObject({
      source: 'url',
      password: 'u',
    });
    expect(await findPassword(a, { saved: () => 's', env: { PGPASSWORD: 'e' } })).toMatchObject({ source: 'saved', password: 's' });
    expect(await findPassword(a, { saved: none, env: { PGPASSWORD: 'e' } })).toMatchObject({ source: 'env', password: 'e' });
    expect(await findPassword(a, { saved: none, env: { SITESELECT_TEAM_PASSWORD: 'mine', PGPASSWORD: 'e' } })).toMatchObject({
      source: 'env',
      password: 'mine',
    });
  });

  it('reads a private ~/.pgpass (or PGPASSFILE) line for this host, port, database and user', async () => {
    const file = join(work.dir, 'pgpass');
    writeFileSync(file, 'other.example:5432:team:alice:wrong\n# a comment\ndb.example:5432:team:alice:pa\\:ss\n*:*:*:*:fallback\n');
    chmodSync(file, 0o600);
    expect(await findPassword(a, { saved: none, env: { PGPASSFILE: file } })).toEqual({
      source: 'pgpass',
      password: 'pa:ss',
      warning: null,
    });
    const bob = parseTeamUrl('postgresql://bob@db.example/team');
    expect(await findPassword(bob, { saved: none, env: { PGPASSFILE: file } })).toMatchObject({ source: 'pgpass', password: 'fallback' });
  });

  it('ignores a password file others may read, and says why', async () => {
    const file = join(work.dir, 'open-pgpass');
    writeFileSync(file, 'db.example:5432:team:alice:secret\n');
    chmodSync(file, 0o644);
    const found = await findPassword(a, { saved: none, env: { PGPASSFILE: file } });
    expect(found).toMatchObject({ source: 'none', password: null });
    expect(found.warning).toMatch(/may be read by others.*chmod 600/);
  });

  it('has none when nothing gives one', async () => {
    expect(await findPassword(a, { saved: none, env: { PGPASSFILE: join(work.dir, 'missing') } })).toEqual({
      source: 'none',
      password: null,
      warning: null,
    });
  });
});
