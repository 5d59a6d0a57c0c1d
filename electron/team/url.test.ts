import { describe, expect, it } from 'vitest';
import { canonicalTeamUrl, parseTeamUrl, redactTeamUrl } from './url.ts';
import { tlsOptions } from './connection.ts';

describe('the team server URL', () => {
  it('reads a libpq URL, with TLS on (require) unless it says otherwise', () => {
    expect(parseTeamUrl('postgresql://alice@db.example:6543/team')).toEqual({
      host: 'db.example',
      port: 6543,
      database: 'team',
      user: 'alice',
      password: null,
      sslmode: 'require',
      sslrootcert: null,
      connectTimeoutSeconds: 10,
    });
    expect(parseTeamUrl('postgres://al%40ce:s%3Acret@[::1]/t%C3%A9am?sslmode=verify-full&sslrootcert=/etc/ca.crt')).toMatchObject({
      host: '::1',
      port: 5432,
      user: 'al@ce',
      password: 's:cret',
      database: 'téam',
      sslmode: 'verify-full',
      sslrootcert: '/etc/ca.crt',
    });
    expect(parseTeamUrl('postgresql:///team?host=/var/run/postgresql&user=bob')).toMatchObject({
      host: '/var/run/postgresql',
      user: 'bob',
    });
  });

  it.each([
    ['http://alice@h/db', /must be a PostgreSQL URL/],
    ['postgresql://h/db', /names no user/],
    ['postgresql://alice@h', /names no database/],
    ['postgresql://alice@h:99999/db', /not a valid URL|port must be/],
    ['postgresql://alice@h/db?sslmode=prefer', /fall back to an unencrypted connection/],
    ['postgresql://alice@h/db?sslmode=allow', /fall back/],
    ['postgresql://alice@h/db?sslmode=on', /sslmode must be one of disable, require, verify-ca, verify-full/],
    ['postgresql://alice@h/db?sslmode=verify-ca', /needs sslrootcert/],
    ['postgresql://alice@h/db?password=x', /password does not go in the team server address/],
    ['postgresql://alice@h/db?options=-c%20x', /parameter this app does not use: "options"/],
  ])('refuses %s, naming the problem', (url, message) => {
    expect(() => parseTeamUrl(url)).toThrow(message);
  });

  it('stores and shows the URL without its password', () => {
    const a = parseTeamUrl('postgresql://alice:hunter2@h:5432/team?sslmode=verify-full&sslrootcert=/ca.crt');
    const shown = canonicalTeamUrl(a);
    expect(shown).toBe('postgresql://alice@h:5432/team?sslmode=verify-full&sslrootcert=%2Fca.crt');
    expect(shown).not.toContain('hunter2');
    expect(parseTeamUrl(shown)).toEqual({ ...a, password: null });
  });

  it('redacts the password of every URL in a text, and a password= parameter', () => {
    const text =
      'connect postgresql://alice:hunter2@h/db failed; retry postgres://bob:p%40ss@[::1]:5432/x?sslmode=require and host=h password=hunter2&x=1';
    const out = redactTeamUrl(text);
    expect(out).toBe(
      'connect postgresql://alice:***@h/db failed; retry postgres://bob:***@[::1]:5432/x?sslmode=require and host=h password=***&x=1',
    );
    expect(redactTeamUrl("host=h password='a b\\'c' user=x")).toBe('host=h password=*** user=x');
    expect(redactTeamUrl('?password=hunter2&sslmode=require')).toBe('?password=***&sslmode=require');
    expect(redactTeamUrl('postgresql://alice@h/db')).toBe('postgresql://alice@h/db');
  });

  it('maps sslmode to TLS options as libpq does', () => {
    const at = (q: string) => tlsOptions(parseTeamUrl(`postgresql://a@h/db?${q}`));
    expect(at('sslmode=disable')).toBe(false);
    expect(at('sslmode=require')).toEqual({ rejectUnauthorized: false });
    expect(tlsOptions(parseTeamUrl('postgresql:///db?host=/run/postgresql&user=a'))).toBe(false);
    const full = at('sslmode=verify-full') as { rejectUnauthorized: boolean; checkServerIdentity?: unknown };
    expect(full.rejectUnauthorized).toBe(true);
    expect(full.checkServerIdentity).toBeUndefined();
    expect(() => at('sslmode=verify-ca&sslrootcert=/no/such/ca.crt')).toThrow(/cannot read the CA certificate/);
  });
});
