/**
 * Guided tours for presentation mode: the default tour shipped with the app (read-only) and the
 * tours an agent authors, stored in the project (`tours`, migration 0005).
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { TourStop, type Api, type Tour } from '../contract/api.ts';
import type { HandlerDeps } from './deps.ts';
import { ApiError } from './errors.ts';

const TourFile = z.object({ id: z.string(), name_zh: z.string(), name_en: z.string(), stops: z.array(TourStop).min(1) });

export function tourHandlers(deps: HandlerDeps): Pick<Api, 'listTours' | 'saveTour' | 'deleteTour'> {
  const builtIn: Tour = { ...TourFile.parse(JSON.parse(readFileSync(deps.files.tour, 'utf8'))), builtIn: true };
  const db = deps.userDb;
  type Row = { id: string; name_zh: string; name_en: string; stops: string };
  const toTour = (r: Row): Tour => ({
    id: r.id,
    name_zh: r.name_zh,
    name_en: r.name_en,
    builtIn: false,
    stops: z.array(TourStop).parse(JSON.parse(r.stops)),
  });
  const get = (id: string): Row => {
    const row = db.prepare('SELECT id, name_zh, name_en, stops FROM tours WHERE id = ?').get(id) as Row | undefined;
    if (!row)
      throw new ApiError(
        id === builtIn.id ? 'BAD_ARGUMENT' : 'NOT_FOUND',
        id === builtIn.id
          ? 'the default tour ships with the app and cannot be changed; save a copy under a new name'
          : `no tour with id "${id}"`,
      );
    return row;
  };
  return {
    listTours: () => [
      builtIn,
      ...(db.prepare('SELECT id, name_zh, name_en, stops FROM tours WHERE project_id = 1 ORDER BY created_at, id').all() as Row[]).map(
        toTour,
      ),
    ],
    saveTour({ id, name_zh, name_en, stops }) {
      if (id === undefined) {
        const newId = `tour-${randomUUID()}`;
        db.prepare('INSERT INTO tours (id, project_id, name_zh, name_en, stops) VALUES (?, 1, ?, ?, ?)').run(
          newId,
          name_zh,
          name_en,
          JSON.stringify(stops),
        );
        return toTour(get(newId));
      }
      get(id);
      db.prepare(
        "UPDATE tours SET name_zh = ?, name_en = ?, stops = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?",
      ).run(name_zh, name_en, JSON.stringify(stops), id);
      return toTour(get(id));
    },
    deleteTour({ id }) {
      if (id === builtIn.id) throw new ApiError('BAD_ARGUMENT', 'the default tour ships with the app and cannot be deleted');
      return { deleted: db.prepare('DELETE FROM tours WHERE id = ?').run(id).changes > 0 };
    },
  };
}
