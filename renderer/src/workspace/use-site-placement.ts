/**
 * Placing a candidate site: the panel names it, the next map click places it, the ranking is run
 * again when there is one, and the new site is chosen.
 */
import { useCallback, useState } from 'react';
import { useAddCandidateSite } from '../api/mutations.ts';
import type { Scoring } from '../features/scoring/use-scoring.ts';

export function useSitePlacement(scoring: Scoring, onPlaced: (siteId: string) => void) {
  /** The name of the site waiting for its map click. */
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const addSite = useAddCandidateSite().mutateAsync;
  const hasResult = scoring.state.result !== null;
  const rerun = scoring.run;
  const place = useCallback(
    async (name: string, at: [number, number]) => {
      setPending(null);
      setError(null);
      try {
        const site = await addSite({ name, position: at });
        onPlaced(site.id);
        if (hasResult) await rerun();
      } catch (e) {
        setError((e as Error).message);
      }
    },
    [addSite, onPlaced, hasResult, rerun],
  );
  return { pending, setPending, error, place };
}
