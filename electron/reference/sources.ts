/** The sources registry (data/sources.json): every source the shipped data cites by id, with its licence and any required notice. */
import { z } from 'zod';
import type { RegistrySource } from '../contract/api.ts';
import { readJson } from './read-json.ts';

const Entry = z.looseObject({
  id: z.string().min(1),
  title: z.string().min(1),
  publisher: z.string().nullish(),
  date: z.string().nullish(),
  citation: z.string().min(1),
  licence: z.string().min(1),
  attribution: z.string().nullish(),
  note: z.string().nullish(),
});
const SourcesFile = z.looseObject({ sources: z.array(Entry).min(1) });

export function loadSources(file: string): RegistrySource[] {
  return readJson(file, SourcesFile).sources.map((s) => ({
    id: s.id,
    title: s.title,
    publisher: s.publisher ?? null,
    date: s.date ?? null,
    citation: s.citation,
    licence: s.licence,
    attribution: s.attribution ?? null,
    note: s.note ?? null,
  }));
}
