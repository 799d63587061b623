import { z } from 'zod';
import type { Message, Reply } from './messages.ts';
import type { Lang } from './messages.ts';

/**
 * What an outbox row carries: the reply as keys and params (rendered when sent, in `lang`), with
 * image and document bytes as base64 so the row is plain JSON.
 */
export interface OutboxPayload {
  lang: Lang;
  reply: Pick<Reply, 'key' | 'params' | 'choices' | 'replaces'>;
  image?: { base64: string; caption?: Message };
  document?: { fileName: string; base64: string; caption?: Message };
}

export function toPayload(reply: Reply, lang: Lang): OutboxPayload {
  const payload: OutboxPayload = {
    lang,
    reply: { key: reply.key, params: reply.params, choices: reply.choices, replaces: reply.replaces },
  };
  if (reply.image)
    payload.image = { base64: Buffer.from(reply.image.png).toString('base64'), caption: reply.image.caption };
  if (reply.document) {
    const { fileName, bytes, caption } = reply.document;
    payload.document = { fileName, base64: Buffer.from(bytes).toString('base64'), caption };
  }
  return payload;
}

const ParamsSchema = z.record(z.string(), z.unknown());
const MessageSchema = z.object({ key: z.string(), params: ParamsSchema.optional() });
const LabelSchema = z.union([z.object({ text: z.string() }), MessageSchema]);

const PayloadSchema = z.object({
  lang: z.enum(['vi', 'en']),
  reply: MessageSchema.extend({
    choices: z.array(z.array(z.object({ id: z.string(), label: LabelSchema }))).optional(),
    replaces: z.number().int().optional(),
  }),
  image: z.object({ base64: z.string(), caption: MessageSchema.optional() }).optional(),
  document: z.object({ fileName: z.string(), base64: z.string(), caption: MessageSchema.optional() }).optional(),
});

/** Reads a stored payload back into a reply; undefined if the row is unreadable (logged and failed). */
export function fromPayload(value: unknown): { reply: Reply; lang: Lang } | undefined {
  const parsed = PayloadSchema.safeParse(value);
  if (!parsed.success) return undefined;
  const { lang, reply, image, document } = parsed.data;
  // Params were written by our own code from `Params`; the schema checked the outer shape.
  const out = { ...reply } as Reply;
  if (image) out.image = { png: Buffer.from(image.base64, 'base64'), caption: image.caption as Message | undefined };
  if (document) {
    out.document = {
      fileName: document.fileName,
      bytes: Buffer.from(document.base64, 'base64'),
      caption: document.caption as Message | undefined,
    };
  }
  return { reply: out, lang };
}
