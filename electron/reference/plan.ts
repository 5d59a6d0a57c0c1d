/**
 * The plan's taxonomy (data/plan.json: its ten industries and their sub-lines, the prefectures'
 * focus industries), the ten industry presets (data/profile-presets.json) and the default tour
 * (data/tours/default-tour.json), parsed at start-up.
 */
import { z } from 'zod';
import type { PlanFocus } from '../../geo/index.ts';
import { Profile, TourStop, type Tour } from '../contract/api.ts';
import { readJson } from './read-json.ts';

const Named = z.object({ id: z.string().min(1), name_zh: z.string().min(1), name_en: z.string().min(1) });

export const PlanFile = z.looseObject({
  source: z.string().min(1),
  industries: z.array(Named.extend({ sublines: z.array(Named) }).loose()).min(1),
  prefectures: z.array(z.looseObject({ adcode: z.string(), focus_industries: z.array(z.string()), focus_sublines: z.array(z.string()) })),
});
export type Plan = z.output<typeof PlanFile>;

const PresetsFile = z.looseObject({ presets: z.array(Named.extend({ profile: Profile })) });
export type Preset = z.output<typeof PresetsFile>['presets'][number];

const TourFile = z.object({ id: z.string(), name_zh: z.string(), name_en: z.string(), stops: z.array(TourStop).min(1) });

export interface PlanData {
  plan: Plan;
  /** The plan's focus industries per prefecture, in the shape geo/scoring takes. */
  focus: PlanFocus;
  industryIds: ReadonlySet<string>;
  sublineIds: ReadonlySet<string>;
  presets: Preset[];
  defaultTour: Tour;
}

export function loadPlan(files: { plan: string; presets: string; tour: string }): PlanData {
  const plan = readJson(files.plan, PlanFile);
  return {
    plan,
    focus: { prefectures: plan.prefectures },
    industryIds: new Set(plan.industries.map((i) => i.id)),
    sublineIds: new Set(plan.industries.flatMap((i) => i.sublines.map((s) => s.id))),
    presets: readJson(files.presets, PresetsFile).presets,
    defaultTour: { ...readJson(files.tour, TourFile), builtIn: true },
  };
}
