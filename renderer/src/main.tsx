import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { Language } from '../../electron/contract/api.ts';
import { queries } from './api/queries.ts';
import { createQueryClient } from './api/query-client.ts';
import { referenceSourceIds } from './features/layers/reference-layers.tsx';
import { App } from './app.tsx';
import { initI18n } from './i18n/index.ts';
import './styles.css';

async function start(): Promise<void> {
  // Once the main bundle has run: the e2e test checks that the first calls were sent before it (early-entry.ts).
  performance.mark('siteselect:main-start');
  const queryClient = createQueryClient();
  // What the first view needs, asked for at once rather than one after another as React mounts
  // (the page's first script sent the argument-less ones already: api/client.ts callEarly).
  void queryClient.prefetchQuery(queries.appInfo());
  // The reference layers' features as soon as the list is known, not when the map's overlays mount
  // (~200 ms later on a 2-core machine; issue 19's resource timings).
  void queryClient.fetchQuery(queries.layers()).then(
    (layers) => {
      for (const id of referenceSourceIds(layers)) void queryClient.prefetchQuery(queries.layerFeatures(id));
    },
    () => undefined, // the app shows the failure when it asks for the list itself
  );
  // The saved language, or Chinese when there is none (or the backend cannot be reached yet).
  const language: Language = await queryClient.fetchQuery(queries.settings()).then(
    (s) => s.language,
    () => 'zh',
  );
  await initI18n(language);
  const root = document.getElementById('root');
  if (!root) throw new Error('#root missing from index.html');
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <App initialLanguage={language} />
      </QueryClientProvider>
    </StrictMode>,
  );
}

void start();
