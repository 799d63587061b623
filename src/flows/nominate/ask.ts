import { msg, reply, type Choice, type Reply } from '../../app/messages.ts';
import { TEXT_BOUNDS } from '../../app/use-cases/nominate.ts';
import type { Movement } from '../../domain/bloc.ts';
import type { StepOutcome } from '../engine/types.ts';
import { FIELDS, type Field, type NominateDraft } from './session.ts';
import { owesNotice, privacyNotice } from './privacy.ts';
import type { Scope } from './scope.ts';
import { showSummary } from './summary.ts';

type Outcome = StepOutcome<NominateDraft>;

/** Position and workplace describe a person: asked only for an individual. */
export function applies(field: Field, draft: NominateDraft): boolean {
  return field === 'position' || field === 'workplace' ? draft.kind === 'individual' : true;
}

export function answered(field: Field, draft: NominateDraft): boolean {
  switch (field) {
    case 'kind':
      return draft.kind !== undefined;
    case 'movement':
      return draft.movementId !== undefined;
    case 'photo':
      return draft.photoDone === true;
    default:
      return Boolean(draft[field]);
  }
}

/** The first question still unanswered, or undefined when the draft is complete. */
export function firstMissing(draft: NominateDraft): Field | undefined {
  return FIELDS.find((f) => applies(f, draft) && !answered(f, draft));
}

/**
 * Asks one question, after any replies that explain why it is asked (again). The first question
 * about an individual (their name, or their position when a collective becomes one) comes after the
 * personal-data notice, so it is read before any personal data is typed.
 */
export function ask(scope: Scope, draft: NominateDraft, field: Field, before: Reply[] = []): Outcome {
  const question = questionFor(scope, draft, field);
  const expects = question.choices ? 'choice' : 'text';
  if (owesNotice(draft, field)) {
    return {
      replies: [...before, privacyNotice(), question],
      next: { step: field, draft: { ...draft, noticeShown: true }, expects },
    };
  }
  return { replies: [...before, question], next: { step: field, draft, expects } };
}

function questionFor(scope: Scope, draft: NominateDraft, field: Field): Reply {
  switch (field) {
    case 'kind':
      return reply('nominate.ask.kind', {}, { choices: [kindChoices()] });
    case 'name': {
      const key = draft.kind === 'individual' ? 'nominate.ask.nameIndividual' : 'nominate.ask.nameCollective';
      return reply(key, { max: TEXT_BOUNDS.name.max });
    }
    case 'position':
    case 'workplace':
      return reply(`nominate.ask.${field}`, { name: draft.name ?? '', max: TEXT_BOUNDS[field].max });
    case 'movement':
      return reply(
        'nominate.ask.movement',
        { count: scope.bloc.movements.length },
        { choices: movementChoices(scope.bloc.movements) },
      );
    case 'achievements':
      return reply('nominate.ask.achievements', {
        min: TEXT_BOUNDS.achievements.min,
        max: TEXT_BOUNDS.achievements.max,
      });
    case 'photo':
      return reply('nominate.ask.photo', {}, { choices: [[{ id: 'skip', label: msg('nominate.photo.skipLabel') }]] });
  }
}

function kindChoices(): Choice[] {
  return [
    { id: 'collective', label: msg('nominate.kind.collective') },
    { id: 'individual', label: msg('nominate.kind.individual') },
  ];
}

/** One movement a row: the names are long, and on Telegram each is a button. */
export function movementChoices(movements: readonly Movement[]): Choice[][] {
  return movements.map((m) => [{ id: m.id, label: { text: m.name } }]);
}

/**
 * After a question is answered: the next question in order, or (when a field is being changed from
 * the summary) the first question the change left unanswered, then the summary again.
 */
export function advance(scope: Scope, draft: NominateDraft, from: Field): Promise<Outcome> {
  if (draft.editing) {
    const missing = firstMissing(draft);
    return missing ? Promise.resolve(ask(scope, draft, missing)) : showSummary(scope, draft);
  }
  const next = FIELDS.slice(FIELDS.indexOf(from) + 1).find((f) => applies(f, draft));
  return next ? Promise.resolve(ask(scope, draft, next)) : showSummary(scope, draft);
}

/** "quay lại": the previous question; while changing one field, back to the summary unchanged. */
export function goBack(scope: Scope, draft: NominateDraft, from: Field | 'summary'): Promise<Outcome> {
  if (draft.editing) return showSummary(scope, draft);
  const upTo = from === 'summary' ? FIELDS.length : FIELDS.indexOf(from);
  const previous = FIELDS.slice(0, upTo)
    .filter((f) => applies(f, draft))
    .at(-1);
  if (!previous) return Promise.resolve(ask(scope, draft, 'kind', [reply('nominate.atFirstStep')]));
  return Promise.resolve(ask(scope, draft, previous));
}
