import { z } from 'zod';
import { msg, reply } from '../../app/messages.ts';
import { foldText } from '../../domain/text-fold.ts';
import { isLang, type Lang } from '../../app/messages.ts';
import { defineFlow, type FlowContext, type StepOutcome } from '../engine/types.ts';

const CHOICES = [
  [
    { id: 'vi', label: msg('language.vi') },
    { id: 'en', label: msg('language.en') },
  ],
];

const WORDS: Record<string, Lang> = {
  vi: 'vi',
  'tieng viet': 'vi',
  vietnamese: 'vi',
  en: 'en',
  english: 'en',
  'tieng anh': 'en',
};

/** `/ngonngu [vi|en]` (`/language`): switches this person's language; without an argument, asks. */
async function start(ctx: FlowContext, args: string): Promise<StepOutcome<null>> {
  const chosen = WORDS[foldText(args)];
  if (chosen) return { replies: [await choose(ctx, chosen)], lang: chosen };
  return {
    replies: [reply('language.ask', {}, { choices: CHOICES })],
    next: { step: 'pick', draft: null, expects: 'choice' },
  };
}

async function pick(
  ctx: FlowContext,
  _draft: null,
  input: { text: string; optionId?: string },
): Promise<StepOutcome<null>> {
  const chosen = input.optionId && isLang(input.optionId) ? input.optionId : WORDS[foldText(input.text)];
  if (!chosen)
    return {
      replies: [reply('language.unknown', {}, { choices: CHOICES })],
      next: { step: 'pick', draft: null, expects: 'choice' },
    };
  return { replies: [await choose(ctx, chosen)], lang: chosen };
}

async function choose(ctx: FlowContext, lang: Lang) {
  await ctx.services.repos.people.setLanguage(ctx.inbound.channel, ctx.inbound.userId, lang, ctx.now);
  // The confirmation is in the new language: that is the proof the switch worked.
  return reply('language.set', { language: msg(`language.${lang}`) });
}

export const languageFlow = defineFlow({ command: 'ngonngu', draftSchema: z.null(), start, steps: { pick } });
