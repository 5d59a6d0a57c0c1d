/**
 * Opening years: which lines, roads and facilities exist in a chosen year.
 *
 * A record's opening is its status and a year, each from a source:
 *
 * - the schematic network: a line's `opened` (expressways: the latest opening year among its
 *   segments in Ma & Tang's segment table, data/layers/expressways.geojson; rail lines and
 *   facilities: their `opened` date), and `status: planned` for a line not yet open;
 * - an OpenStreetMap extract: `highway=construction` with `construction=<class>` (Tag:highway=
 *   construction) is under construction, `highway=proposed` with `proposed=<class>`
 *   (Tag:highway=proposed) is planned, and `opening_date=*` (Key:opening_date, an ISO 8601 date or
 *   year) gives the year it opens or opened.
 *
 * The rule, never guessing a year: an open record whose year is unknown is open in every year
 * ("open, year unknown"); an open record with a year is open from that year on; a record under
 * construction or planned is open from its year on, and never when no source gives one. Without a
 * year (`asOf` null) the network is taken as its data stands: open records only.
 */

/** Where a record stands in its data. Codes (the index) are what the road graph stores. */
export const OPENING_STATUSES = ['open', 'construction', 'planned'] as const;
export type OpeningStatus = (typeof OPENING_STATUSES)[number];

export interface Opening {
  status: OpeningStatus;
  /** The year it opened (open) or is to open (construction, planned); null when no source gives one. */
  year: number | null;
}

/** Years the app accepts for a scenario (and reads from data): earlier or later values are not years of this network. */
export const YEAR_RANGE = { min: 1900, max: 2100 } as const;

/**
 * Whether a record with `opening` exists in year `asOf` (the rule of the module comment).
 * A record without an opening is open.
 *
 * @param asOf - a calendar year, or null for "as the data stands"
 */
export function openIn(opening: Opening | undefined | null, asOf: number | null): boolean {
  if (!opening) return true;
  if (asOf === null) return opening.status === 'open';
  if (opening.status === 'open') return opening.year === null || opening.year <= asOf;
  return opening.year !== null && opening.year <= asOf;
}

/**
 * The year of a value as the data gives it: a number (2012), a date or partial date ("2009-12-26",
 * "2018-12", "2016"), or a date with a note ("2016 (basically built 2014)": the leading year).
 * Null for anything else, and for years outside {@link YEAR_RANGE}.
 */
export function yearOf(value: unknown): number | null {
  let year: number | null = null;
  if (typeof value === 'number' && Number.isInteger(value)) year = value;
  else if (typeof value === 'string') {
    const m = /^\s*(\d{4})(?:$|[-/\s(])/.exec(value);
    if (m) year = Number(m[1]);
  }
  return year !== null && year >= YEAR_RANGE.min && year <= YEAR_RANGE.max ? year : null;
}

/** The opening of a way from its OSM tags, and the class its rules and speed are read as. */
export interface OsmOpening extends Opening {
  /** The `highway` class to apply the road rules with: the way's own, or the class being built or planned. */
  highway: string | undefined;
}

/**
 * Reads a way's opening from its tags (see the module comment). `highway=construction` or
 * `highway=proposed` without a class (or with `construction=yes`) is returned with that value as
 * its class, which no profile keeps: without a class there is no speed to give it.
 */
export function osmOpening(tags: Readonly<Record<string, string>>): OsmOpening {
  const highway = tags['highway'];
  const year = yearOf(tags['opening_date']);
  if (highway === 'construction') return { status: 'construction', year, highway: tags['construction'] ?? highway };
  if (highway === 'proposed') return { status: 'planned', year, highway: tags['proposed'] ?? highway };
  return { status: 'open', year, highway };
}

/** Status code of the road graph's `edgeStatus` array. */
export function statusCode(status: OpeningStatus): number {
  return OPENING_STATUSES.indexOf(status);
}

/** The distinct years at which something opens, ascending: the years where a scenario can change. */
export function openingYears(openings: Iterable<Opening | undefined | null>): number[] {
  const years = new Set<number>();
  for (const o of openings) if (o && o.year !== null) years.add(o.year);
  return [...years].sort((a, b) => a - b);
}
