/**
 * JSON.parse, except that id fields given as bare numbers come back as strings. Zalo's ids are
 * opaque strings in every capture (`6ede9afa66b88fe6d6a9`), but getMe's bot id looks numeric
 * (`1459232241454765289`) and is past 2^53: should any id ever arrive unquoted, parsing it as a number
 * would silently change it. The lookbehind skips `\"id\"` inside a string value.
 */
const BARE_ID = /(?<!\\)"(id|message_id|chat_id)"(\s*):(\s*)(-?\d+)/g;

export function parseZaloJson(text: string): unknown {
  return JSON.parse(text.replace(BARE_ID, '"$1"$2:$3"$4"')) as unknown;
}

/** The value as an id string, or undefined when it is neither a non-empty string nor a number. */
export function idOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value.length > 0 ? value : undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}
