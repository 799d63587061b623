import fc from 'fast-check';
import { Keyv } from 'keyv';
import { describe, expect, it } from 'vitest';
import { fastKeyvCodec } from '../../src/storage/keyv-codec.ts';

// keyv's own functions, as a Keyv instance holds them by default: the reference.
const reference = new Keyv();
const keyvSerialize = reference.serialize!;
const keyvDeserialize = reference.deserialize!;
let fallbacks = 0;
const codec = fastKeyvCodec({
  serialize: (data) => {
    fallbacks += 1;
    return keyvSerialize(data);
  },
  deserialize: (text) => {
    fallbacks += 1;
    return keyvDeserialize(text);
  },
});

/** Strings that often start with ':' or ':base64:', the two prefixes keyv escapes. */
const text = fc.oneof(
  fc.string(),
  fc.string().map((s) => `:${s}`),
  fc.string().map((s) => `::${s}`),
  fc.constant(':base64:AAE='),
);
const plain = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    text,
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value')),
    fc.dictionary(text, fc.oneof(tie('value'), fc.constant(undefined))),
  ),
})).value;
/** What keyv is handed: its wrapper around the value. */
const wrapped = fc.record({ value: plain, expires: fc.option(fc.integer({ min: 0 }), { nil: undefined }) });

describe('keyv text, faster', () => {
  it('writes exactly the text keyv writes, and reads any keyv text back as keyv does', () => {
    fc.assert(
      fc.property(wrapped, (data) => {
        const written = codec.serialize(data);
        expect(written).toBe(keyvSerialize(data));
        expect(codec.deserialize(written as string)).toEqual(keyvDeserialize(written as string));
      }),
      { numRuns: 500 },
    );
  });

  it('takes the fast way for a session, and leaves Buffers, Dates, holes and escapes to keyv', () => {
    const session = {
      value: {
        v: 1,
        flow: 'baocao',
        draft: { values: { a: { raw: '45,2 tỷ', value: 45.2, estimate: false } }, queue: [] },
        note: undefined,
      },
      expires: 1,
    };
    fallbacks = 0;
    const written = codec.serialize(session) as string;
    expect(codec.deserialize(written)).toEqual(JSON.parse(written));
    expect(fallbacks).toBe(0);

    const odd: unknown[] = [
      { value: Buffer.from([0, 1]) },
      { value: new Date(0) },
      { value: Object.assign(new Array<number>(3), { 0: 1, 2: 3 }) },
      { value: Object.assign([1], { extra: 2 }) },
      { value: [() => 1, 2] },
      { value: { toJSON: () => 'x' } },
      { value: ':smile:' },
    ];
    for (const data of odd) {
      fallbacks = 0;
      const text = codec.serialize(data as { value: unknown }) as string;
      expect(text).toBe(keyvSerialize(data as { value: unknown }));
      expect(codec.deserialize(text)).toEqual(keyvDeserialize(text));
      expect(fallbacks).toBeGreaterThan(0);
    }
  });
});
