/**
 * The team settings form's fields and the libpq URL they make: the server part (host, port,
 * database) as typed, with the user, sslmode and CA file set from their own fields. The backend
 * checks the result (electron/team/url.ts); this only keeps the form and the URL in step.
 */
import type { TeamStatus } from '../../../../electron/contract/api.ts';

export type SslMode = NonNullable<TeamStatus['sslmode']>;

export interface TeamForm {
  /** postgresql://host:port/database (a user, sslmode or sslrootcert in it are taken into the fields). */
  server: string;
  user: string;
  sslmode: SslMode;
  caFile: string;
}

export const EMPTY_FORM: TeamForm = { server: '', user: '', sslmode: 'require', caFile: '' };

const SSL_MODES: readonly string[] = ['disable', 'require', 'verify-ca', 'verify-full'];

/** The form for a stored URL (which never has a password). */
export function formFromUrl(url: string | null): TeamForm {
  if (!url) return EMPTY_FORM;
  try {
    const u = new URL(url);
    const mode = u.searchParams.get('sslmode') ?? 'require';
    const caFile = u.searchParams.get('sslrootcert') ?? '';
    const user = decodeURIComponent(u.username);
    u.username = '';
    u.search = '';
    return { server: u.toString(), user, sslmode: (SSL_MODES.includes(mode) ? mode : 'require') as SslMode, caFile };
  } catch {
    return { ...EMPTY_FORM, server: url };
  }
}

/** The URL the form makes, or the server text as typed when it is not a URL (the backend then names the problem). */
export function urlFromForm(form: TeamForm): string {
  const text = form.server.trim();
  if (text === '') return '';
  try {
    const u = new URL(text);
    if (form.user.trim()) u.username = encodeURIComponent(form.user.trim());
    u.password = '';
    u.searchParams.set('sslmode', form.sslmode);
    if (form.caFile.trim() && form.sslmode !== 'disable') u.searchParams.set('sslrootcert', form.caFile.trim());
    else u.searchParams.delete('sslrootcert');
    return u.toString();
  } catch {
    return text;
  }
}
