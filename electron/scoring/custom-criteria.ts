/**
 * The user's own criteria: records as the API shows them, the values the ranking scores, and the
 * join of an imported layer's column onto the candidates (zone parks, own sites, imported
 * candidates) by catalogue code, by name, or by the nearest candidate within a radius.
 */
import { distanceMetres, type CustomCriterion, type CustomCriterionId, type LngLat } from '../../geo/index.ts';
import { ValueFunctionSchema, type CustomCriterionRecord, type JoinReport, type JoinRule } from '../contract/api.ts';
import type { CriterionRow, CriterionWrite } from '../db/criteria-store.ts';
import { UserInputError } from '../errors.ts';

/** A candidate the values can be joined to. */
export interface JoinTarget {
  id: string;
  /** Names it goes by (catalogue name, current name, a site's name). */
  names: readonly string[];
  catalogueCode: string | null;
  position: LngLat | null;
}

/** A row of the imported layer: its attributes and position. */
export interface JoinRow {
  label: string;
  properties: Readonly<Record<string, unknown>>;
  position: LngLat | null;
}

/** Attribute names holding a catalogue code (compared trimmed and lower-case). */
export const CODE_KEYS = ['catalogue_code', '代码', '园区代码', '开发区代码', 'code'] as const;

export function toRecord(r: CriterionRow): CustomCriterionRecord {
  return {
    id: r.id as CustomCriterionId,
    name_zh: r.name_zh,
    name_en: r.name_en,
    unit: r.unit,
    type: r.type,
    valueFunction: r.value_function ? ValueFunctionSchema.parse(JSON.parse(r.value_function)) : null,
    source: r.source,
    as_of: r.as_of,
    origin: JSON.parse(r.origin) as CustomCriterionRecord['origin'],
    values: JSON.parse(r.values) as Record<string, number | null>,
    created_at: r.created_at,
    updated_at: r.updated_at,
  };
}

/** A record as the store writes it (a scenario's snapshot restored, a project file merged). */
export function toRow(r: CustomCriterionRecord): CriterionWrite {
  return {
    id: r.id,
    name_zh: r.name_zh,
    name_en: r.name_en,
    unit: r.unit,
    type: r.type,
    value_function: r.valueFunction ? JSON.stringify(r.valueFunction) : null,
    source: r.source,
    as_of: r.as_of,
    origin: JSON.stringify(r.origin),
    values: JSON.stringify(r.values),
  };
}

/** What geo's ranking takes from a record. */
export function forScoring(r: CustomCriterionRecord): CustomCriterion {
  return { id: r.id, unit: r.unit, type: r.type, values: new Map(Object.entries(r.values)) };
}

/** Names compared for a join: Unicode-normalised, without spaces, brackets or punctuation. */
export function joinKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s()（）[\]【】·,，.。、'"“”‘’-]/gu, '');
}

/** A number from a cell: a number, or text such as "12.5", "1,200" or "12.5 万元/亩" (the leading number). */
export function numberOf(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const m = /^\s*([-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?|[-+]?\d+(?:\.\d+)?)/.exec(value);
  return m ? Number((m[1] as string).replace(/,/g, '')) : null;
}

function attribute(properties: Readonly<Record<string, unknown>>, keys: readonly string[]): unknown {
  const wanted = new Set(keys.map((k) => k.toLowerCase()));
  for (const [k, v] of Object.entries(properties)) if (wanted.has(k.trim().toLowerCase())) return v;
  return undefined;
}

/**
 * Joins a column of rows onto candidates.
 *
 * @throws UserInputError when no row has the column
 */
export function joinColumn(
  rows: readonly JoinRow[],
  column: string,
  rule: JoinRule,
  targets: readonly JoinTarget[],
): { values: Record<string, number | null>; report: JoinReport } {
  if (!rows.some((r) => Object.hasOwn(r.properties, column))) throw new UserInputError(`no row has the column "${column}"`);
  const report: JoinReport = { rows: rows.length, matched: [], unmatched: [], ambiguous: [], duplicates: [] };
  const values: Record<string, number | null> = {};
  const byCode = new Map<string, JoinTarget[]>();
  const byName = new Map<string, JoinTarget[]>();
  for (const t of targets) {
    if (t.catalogueCode) byCode.set(t.catalogueCode.trim().toUpperCase(), [...(byCode.get(t.catalogueCode.trim().toUpperCase()) ?? []), t]);
    for (const n of new Set(t.names.map(joinKey))) if (n) byName.set(n, [...(byName.get(n) ?? []), t]);
  }
  const rowsOf = new Map<string, string[]>();
  for (const row of rows) {
    let found: { target: JoinTarget; distanceKm: number | null }[];
    if (rule.by === 'catalogue-code') {
      const code = attribute(row.properties, CODE_KEYS);
      if (typeof code !== 'string' || code.trim() === '') {
        report.unmatched.push({ row: row.label, kind: 'no-code', reason: 'no catalogue code (a column named catalogue_code or 代码)' });
        continue;
      }
      found = (byCode.get(code.trim().toUpperCase()) ?? []).map((target) => ({ target, distanceKm: null }));
    } else if (rule.by === 'name') {
      found = (byName.get(joinKey(row.label)) ?? []).map((target) => ({ target, distanceKm: null }));
    } else {
      if (!row.position) {
        report.unmatched.push({ row: row.label, kind: 'no-position', reason: 'no position' });
        continue;
      }
      const within = targets
        .filter((t) => t.position)
        .map((target) => ({ target, distanceKm: distanceMetres(row.position as LngLat, target.position as LngLat) / 1000 }))
        .filter((x) => x.distanceKm <= rule.radiusKm)
        .sort((a, b) => a.distanceKm - b.distanceKm);
      // The nearest is a match only when no other candidate is almost as near (within 10 %).
      const [first, second] = within;
      found = first && second && second.distanceKm <= first.distanceKm * 1.1 + 0.05 ? within.slice(0, 2) : first ? [first] : [];
    }
    if (found.length === 0) {
      report.unmatched.push({
        row: row.label,
        kind: rule.by === 'nearest' ? 'none-within' : rule.by === 'name' ? 'no-such-name' : 'no-such-code',
        reason:
          rule.by === 'nearest'
            ? `no candidate within ${rule.radiusKm} km`
            : 'no candidate of that ' + (rule.by === 'name' ? 'name' : 'code'),
      });
      continue;
    }
    if (found.length > 1) {
      report.ambiguous.push({ row: row.label, candidates: found.map((f) => f.target.id) });
      continue;
    }
    const { target, distanceKm } = found[0] as { target: JoinTarget; distanceKm: number | null };
    const value = numberOf(row.properties[column]);
    rowsOf.set(target.id, [...(rowsOf.get(target.id) ?? []), row.label]);
    if (Object.hasOwn(values, target.id)) continue; // a later row for the same candidate: listed as a duplicate below
    values[target.id] = value;
    report.matched.push({
      row: row.label,
      candidate: target.id,
      name_zh: target.names[0] ?? target.id,
      value,
      distanceKm: distanceKm === null ? null : Math.round(distanceKm * 1000) / 1000,
    });
  }
  for (const [candidate, labels] of rowsOf) if (labels.length > 1) report.duplicates.push({ candidate, rows: labels });
  return { values, report };
}
