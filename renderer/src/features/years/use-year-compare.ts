/**
 * Whether the two-network comparison is open, and on which pair. A small store rather than props:
 * the comparison opens from the year slider, the ranking and the park comparison, which sit in
 * different parts of the window, and the workspace shows it.
 */
import { useSyncExternalStore } from 'react';
import type { CompareNetworksArgs } from '../../../../electron/contract/api.ts';

export type Side = CompareNetworksArgs['a'];
export interface YearCompareRequest {
  a: Side;
  b: Side;
}

/** The example: what the lines planned for the next five years change. */
export const DEFAULT_PAIR: YearCompareRequest = { a: { asOf: 2025 }, b: { asOf: 2030 } };
/** The same park on the shipped schematic network and on the imported extract, each as its data stands. */
export const NETWORKS_PAIR: YearCompareRequest = { a: { network: 'schematic', asOf: null }, b: { network: 'osm', asOf: null } };

let current: YearCompareRequest | null = null;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

export function openYearCompare(pair: YearCompareRequest = DEFAULT_PAIR): void {
  current = pair;
  emit();
}

export function closeYearCompare(): void {
  current = null;
  emit();
}

function subscribe(l: () => void) {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** The pair asked for, or null while the comparison is closed. */
export function useYearCompareRequest(): YearCompareRequest | null {
  return useSyncExternalStore(
    subscribe,
    () => current,
    () => null,
  );
}
