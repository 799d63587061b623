import { describe, expect, it } from 'vitest';
import { magnitudeOf } from '../../../src/domain/figures/magnitude.ts';

describe('magnitudeOf', () => {
  it('tells the two readings of "20,207 tỷ" apart: about 20 billion against about 20 thousand billion', () => {
    expect(magnitudeOf(20.207, 'billion_vnd')).toEqual({ scale: 'billion', amount: 20, decimals: 0 });
    expect(magnitudeOf(20207, 'billion_vnd')).toEqual({ scale: 'thousandBillion', amount: 20, decimals: 0 });
  });

  it('counts money in đồng whatever the unit, other figures in their own unit', () => {
    expect(magnitudeOf(45200, 'million_vnd')).toEqual({ scale: 'billion', amount: 45, decimals: 0 });
    expect(magnitudeOf(1.5, 'million_vnd')).toEqual({ scale: 'million', amount: 1.5, decimals: 1 });
    expect(magnitudeOf(1502, 'people')).toEqual({ scale: 'thousand', amount: 1.5, decimals: 1 });
    expect(magnitudeOf(10.61, 'criteria')).toEqual({ scale: 'one', amount: 11, decimals: 0 });
    expect(magnitudeOf(0.5, 'criteria')).toEqual({ scale: 'one', amount: 0.5, decimals: 1 });
  });

  it('moves up a scale when rounding reaches it, and keeps the sign', () => {
    expect(magnitudeOf(999.96, 'billion_vnd')).toEqual({ scale: 'thousandBillion', amount: 1, decimals: 1 });
    expect(magnitudeOf(-2500, 'people')).toEqual({ scale: 'thousand', amount: -2.5, decimals: 1 });
    expect(magnitudeOf(Number.NaN, 'people')).toBeUndefined();
  });
});
