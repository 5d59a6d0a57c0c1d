/**
 * Presentation mode shows exactly the reference layers each tour stop names; the layers shown
 * before it started come back when it ends.
 */
import { useCallback, useRef, type Dispatch, type SetStateAction } from 'react';

export function usePresentationLayers(setHidden: Dispatch<SetStateAction<ReadonlySet<string>>>, referenceIds: readonly string[]) {
  const hiddenBefore = useRef<ReadonlySet<string> | null>(null);
  const showOnly = useCallback(
    (ids: readonly string[]) =>
      setHidden((prev) => {
        hiddenBefore.current ??= prev;
        const next = referenceIds.filter((id) => !ids.includes(id));
        // Same layers as now: keep the same set, so nothing re-renders.
        return next.length === prev.size && next.every((id) => prev.has(id)) ? prev : new Set(next);
      }),
    [referenceIds, setHidden],
  );
  const restore = useCallback(() => {
    if (hiddenBefore.current) setHidden(hiddenBefore.current);
    hiddenBefore.current = null;
  }, [setHidden]);
  return { showOnly, restore };
}
