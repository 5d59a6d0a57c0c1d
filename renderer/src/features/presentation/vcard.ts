/**
 * The agent's contact as a vCard 3.0 (RFC 2426), for the brochure's QR code: a visitor's phone
 * adds it to the address book without any URL or network.
 */
export interface Contact {
  name: string;
  organisation: string;
  phone: string;
  email: string;
}

/** Backslash, comma, semicolon and newlines escaped as RFC 2426 §4 asks. */
function escape(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/,/g, '\\,').replace(/;/g, '\\;').replace(/\r?\n/g, '\\n');
}

/** The vCard text, or null when there is nothing to put in it. */
export function vcard(c: Contact): string | null {
  if (![c.name, c.organisation, c.phone, c.email].some((v) => v.trim() !== '')) return null;
  const lines = ['BEGIN:VCARD', 'VERSION:3.0', `N:${escape(c.name.trim())};;;;`, `FN:${escape(c.name.trim() || c.organisation.trim())}`];
  if (c.organisation.trim()) lines.push(`ORG:${escape(c.organisation.trim())}`);
  if (c.phone.trim()) lines.push(`TEL;TYPE=WORK,VOICE:${escape(c.phone.trim())}`);
  if (c.email.trim()) lines.push(`EMAIL;TYPE=INTERNET:${escape(c.email.trim())}`);
  lines.push('END:VCARD');
  return lines.join('\r\n');
}
