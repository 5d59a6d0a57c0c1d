/** Guided tours for presentation mode: the default one shipped with the app and the agents' own. */
import { z } from 'zod';
import { Deleted, IdArg, NoArgs, UserName } from './common.ts';
import { method } from './define.ts';

/** One stop of a guided tour: where the camera goes, what is shown and highlighted, the caption. */
export const TourStop = z
  .object({
    center: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]),
    zoom: z.number().min(0).max(22),
    bearing: z.number().min(-360).max(360).default(0),
    pitch: z.number().min(0).max(85).default(0),
    /** Reference layer ids shown at this stop (the others are hidden); empty: leave as they are. */
    layers: z.array(z.string().min(1)).default([]),
    /** Feature ids highlighted at this stop. */
    highlight: z.array(z.string().min(1)).default([]),
    caption_zh: z.string().trim().min(1).max(300),
    caption_en: z.string().trim().min(1).max(400),
    /** Seconds the stop stays on screen when the tour plays by itself. */
    seconds: z.number().int().min(3).max(120).default(10),
  })
  .strict();
export const Tour = z.object({
  id: z.string(),
  name_zh: z.string(),
  name_en: z.string(),
  builtIn: z.boolean(),
  stops: z.array(TourStop).min(1),
});
export type Tour = z.infer<typeof Tour>;
export type TourStop = z.infer<typeof TourStop>;

export const TOUR_METHODS = {
  listTours: method(NoArgs, z.array(Tour)),
  saveTour: method(
    z
      .object({
        id: z.string().min(1).optional(),
        name_zh: UserName,
        name_en: UserName,
        stops: z.array(TourStop).min(1, 'a tour needs at least one stop').max(50),
      })
      .strict(),
    Tour,
    { writes: true },
  ),
  deleteTour: method(IdArg, Deleted, { writes: true }),
};
