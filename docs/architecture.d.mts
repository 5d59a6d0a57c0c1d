/** Types of docs/architecture.mjs (plain JavaScript, so eslint.config.js can import it). */
export interface Room {
  path: string;
  runsIn: string;
  mayImport: string[];
  packages: string;
  bannedPackages?: string[];
  why: string;
}
export const NODE_BUILTINS: string[];
export const ROOMS: Room[];
export const TYPE_ONLY: Record<string, string>;
export function roomPath(entry: string): string;
export function renderTable(): string;
