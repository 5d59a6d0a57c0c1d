import type { Bridge } from '../../electron/contract/api.ts';
// Declares the page's `__siteselectLabelGlyphs` (read by the label-glyph test).
import type {} from '../../renderer/src/components/map/label-glyphs.ts';
declare global {
  interface Window {
    siteselect?: Bridge;
  }
}
export {};
