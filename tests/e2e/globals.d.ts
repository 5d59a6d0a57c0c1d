import type { Bridge } from '../../electron/contract/api.ts';
declare global {
  interface Window {
    siteselect?: Bridge;
  }
}
export {};
