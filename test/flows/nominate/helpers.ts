import type { SentMessage } from '../../../src/channels/console/console-chat.ts';
import type { Message, ParamValue } from '../../../src/app/messages.ts';

/** The last message the bot sent in answer (the question now awaited). */
export function last(messages: readonly SentMessage[]): SentMessage {
  const found = messages.at(-1);
  if (!found) throw new Error('the bot sent nothing');
  return found;
}

/** The option ids of the last message, without the engine's nonce. */
export function optionIds(messages: readonly SentMessage[]): string[] {
  return (last(messages).reply.choices ?? []).flat().map((c) => c.id.slice(c.id.indexOf('|') + 1));
}

/** The option labels of the last message, for labels that are data (movement names). */
export function optionTexts(messages: readonly SentMessage[]): string[] {
  return (last(messages).reply.choices ?? []).flat().map((c) => ('text' in c.label ? c.label.text : c.label.key));
}

/** The summary's lines as `[field key, value]`, value being a string or a nested message's key. */
export function summaryFields(message: SentMessage): [string, string][] {
  const lines = message.reply.params?.lines as Message[];
  return lines.map((line) => {
    const field = line.params?.field as Message;
    const value = line.params?.value as ParamValue;
    return [
      field.key.replace('nominate.field.', ''),
      typeof value === 'object' && !Array.isArray(value) ? value.key : String(value),
    ];
  });
}
