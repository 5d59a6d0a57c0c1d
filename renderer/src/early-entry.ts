// The page's first script (added ahead of the main bundle by vite.config.ts), and tiny: while the
// main bundle downloads, it starts MapLibre's tile worker for the map to adopt
// (components/map/early-worker.ts), fetches the first view's recorded label glyphs
// (components/map/label-glyphs.ts) and sends the calls the first view starts with (api/client.ts).
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { callEarly } from './api/client.ts';
import { startEarlyWorker } from './components/map/early-worker.ts';
import labelGlyphsUrl from './components/map/label-glyphs.sdf.gz?url';
import { startLabelGlyphs } from './components/map/label-glyphs.ts';

startEarlyWorker(workerUrl);
startLabelGlyphs(labelGlyphsUrl);
callEarly(['getSettings', 'appInfo', 'listLayers']);
