import { describe, expect, it } from 'vitest';
import { broadcastNews, quarterOf } from '../../src/domain/broadcast.ts';

const t = (seconds: number) => new Date(Date.UTC(2023, 5, 12, 2, 0, seconds));

describe('what a broadcast in flight has to tell', () => {
  it('counts quarters down, never past the fourth', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8].map((n) => quarterOf(n, 8))).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4]);
    expect(quarterOf(1, 3)).toBe(1);
    expect(quarterOf(2, 3)).toBe(2);
    expect(quarterOf(0, 0)).toBe(4);
  });

  it('lines: news only when a new quarter is reached; the end is the summary', () => {
    const at = t(0);
    expect(broadcastNews({ recipients: 100, settled: 24, told: 0 }, 'quarters', at)).toBe('none');
    expect(broadcastNews({ recipients: 100, settled: 25, told: 0 }, 'quarters', at)).toBe('progress');
    expect(broadcastNews({ recipients: 100, settled: 49, told: 25 }, 'quarters', at)).toBe('none');
    expect(broadcastNews({ recipients: 100, settled: 99, told: 25 }, 'quarters', at)).toBe('progress');
    expect(broadcastNews({ recipients: 100, settled: 100, told: 99 }, 'quarters', at)).toBe('finished');
  });

  it('edits: news when something changed and three seconds have passed since the last', () => {
    const told = { recipients: 100, told: 10, toldAt: t(10) };
    expect(broadcastNews({ ...told, settled: 11 }, 'edit', t(12))).toBe('none');
    expect(broadcastNews({ ...told, settled: 11 }, 'edit', t(13))).toBe('progress');
    expect(broadcastNews({ ...told, settled: 10 }, 'edit', t(30))).toBe('none');
    expect(broadcastNews({ ...told, settled: 100 }, 'edit', t(10))).toBe('finished');
    expect(broadcastNews({ recipients: 100, settled: 1, told: 0 }, 'edit', t(0))).toBe('progress');
  });
});
