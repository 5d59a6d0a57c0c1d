/** Which layers and sub-kinds are switched off in the layer panel, and the basemap style layers that follow. */
import { useCallback, useMemo, useState } from 'react';
import type { HiddenSubkinds } from '../features/layers/reference-layers.tsx';
import { BASEMAP_LAYER_GROUPS } from '../features/layers/layer-panel.tsx';

export function useLayerVisibility() {
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const [hiddenSubkinds, setHiddenSubkinds] = useState<HiddenSubkinds>({});
  const hiddenStyleLayers = useMemo(() => new Set([...hidden].flatMap((id) => BASEMAP_LAYER_GROUPS[id] ?? [])), [hidden]);
  const toggle = useCallback((id: string, visible: boolean) => {
    setHidden((prev) => {
      const next = new Set(prev);
      if (visible) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);
  const toggleSubkind = useCallback((layerId: string, subkind: string, visible: boolean) => {
    setHiddenSubkinds((prev) => {
      const next = new Set(prev[layerId] ?? []);
      if (visible) next.delete(subkind);
      else next.add(subkind);
      return { ...prev, [layerId]: next };
    });
  }, []);
  return { hidden, setHidden, hiddenSubkinds, hiddenStyleLayers, toggle, toggleSubkind };
}
