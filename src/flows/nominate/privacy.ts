import { reply, type Reply } from '../../app/messages.ts';
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

/** Why the personal data is kept and how to have it removed; the bloc's own text (legal references) after it. */
export function privacyNotice(bloc: Bloc): Reply {
  const blocNotice = bloc.options.privacyNotice?.trim();
  return blocNotice ? reply('nominate.privacy.noticeWithBloc', { blocNotice }) : reply('nominate.privacy.notice');
}
