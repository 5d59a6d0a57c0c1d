/** The tour being presented, if any. Opened with #present (after a crash in Electron, or a kiosk shortcut): straight into the default tour. */
import { useEffect, useState } from 'react';
import type { Settings, Tour } from '../../../electron/contract/api.ts';
import { useLoaders } from '../api/queries.ts';

export interface Presenting {
  tour: Tour;
  settings: Settings;
}

export function usePresenting() {
  const [presenting, setPresenting] = useState<Presenting | null>(null);
  const load = useLoaders();
  useEffect(() => {
    if (window.location.hash !== '#present') return;
    void Promise.all([load.tours(), load.settings()]).then(
      ([tours, settings]) => tours[0] && setPresenting({ tour: tours[0], settings }),
      () => undefined,
    );
  }, [load]);
  return { presenting, setPresenting };
}
