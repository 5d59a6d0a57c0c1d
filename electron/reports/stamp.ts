/**
 * The stamp every report prints: a short hash of its inputs — the choices (profile, method,
 * weights, …), every dataset with its as-of date, the user's sites and custom criteria, the network —
 * with the app's version and the methods' versions. The hash is SHA-256 over canonical JSON (keys
 * sorted, so the same inputs always give the same bytes), cut to 12 hex digits: short enough to
 * read aloud at a trade fair, and a changed input changes it with certainty for any practical use.
 */
import { createHash } from 'node:crypto';
import { METHOD_VERSIONS } from '../../geo/index.ts';
import type { DataVersion, Stamp, StampArgs } from '../contract/api.ts';

/** JSON with object keys sorted at every level (arrays keep their order; undefined fields are left out). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** SHA-256 of a value's canonical JSON, hex. */
export function hashOf(value: unknown, length = 64): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex').slice(0, length);
}

/** The choices of a report that change its numbers (its language and labels do not). */
export function choicesOf(subject: StampArgs): unknown {
  if (subject.kind === 'brochure') return { kind: subject.kind, brochure: subject.brochure };
  const p = subject.report.payload;
  return {
    kind: subject.kind,
    profile: p.profile,
    method: p.method,
    weights: p.weights,
    ahp: p.ahp,
    valueFunctions: p.valueFunctions,
    methodOptions: p.methodOptions,
    compare: p.compare,
    ...(subject.kind === 'pdf-report' ? { monteCarloSamples: subject.monteCarloSamples } : {}),
  };
}

/** A report's stamp from its subject and the current versions of everything it reads. */
export function stampOf(
  subject: StampArgs,
  app: { name: string; version: string },
  data: readonly DataVersion[],
  network: Stamp['network'],
  now: Date = new Date(),
): Stamp {
  const inputs = hashOf(choicesOf(subject));
  const methodVersions = { ...METHOD_VERSIONS };
  const hash = hashOf({ inputs, app: app.version, methodVersions, data, network }, 12);
  return {
    hash,
    inputs,
    appName: app.name,
    appVersion: app.version,
    methodVersions,
    data: [...data],
    network,
    made: now.toISOString(),
  };
}

/** The hash as printed: 3f9a·12c4·be07. */
export function printedHash(hash: string): string {
  return hash.match(/.{1,4}/g)?.join('·') ?? hash;
}

/** Recomputes a stamp's hash from its own fields (a stamp whose fields were edited no longer matches). */
export function stampHash(s: Pick<Stamp, 'inputs' | 'appVersion' | 'methodVersions' | 'data' | 'network'>): string {
  return hashOf({ inputs: s.inputs, app: s.appVersion, methodVersions: s.methodVersions, data: s.data, network: s.network }, 12);
}
