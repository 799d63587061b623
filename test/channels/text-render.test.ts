import { describe, expect, it } from 'vitest';
import { splitText } from '../../src/channels/text-render.ts';

describe('splitText', () => {
  it('keeps whole lines and never cuts an emoji in half', () => {
    expect(splitText('a\nb', 10)).toEqual(['a\nb']);
    expect(splitText('aaaa\nbbbb', 6)).toEqual(['aaaa', 'bbbb']);
    const long = `${'x'.repeat(5)}😀${'y'.repeat(5)}`;
    const parts = splitText(long, 6);
    expect(parts.join('')).toBe(long);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(6);
    expect(parts.some((p) => p.includes('😀'))).toBe(true);
  });
});

describe('splitText at a limit of one unit', () => {
  it('ends even where a surrogate pair must be cut (moving the cut back to 0 would loop for ever)', () => {
    expect(splitText('😀a', 1).join('')).toBe('😀a');
    expect(splitText('😀a', 1)).toHaveLength(3);
  });
});
