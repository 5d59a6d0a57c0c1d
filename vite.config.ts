import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is served from the app's own origin in both editions (siteselect://app/ in
// Electron, http://127.0.0.1:PORT/ in the browser edition), so relative asset URLs work in both.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
  },
});
