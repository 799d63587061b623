import { expect } from 'vitest';
import type { Message, ParamValue } from '../../../src/app/messages.ts';
import type { SentMessage } from '../../../src/channels/console/console-chat.ts';
import type { ConsoleChat } from '../../../src/channels/console/console-chat.ts';
import { keys } from '../../support/flow-harness.ts';

/** Local time is UTC+7: 10:00 on 12 June 2023, the June period open and on time (due 16 June). */
export const JUNE_12 = new Date('2023-06-12T03:00:00Z');
/** 10:00 on 20 June 2023: past due, not locked (June locks at the end of 9 July). */
export const JUNE_20 = new Date('2023-06-20T03:00:00Z');

/**
 * The 11 example indicators answered with the seed's forms, in order, by Si Ma Cai: its ratios fit
 * its plan (13 communes for universal education, 12 for the new-rural standard), not the province's
 * 152/152 and 62/127, which a validation rule asks back.
 */
export const SEED_ANSWERS = [
  '45,2 tỷ',
  '51,6%',
  '20.207 tỷ',
  '91%',
  '1.100',
  '13/13',
  '99,7%',
  '6/12',
  '10,61',
  '1502',
  '9.224',
] as const;

/** What those answers are read as, by indicator code. */
export const SEED_VALUES: Record<string, unknown> = {
  'thu-ngan-sach': { type: 'scalar', value: 45.2 },
  'san-luong-cay-trong': { type: 'scalar', value: 51.6 },
  'gia-tri-cong-nghiep': { type: 'scalar', value: 20207 },
  'gia-tri-cong-nghiep-cung-ky': { type: 'scalar', value: 91 },
  'viec-lam-moi': { type: 'scalar', value: 1100 },
  'pho-cap-giao-duc': { type: 'ratio', numerator: 13, denominator: 13 },
  'huy-dong-hoc-sinh': { type: 'scalar', value: 99.7 },
  'xa-nong-thon-moi': { type: 'ratio', numerator: 6, denominator: 12 },
  'tieu-chi-ntm': { type: 'scalar', value: 10.61 },
  'khen-thuong-tap-the': { type: 'scalar', value: 1502 },
  'khen-thuong-ca-nhan': { type: 'scalar', value: 9224 },
};

/** The last message the bot sent in answer. */
export function last(messages: readonly SentMessage[]): SentMessage {
  const m = messages.at(-1);
  if (!m) throw new Error('the bot sent nothing');
  return m;
}

function isMessage(value: ParamValue | undefined): value is Message {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'key' in value;
}

/** Every message nested in a message's params (itself included), depth first. */
export function nested(message: Message): Message[] {
  const out: Message[] = [message];
  for (const value of Object.values(message.params ?? {})) {
    if (Array.isArray(value)) for (const m of value) out.push(...nested(m));
    else if (isMessage(value)) out.push(...nested(value));
  }
  return out;
}

/** The first message with `key` nested anywhere in `message`, or undefined. */
export function find(message: Message, key: string): Message | undefined {
  return nested(message).find((m) => m.key === key);
}

/** A message param that is itself a message. */
export function param(message: Message, name: string): Message {
  const value = message.params?.[name];
  if (!isMessage(value)) throw new Error(`param ${name} of ${message.key} is not a message`);
  return value;
}

/** Answers `/baocao` and the 11 indicators, expecting the summary at the end. */
export async function reportAll(chat: ConsoleChat, answers: readonly string[] = SEED_ANSWERS): Promise<SentMessage[]> {
  const all: SentMessage[] = [...(await chat.say('/baocao'))];
  for (const answer of answers) all.push(...(await chat.say(answer)));
  expect(last(all).reply.key).toMatch(/^report\.summary\./);
  return all;
}

/** Full report then "Gửi báo cáo": returns the receipt. */
export async function reportAndSend(
  chat: ConsoleChat,
  answers: readonly string[] = SEED_ANSWERS,
): Promise<SentMessage> {
  await reportAll(chat, answers);
  const sent = await chat.say('1');
  expect(keys(sent)).toHaveLength(1);
  return last(sent);
}
