import { afterAll, describe, expect, it } from 'vitest';
import type { LayerFeature } from '../../data/schema/layers.ts';
import { callOk, tempBackend } from '../testing/temp-backend.ts';
import { openingOf, statusOf } from './zone-input.ts';

const backend = tempBackend();
afterAll(() => backend.dispose());

const UNBUILT = ['port-hengyang-baishazhou-wenjiaping', 'port-hengyang-hengdong-dapu'];

describe('opening of a reference feature', () => {
  it('reads only "open" (or no status) as open; anything else is not evidence that the facility exists', () => {
    expect(statusOf(undefined)).toBe('open');
    expect(statusOf(null)).toBe('open');
    expect(statusOf('open')).toBe('open');
    expect(statusOf('construction')).toBe('construction');
    expect(statusOf('planned')).toBe('planned');
    expect(statusOf('approved 2025, not built (as of source)')).toBe('planned');
    const f = (props: Record<string, unknown>) => ({ properties: { id: 'x', ...props } }) as unknown as LayerFeature;
    expect(openingOf(f({}))).toBeUndefined();
    expect(openingOf(f({ opened: '2016 (basically built 2014)' }))).toEqual({ status: 'open', year: 2016 });
    // No year is invented for an unbuilt facility: unknown stays unknown.
    expect(openingOf(f({ status: 'planned' }))).toEqual({ status: 'planned', year: null });
  });

  it('keeps the two unbuilt Hengyang ports out of the network in every year, with the source wording kept', async () => {
    const ports = backend.reference.layers.get('ports')?.collection.features ?? [];
    for (const id of UNBUILT) {
      const port = ports.find((p) => p.properties.id === id);
      expect(port?.properties['status']).toBe('planned');
      expect(port?.properties['status_source']).toMatch(/\(as of source\)$/);
      expect(openingOf(port as LayerFeature)).toEqual({ status: 'planned', year: null });
    }
    const service = backend.context.network;
    for (const asOf of [null, 2025, 2030, 2100]) {
      const places = service.travel({ asOf }).places();
      expect(places.some((p) => p.id === 'port-hengyang-songmu')).toBe(true);
      for (const id of UNBUILT) expect(places.some((p) => p.id === id)).toBe(false);
    }
    expect(service.networkFor().nodes.some((n) => UNBUILT.includes(n.id))).toBe(false);
    // A click beside the Baishazhou site is sent to the built port (Songmu), not to the one still planned.
    const t = await callOk<{ facilities: { port: { id: string } | null } }>(backend, 'travelTimes', { from: [112.615, 26.898] });
    expect(t.facilities.port?.id).toBe('port-hengyang-songmu');
    // Counted as closed where the network says how many of its records a year leaves out.
    expect(service.travel({ asOf: null }).closed).toBeGreaterThanOrEqual(1);
  });
});
