/**
 * The sources registry (data/sources.json): one entry per public source the reference data rests
 * on. Records refer to entries by id in `source_ids`; their free-text `source` keeps the detail
 * (page addresses, sections) and may never be a path on the machine that made it.
 */
import { z } from 'zod';
import { PartialDate } from './layers.ts';

export const SourceEntry = z.object({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case ASCII'),
  title: z.string().min(1),
  publisher: z.string().min(1),
  /** When the source was published or, for a snapshot, taken; null when it does not say. */
  date: PartialDate.nullable(),
  /** An address or a citation a reader can follow; never a local path. */
  citation: z.string().min(1),
  licence: z.string().min(1),
  /** Attribution text the app must show wherever data from this source is shown (ODbL). */
  attribution: z.string().min(1).optional(),
  note: z.string().min(1).optional(),
});
export type SourceEntry = z.infer<typeof SourceEntry>;

export const SourcesRegistry = z.object({
  note: z.string().min(1),
  sources: z.array(SourceEntry).min(1),
});
export type SourcesRegistry = z.infer<typeof SourcesRegistry>;

/** The attribution OpenStreetMap data requires (ODbL 1.0, section 4.3). */
export const OSM_ATTRIBUTION = '© OpenStreetMap contributors, ODbL 1.0';

/**
 * True when a citation is a file path rather than something a reader can follow: an absolute
 * Unix or Windows path, a home or parent-relative path, or a file: URL.
 */
export function isLocalPath(text: string): boolean {
  return /(^|[\s(;:,，（])(\/(work|home|tmp|Users|root|mnt|var)\/|~\/|\.\.\/|[A-Za-z]:\\|file:\/\/)/u.test(text);
}
