import { msg, reply, type Choice, type Message, type Reply } from '../../app/messages.ts';
import { likelyDuplicates, nominationYear } from '../../app/use-cases/nominate.ts';
import type { Bloc } from '../../domain/bloc.ts';
import type { Nomination } from '../../domain/nomination.ts';
import type { StepOutcome } from '../engine/types.ts';
import { displayDay } from '../shared/format.ts';
import { unitName } from '../shared/labels.ts';
import { findMovement } from './movements.ts';
import { owesNotice, privacyFullText } from './privacy.ts';
import type { Field, NominateDraft } from './session.ts';
import type { Scope } from './scope.ts';

type Outcome = StepOutcome<NominateDraft>;

export const SUMMARY_CHOICES: Choice[][] = [
  [{ id: 'send', label: msg('nominate.choice.send') }],
  [{ id: 'edit', label: msg('nominate.choice.edit') }],
  [{ id: 'cancel', label: msg('nominate.choice.cancel') }],
];

/**
 * The whole draft for a last look, with send / change / cancel, after a warning when the same nominee
 * (folded name, movement, year) was already proposed by any unit of the bloc. The personal-data notice
 * is given before the individual's first answer (see `ask`); it comes here, whole (a choice beside
 * the summary's own would shift their numbers), only for a draft begun before that, which never had it.
 */
export async function showSummary(scope: Scope, draft: NominateDraft, before: Reply[] = []): Promise<Outcome> {
  const { ctx, bloc, unitId } = scope;
  const year = nominationYear(bloc, ctx.now);
  const replies = [...before];
  let next: NominateDraft = { ...draft, editing: undefined };
  if (owesNotice(draft, 'name')) {
    replies.push(privacyFullText(bloc));
    next = { ...next, noticeShown: true };
  }
  if (draft.name && draft.movementId) {
    const found = await likelyDuplicates(ctx.services.repos, bloc.id, {
      name: draft.name,
      movementId: draft.movementId,
      year,
    });
    if (found.length > 0) replies.push(duplicateWarning(bloc, unitId, year, found));
  }
  replies.push(
    reply(
      'nominate.summary',
      { unit: unitName(bloc, unitId), year, lines: summaryLines(bloc, draft) },
      { choices: SUMMARY_CHOICES },
    ),
  );
  return { replies, next: { step: 'summary', draft: next, expects: 'choice' } };
}

function duplicateWarning(bloc: Bloc, unitId: string, year: number, found: Nomination[]): Reply {
  const entries = found.map((n) =>
    msg('nominate.duplicate.entry', {
      unit:
        n.unitId === unitId
          ? msg('nominate.duplicate.ownUnit', { unit: unitName(bloc, n.unitId) })
          : unitName(bloc, n.unitId),
      number: n.id ?? '',
      date: n.createdAt ? displayDay(n.createdAt, bloc.calendar.timezone) : '',
    }),
  );
  return reply('nominate.duplicate.warning', { year, entries });
}

function summaryLines(bloc: Bloc, draft: NominateDraft): Message[] {
  const line = (field: Field, value: string | Message) =>
    msg('nominate.summaryLine', { field: msg(`nominate.field.${field}`), value });
  const movement = findMovement(bloc.movements, draft.movementId);
  const lines = [line('kind', msg(`nominate.kind.${draft.kind ?? 'collective'}`)), line('name', draft.name ?? '')];
  if (draft.kind === 'individual')
    lines.push(line('position', draft.position ?? ''), line('workplace', draft.workplace ?? ''));
  lines.push(
    line('movement', movement ? `${movement.number}. ${movement.name}` : ''),
    line('achievements', draft.achievements ?? ''),
    line('photo', msg(draft.photoRef ? 'nominate.photo.attached' : 'nominate.photo.none')),
  );
  return lines;
}

/** The fields that may be changed from the summary, as choices. */
export function editChoices(draft: NominateDraft): Choice[][] {
  const fields: Field[] =
    draft.kind === 'individual'
      ? ['kind', 'name', 'position', 'workplace', 'movement', 'achievements', 'photo']
      : ['kind', 'name', 'movement', 'achievements', 'photo'];
  return fields.map((f) => [{ id: f, label: msg(`nominate.field.${f}`) }]);
}
