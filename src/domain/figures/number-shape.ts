/**
 * The shape of one number token (digits, ".", "," and single spaces): which of the accepted forms it
 * is (domain.md, "Figures in chat"), and its readings when the form alone cannot decide.
 * Digits are kept as strings so that a conversion between money units only moves the decimal point
 * and the value stays exactly what was typed.
 */

/** A decimal number as typed, without separators: `int`.`frac`. */
export interface Digits {
  int: string;
  frac: string;
}

export type ShapeErrorKey = 'notANumber' | 'badGrouping' | 'mixedSeparators';

export type NumberShape =
  | { type: 'exact'; digits: Digits; englishDecimal: boolean }
  /** "20.207": thousands (20207) or an English decimal point (20.207). */
  | { type: 'dot_three'; thousands: Digits; decimal: Digits }
  /** "20,207": a Vietnamese decimal comma (20.207) or English thousands (20207). */
  | { type: 'comma_three'; decimal: Digits; thousands: Digits }
  | { type: 'error'; key: ShapeErrorKey };

const error = (key: ShapeErrorKey): NumberShape => ({ type: 'error', key });
const exact = (int: string, frac: string, englishDecimal = false): NumberShape => ({
  type: 'exact',
  digits: { int, frac },
  englishDecimal,
});

/** Thousands groups: a first group of 1–3 digits with no leading zero, then groups of exactly 3. */
function validGroups(groups: readonly string[]): boolean {
  return groups.every((g, i) => (i === 0 ? /^[1-9]\d{0,2}$/.test(g) : /^\d{3}$/.test(g)));
}

/** Could `int` be the first group of a thousands-grouped number? ("0.234" cannot: it is 0,234.) */
const canLeadGroups = (int: string): boolean => /^[1-9]\d{0,2}$/.test(int);

function count(text: string, ch: string): number {
  return text.split(ch).length - 1;
}

function spaceGrouped(token: string): NumberShape {
  if (token.includes('.')) return error('mixedSeparators');
  const groups = token.split(' ');
  const last = groups.pop() ?? '';
  const [lastInt = '', frac = '', ...more] = last.split(',');
  if (more.length > 0 || groups.some((g) => g.includes(','))) return error('badGrouping');
  if (!validGroups([...groups, lastInt])) return error('badGrouping');
  // With spaces grouping thousands, a comma can only be the decimal mark, whatever follows it.
  return exact(groups.join('') + lastInt, frac);
}

export function parseNumberToken(token: string): NumberShape {
  // Separators must sit between digits: "51,", "1..2", "1,.5" are not numbers.
  if (!/^\d/.test(token) || !/\d$/.test(token) || /[., ][., ]/.test(token)) return error('notANumber');
  if (token.includes(' ')) return spaceGrouped(token);
  const dots = count(token, '.');
  const commas = count(token, ',');
  if (commas > 1) return error(dots > 0 ? 'mixedSeparators' : 'badGrouping');
  if (dots > 0 && commas === 1) {
    // Only the Vietnamese form is accepted: dot groups, then one decimal comma ("1.234,5").
    const [int = '', frac = ''] = token.split(',');
    if (frac.includes('.') || !validGroups(int.split('.'))) return error('mixedSeparators');
    return exact(int.replace(/\./g, ''), frac);
  }
  if (dots > 1) {
    const groups = token.split('.');
    return validGroups(groups) ? exact(groups.join(''), '') : error('badGrouping');
  }
  if (dots === 1) {
    const [int = '', frac = ''] = token.split('.');
    if (frac.length === 3 && canLeadGroups(int)) {
      return { type: 'dot_three', thousands: { int: int + frac, frac: '' }, decimal: { int, frac } };
    }
    return exact(int, frac, true);
  }
  if (commas === 1) {
    const [int = '', frac = ''] = token.split(',');
    if (frac.length === 3 && canLeadGroups(int)) {
      return { type: 'comma_three', decimal: { int, frac }, thousands: { int: int + frac, frac: '' } };
    }
    return exact(int, frac);
  }
  return exact(token, '');
}

/** The digits multiplied by 10^shift (a money conversion moves the decimal point only). */
export function shiftDigits(d: Digits, shift: number): Digits {
  const all = d.int + d.frac;
  const point = d.int.length + shift;
  if (point <= 0) return { int: '0', frac: '0'.repeat(-point) + all };
  if (point >= all.length) return { int: all + '0'.repeat(point - all.length), frac: '' };
  return { int: all.slice(0, point), frac: all.slice(point) };
}

/** Whole when every decimal typed is zero; decided on the digits, not on a rounded double. */
export function isWhole(d: Digits): boolean {
  return /^0*$/.test(d.frac);
}

export function digitsValue(d: Digits): number {
  return Number(`${d.int}.${d.frac || '0'}`);
}
