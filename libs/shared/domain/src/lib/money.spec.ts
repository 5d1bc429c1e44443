import { assertCents, formatEuros, parseEuros, sumCents } from './money';

describe('money', () => {
  it('formats cents the French way, with narrow no-break spaces', () => {
    expect(formatEuros(123450)).toBe('1\u202f234,50\u00a0€');
    expect(formatEuros(5)).toBe('0,05\u00a0€');
    expect(formatEuros(-1999)).toBe('-19,99\u00a0€');
  });

  it('formats cents the British way for the English pages', () => {
    expect(formatEuros(123450, 'en-GB')).toBe('€1,234.50');
    expect(formatEuros(123450)).toBe('1\u202f234,50\u00a0€');
  });

  it('refuses amounts that are not whole cents', () => {
    expect(() => formatEuros(12.5)).toThrow(RangeError);
    expect(() => assertCents(Number.NaN)).toThrow(RangeError);
  });

  it('parses what a person types', () => {
    expect(parseEuros('12,50')).toBe(1250);
    expect(parseEuros('1 234,5 €')).toBe(123450);
    expect(parseEuros('0.07')).toBe(7);
    expect(parseEuros('-3')).toBe(-300);
    expect(parseEuros('12,505')).toBeNull();
    expect(parseEuros('douze')).toBeNull();
  });

  it('adds exactly where floats would not', () => {
    expect(sumCents([10, 20])).toBe(30);
    expect(0.1 + 0.2).not.toBe(0.3);
  });
});
