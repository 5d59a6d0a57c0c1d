import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const EARLY_ENTRY = 'src/early-entry.ts';

/**
 * The page's first script, a separate tiny entry (renderer/src/early-entry.ts): it starts MapLibre's
 * tile worker and the first API calls while the main bundle downloads. Vite would merge a second
 * module script of index.html into the main bundle, so the tag is added here, ahead of it.
 */
function earlyEntryScript(): Plugin {
  return {
    name: 'siteselect-early-entry',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const chunk = ctx.bundle && Object.values(ctx.bundle).find((c) => c.type === 'chunk' && c.isEntry && c.name === 'early');
        const src = chunk ? `./${chunk.fileName}` : ctx.server ? `/${EARLY_ENTRY}` : null;
        if (!src) throw new Error('early entry missing from the bundle');
        // Before the first module script (module scripts run in document order), after the CSP meta.
        const at = html.indexOf('<script type="module"');
        if (at < 0) throw new Error('index.html has no module script to put the early script before');
        return `${html.slice(0, at)}<script type="module" crossorigin src="${src}"></script>\n    ${html.slice(at)}`;
      },
    },
  };
}

// The renderer is served from the app's own origin in both editions (siteselect://app/ in
// Electron, http://127.0.0.1:PORT/ in the browser edition), so relative asset URLs work in both.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), earlyEntryScript()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      input: { index: 'renderer/index.html', early: `renderer/${EARLY_ENTRY}` },
    },
  },
});
