/** What is chosen on the map: a reference feature (its info card) and a ranked candidate. */
import { useCallback, useState } from 'react';
import type { SelectedFeature } from '../features/layers/reference-layers.tsx';

export function useMapSelection(options: { onFeature(): void }) {
  const { onFeature } = options;
  const [feature, setFeature] = useState<SelectedFeature | null>(null);
  const [candidate, setCandidate] = useState<string | null>(null);
  /** A feature's card replaces the clicked point's travel times. */
  const selectFeature = useCallback(
    (f: SelectedFeature | null) => {
      onFeature();
      setFeature(f);
    },
    [onFeature],
  );
  const clearFeature = useCallback(() => setFeature(null), []);
  return { feature, selectFeature, clearFeature, candidate, setCandidate };
}
