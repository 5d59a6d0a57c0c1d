/**
 * Guided tours for presentation mode: the default tour shipped with the app (read-only) and the
 * tours an agent authors, stored in the project.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { TourStop, type Tour } from '../contract/api.ts';
import type { TourRow } from '../db/tour-store.ts';
import { NotFoundError, UserInputError } from '../errors.ts';
import type { Context, Handlers } from './context.ts';

const Stops = z.array(TourStop).min(1);

/** The stored tour, or why it cannot be read. */
function readTour(r: TourRow): Tour | { problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(r.stops);
  } catch {
    return { problem: 'its stops are not JSON' };
  }
  const stops = Stops.safeParse(value);
  if (!stops.success) return { problem: `its stops are not valid: ${stops.error.issues.map((i) => i.message).join('; ')}` };
  return { id: r.id, name_zh: r.name_zh, name_en: r.name_en, builtIn: false, stops: stops.data };
}

/** Why a stored tour cannot be read, or null. */
export const tourProblem = (r: TourRow): string | null => {
  const t = readTour(r);
  return 'problem' in t ? t.problem : null;
};

const toTour = (r: TourRow): Tour => {
  const t = readTour(r);
  if ('problem' in t) throw new UserInputError(`tour "${r.name_zh}" cannot be read: ${t.problem}`);
  return t;
};

function stored(ctx: Context, id: string): TourRow {
  const row = ctx.stores.tours.get(id);
  if (row) return row;
  if (id === ctx.reference.plan.defaultTour.id)
    throw new UserInputError('the default tour ships with the app and cannot be changed; save a copy under a new name');
  throw new NotFoundError(`no tour with id "${id}"`);
}

function listTours(ctx: Context): Tour[] {
  // A tour that cannot be read is left out (appInfo reports it).
  return [
    ctx.reference.plan.defaultTour,
    ...ctx.stores.tours.list().flatMap((r) => {
      const t = readTour(r);
      return 'problem' in t ? [] : [t];
    }),
  ];
}

function saveTour(
  ctx: Context,
  { id, name_zh, name_en, stops }: { id?: string | undefined; name_zh: string; name_en: string; stops: TourStop[] },
): Tour {
  const row = { id: id ?? `tour-${randomUUID()}`, name_zh, name_en, stops: JSON.stringify(stops) };
  if (id === undefined) ctx.stores.tours.insert(row);
  else {
    stored(ctx, id);
    ctx.stores.tours.update(row);
  }
  return toTour(stored(ctx, row.id));
}

function deleteTour(ctx: Context, { id }: { id: string }) {
  if (id === ctx.reference.plan.defaultTour.id) throw new UserInputError('the default tour ships with the app and cannot be deleted');
  return { deleted: ctx.stores.tours.remove(id) };
}

export const tourHandlers = { listTours, saveTour, deleteTour } satisfies Handlers<'listTours' | 'saveTour' | 'deleteTour'>;
