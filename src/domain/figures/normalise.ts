/**
 * First pass over a typed figure: make what phones and office software produce look like plain
 * ASCII, then cut it into sign, number(s) and the unit text, without deciding what they mean yet.
 */
import { isRatioConnector } from './vocabulary.ts';

/** Longer messages are refused unread: a figure is never that long, and parsing must stay cheap. */
export const MAX_FIGURE_LENGTH = 200;

const FULL_WIDTH_START = 0xff01;
const FULL_WIDTH_END = 0xff5e;
const FULL_WIDTH_OFFSET = 0xff01 - 0x21;

/**
 * NFC, full-width forms (Vietnamese IMEs on some phones type "５１，６％") to ASCII, the minus sign
 * U+2212 to "-", every Unicode space (NBSP, narrow NBSP and thin space come from Word and Excel
 * copies) to an ASCII space, then trim and collapse.
 */
export function normaliseFigureText(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= FULL_WIDTH_START && code <= FULL_WIDTH_END) out += String.fromCodePoint(code - FULL_WIDTH_OFFSET);
    else if (code === 0x2212) out += '-';
    // \s covers NBSP, U+2000–U+200A, U+202F, U+3000 and BOM; zero-width spaces are not in \s but
    // split words the same way when pasted.
    else if (/\s/.test(ch) || code === 0x200b || code === 0x2060) out += ' ';
    else out += ch;
  }
  return out.replace(/ +/g, ' ').trim();
}

/** A figure cut into its parts; the number tokens hold only digits, ".", "," and single spaces. */
export interface FigureParts {
  negative: boolean;
  first: string;
  /** The denominator, when the text is a ratio ("62/127", "62 trên 127"). */
  second?: string;
  /** What follows the number(s): "%", "tỷ đồng", "xã"… or "" */
  unitText: string;
}

// A space belongs to a number only when a digit follows it ("20 207"); the grouping is checked later.
const NUMBER_TOKEN = /^\d[\d.,]*(?: \d[\d.,]*)*/;
const SIGN = /^([+-]) ?/;
// A connector is "/" or one word, followed by the digits of the denominator.
const CONNECTOR = /^(\/|[^\d\s/]+) ?(?=\d)/;

/** Cuts a normalised figure into parts, or undefined when it does not start with a number. */
export function splitFigure(text: string): FigureParts | undefined {
  let rest = text;
  let negative = false;
  const sign = SIGN.exec(rest);
  if (sign) {
    negative = sign[1] === '-';
    rest = rest.slice(sign[0].length);
  }
  const first = NUMBER_TOKEN.exec(rest)?.[0];
  if (first === undefined) return undefined;
  rest = rest.slice(first.length).trimStart();
  const connector = CONNECTOR.exec(rest);
  if (connector?.[1] !== undefined && isRatioConnector(connector[1])) {
    rest = rest.slice(connector[0].length);
    const second = NUMBER_TOKEN.exec(rest)?.[0] ?? '';
    return { negative, first, second, unitText: rest.slice(second.length).trim() };
  }
  return { negative, first, unitText: rest };
}
