import { describe, expect, it } from 'vitest';
import { changeText } from './gap-analysis.tsx';

const t = (k: string, o?: Record<string, unknown>) => (o ? `${k}:${JSON.stringify(o)}` : k);

describe('changeText', () => {
  it('prints both ends as the ranking does when they differ', () => {
    expect(changeText(2_197_000, 2_400_000, 'persons', t, 'zh')).toEqual({
      from: 'access.people:{"value":"219.7"}',
      to: 'access.people:{"value":"240.0"}',
    });
  });
  it('adds the exact difference when rounding makes the ends look equal', () => {
    const { from, to } = changeText(2_197_000, 2_197_312, 'persons', t, 'zh');
    expect(from).toBe('access.people:{"value":"219.7"}');
    expect(to).toBe('gap.exactDelta:{"value":"access.people:{\\"value\\":\\"219.7\\"}","delta":"+312"}');
    expect(changeText(30.2, 29.9, 'min', t, 'en').to).toContain('"delta":"−0.3"');
  });
});
