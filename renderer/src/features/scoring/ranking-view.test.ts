import { describe, expect, it } from 'vitest';
import { formatRaw } from './ranking-view.tsx';

const t = (k: string, o?: Record<string, unknown>) => (o ? `${k}:${JSON.stringify(o)}` : k);

describe('formatRaw', () => {
  it('marks a value on a stand-in with ≈ and says unknown for null', () => {
    expect(formatRaw(42.4, 'min', t, 'zh', true)).toBe('≈ access.min:{"m":42}');
    expect(formatRaw(42.4, 'min', t, 'zh', false)).toBe('access.min:{"m":42}');
    expect(formatRaw(null, 'min', t, 'zh', true)).toBe('info.unknown');
  });

  it('never shows 0 minutes between two stand-ins as if it were measured', () => {
    expect(formatRaw(0, 'min', t, 'zh', true)).toBe('scoring.sameSeat');
    // A measured 0 (an exact site on an interchange) is still a time.
    expect(formatRaw(0, 'min', t, 'zh', false)).toBe('access.min:{"m":0}');
  });
});
