import type { Deserialize, DeserializedData, Serialize } from 'keyv';

/**
 * keyv's own text format, written and read faster where that is provably the same text. keyv 5
 * serializes with a recursive function that builds the JSON string piece by piece and prefixes a
 * string starting with ':' with another ':' (Buffers become ':base64:…'); it parses with a reviver
 * that undoes both. On a session (plain objects, arrays, strings, numbers, booleans) that cost a tenth
 * of an update's CPU (npm run bench). Here:
 * - writing: a value made only of plain objects, arrays without holes or extra properties, strings
 *   that do not start with ':', numbers, booleans, null and undefined gives the same text with
 *   `JSON.stringify`; anything else (a Buffer, a Date, a function, a string starting with ':') goes to
 *   keyv's serializer;
 * - reading: `JSON.parse` without a reviver gives the same value unless some string starts with ':';
 *   then keyv's deserializer reads the text.
 * So the stored text is byte for byte keyv's, and rows written before are read as before.
 */
export function fastKeyvCodec(keyv: { serialize: Serialize; deserialize: Deserialize }): {
  serialize: Serialize;
  deserialize: Deserialize;
} {
  return {
    serialize: (data) => (isPlainObject(data) && plainValues(data, 0) ? JSON.stringify(data) : keyv.serialize(data)),
    deserialize: <Value>(text: string) => {
      const parsed: unknown = JSON.parse(text);
      return hasColonString(parsed, 0)
        ? keyv.deserialize<Value>(text)
        : (parsed as DeserializedData<Value> | undefined);
    },
  };
}

/** Deeper than this, keyv's own functions decide (they are recursive too). */
const MAX_DEPTH = 64;

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** True when every value inside `object` serializes the same with JSON.stringify as with keyv. */
function plainValues(object: object, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  // keyv calls any `toJSON` it finds, callable or not: leave such objects to it.
  if ('toJSON' in object) return false;
  if (Array.isArray(object) && !denseArray(object)) return false;
  for (const value of Array.isArray(object) ? (object as unknown[]) : Object.values(object)) {
    switch (typeof value) {
      case 'string':
        if (value.startsWith(':')) return false;
        break;
      case 'number':
      case 'boolean':
      case 'undefined':
        break;
      case 'object':
        if (value === null) break;
        if (!(Array.isArray(value) || isPlainObject(value)) || !plainValues(value, depth + 1)) return false;
        break;
      default:
        // bigint, symbol, function
        return false;
    }
  }
  return true;
}

/** keyv walks an array with for…in: a hole is skipped and an extra property is written as an element. */
function denseArray(array: readonly unknown[]): boolean {
  if (Object.getPrototypeOf(array) !== Array.prototype) return false;
  for (let i = 0; i < array.length; i++) if (!(i in array)) return false;
  return Object.keys(array).length === array.length;
}

/** True when a string inside `value` starts with ':' (keyv's escape, or a Buffer's ':base64:'). */
function hasColonString(value: unknown, depth: number): boolean {
  if (typeof value === 'string') return value.startsWith(':');
  if (typeof value !== 'object' || value === null) return false;
  if (depth > MAX_DEPTH) return true;
  for (const inner of Array.isArray(value) ? (value as unknown[]) : Object.values(value)) {
    if (hasColonString(inner, depth + 1)) return true;
  }
  return false;
}
