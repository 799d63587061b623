import { msg, reply, type Reply } from '../../app/messages.ts';
import type { Bloc } from '../../domain/bloc.ts';
import type { Field, NominateDraft } from './session.ts';

/** The questions whose answers are personal data when the nominee is an individual. */
const PERSONAL_FIELDS: readonly Field[] = ['name', 'position', 'workplace'];

/**
 * Whether asking `field` must first tell why personal data is kept (the law asks to inform at
 * collection): an individual's name, position or workplace, once per draft.
 */
export function owesNotice(draft: NominateDraft, field: Field): boolean {
  return draft.kind === 'individual' && !draft.noticeShown && PERSONAL_FIELDS.includes(field);
}

/** The option under the short notice that shows the whole text. */
export const PRIVACY_MORE = 'privacyMore';

/**
 * Why the personal data is kept, in a line or two, with a choice to read the whole text: a focal
 * point choosing "cá nhân" is about to type a name, not to read two notices of ninety words.
 */
export function privacyNotice(): Reply {
  return reply(
    'nominate.privacy.short',
    {},
    { choices: [[{ id: PRIVACY_MORE, label: msg('nominate.privacy.more') }]] },
  );
}

/** The whole notice: what is kept and why, who deletes it, then the bloc's own text (legal references). */
export function privacyFullText(bloc: Bloc): Reply {
  const blocNotice = bloc.options.privacyNotice?.trim();
  return blocNotice ? reply('nominate.privacy.fullWithBloc', { blocNotice }) : reply('nominate.privacy.full');
}
