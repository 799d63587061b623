import { reply } from '../../app/messages.ts';
import {
  checkText,
  createNomination,
  isMemberIn,
  nominationYear,
  type NominationTextField,
} from '../../app/use-cases/nominate.ts';
import { foldText } from '../../domain/text-fold.ts';
import { NAVIGATION_WORDS, YES_WORDS } from '../../domain/vocabulary.ts';
import { defineFlow, type FlowContext, type Step, type StepInput, type StepOutcome } from '../engine/types.ts';
import { unitName } from '../shared/labels.ts';
import { advance, ask, firstMissing, goBack, movementChoices } from './ask.ts';
import { findMovement, matchMovements } from './movements.ts';
import { keepNomination } from './keep.ts';
import { PRIVACY_MORE, privacyFullText } from './privacy.ts';
import { refusalFor } from './refusals.ts';
import { focalScope, type Scope } from './scope.ts';
import { FIELDS, NominateDraftSchema, type Field, type NominateDraft } from './session.ts';
import { editChoices, showSummary, SUMMARY_CHOICES } from './summary.ts';

type Outcome = StepOutcome<NominateDraft>;

/** Words for the kind of nominee (input grammar, compared folded). */
const KIND_WORDS: Record<string, 'collective' | 'individual'> = {
  'tap the': 'collective',
  taphe: 'collective',
  collective: 'collective',
  'ca nhan': 'individual',
  canhan: 'individual',
  individual: 'individual',
};

const isWord = (words: readonly string[], text: string) => words.includes(foldText(text));
const isBack = (input: StepInput) => !input.optionId && isWord(NAVIGATION_WORDS.back, input.text);

/**
 * `/dexuat` (`/nominate`): a focal point proposes a collective or an individual of their own unit as
 * an advanced model in one movement, answering one question at a time, and sends it after a summary.
 * `/dexuat ca nhan` skips the first question.
 */
async function start(ctx: FlowContext, args: string): Promise<Outcome> {
  const scope = focalScope(ctx);
  if (!scope) return { replies: [reply('nominate.focalOnly')] };
  if (ctx.inbound.chatType === 'group') return { replies: [reply('nominate.privateOnly')] };
  const { bloc, unitId } = scope;
  if (bloc.movements.length === 0) return { replies: [reply('nominate.noMovements')] };
  const year = nominationYear(bloc, ctx.now);
  if (!isMemberIn(bloc, unitId, year))
    return { replies: [reply('nominate.notMember', { unit: unitName(bloc, unitId), year })] };
  const intro = reply('nominate.intro', { unit: unitName(bloc, unitId), year });
  const kind = KIND_WORDS[foldText(args)];
  if (kind) return ask(scope, { unitId, kind }, 'name', [intro]);
  return ask(scope, { unitId }, 'kind', [intro]);
}

/** Every step runs for the focal point of the draft's unit only: a binding changed meanwhile ends it. */
function guarded(
  step: (scope: Scope, draft: NominateDraft, input: StepInput) => Promise<Outcome>,
): Step<NominateDraft> {
  return (ctx, draft, input) => {
    const scope = focalScope(ctx);
    if (!scope || scope.unitId !== draft.unitId)
      return Promise.resolve({ replies: [reply('nominate.bindingChanged')] });
    return step(scope, draft, input);
  };
}

async function kindStep(scope: Scope, draft: NominateDraft, input: StepInput): Promise<Outcome> {
  if (isBack(input)) return goBack(scope, draft, 'kind');
  const kind =
    input.optionId === 'collective' || input.optionId === 'individual'
      ? input.optionId
      : KIND_WORDS[foldText(input.text)];
  if (!kind) return ask(scope, draft, 'kind', [reply('nominate.kindUnknown')]);
  // A collective keeps no personal details: drop any typed for an individual before.
  const next: NominateDraft =
    kind === 'collective' ? { ...draft, kind, position: undefined, workplace: undefined } : { ...draft, kind };
  return advance(scope, next, 'kind');
}

function textStep(field: NominationTextField & Field): Step<NominateDraft> {
  return guarded(async (scope, draft, input) => {
    if (isBack(input)) return goBack(scope, draft, field);
    // "Xem đầy đủ" under the short personal-data notice: the whole text, then the same question.
    if (input.optionId === PRIVACY_MORE) return ask(scope, draft, field, [privacyFullText(scope.bloc)]);
    const checked = checkText(field, input.text);
    if (!checked.ok) return ask(scope, draft, field, [refusalFor(field, checked)]);
    return advance(scope, { ...draft, [field]: checked.value }, field);
  });
}

async function movementStep(scope: Scope, draft: NominateDraft, input: StepInput): Promise<Outcome> {
  if (isBack(input)) return goBack(scope, draft, 'movement');
  const { movements } = scope.bloc;
  const found = input.optionId
    ? [findMovement(movements, input.optionId)].filter((m) => m !== undefined)
    : matchMovements(movements, input.text);
  const [only] = found;
  if (found.length === 1 && only) return advance(scope, { ...draft, movementId: only.id }, 'movement');
  // Not found: the list again under the reason, without repeating the whole question.
  if (found.length === 0) {
    const unknown = reply('nominate.movement.unknown', { text: input.text }, { choices: movementChoices(movements) });
    return { replies: [unknown], next: { step: 'movement', draft, expects: 'choice' } };
  }
  const several = reply(
    'nominate.movement.several',
    { text: input.text, count: found.length },
    { choices: movementChoices(found) },
  );
  return { replies: [several], next: { step: 'movement', draft, expects: 'choice' } };
}

async function photoStep(scope: Scope, draft: NominateDraft, input: StepInput): Promise<Outcome> {
  if (input.photoRef) return advance(scope, { ...draft, photoRef: input.photoRef, photoDone: true }, 'photo');
  if (isBack(input)) return goBack(scope, draft, 'photo');
  if (input.optionId === 'skip' || isWord(NAVIGATION_WORDS.skip, input.text)) {
    return advance(scope, { ...draft, photoRef: undefined, photoDone: true }, 'photo');
  }
  return ask(scope, draft, 'photo', [reply('nominate.photo.expected')]);
}

async function summaryStep(scope: Scope, draft: NominateDraft, input: StepInput): Promise<Outcome> {
  if (isBack(input)) return goBack(scope, draft, 'summary');
  const choice = input.optionId ?? (isWord(YES_WORDS, input.text) ? 'send' : undefined);
  if (choice === 'send') return send(scope, draft);
  // The engine asks to confirm: the draft holds what was typed.
  if (choice === 'cancel') return { replies: [], discard: true };
  if (choice === 'edit')
    return {
      replies: [reply('nominate.askEdit', {}, { choices: editChoices(draft) })],
      next: { step: 'edit', draft, expects: 'choice' },
    };
  return {
    replies: [reply('nominate.summaryUnclear', {}, { choices: SUMMARY_CHOICES })],
    next: { step: 'summary', draft, expects: 'choice' },
  };
}

async function editStep(scope: Scope, draft: NominateDraft, input: StepInput): Promise<Outcome> {
  if (isBack(input)) return showSummary(scope, draft);
  const field = FIELDS.find((f) => f === input.optionId);
  const offered = editChoices(draft)
    .flat()
    .some((c) => c.id === field);
  if (!field || !offered)
    return {
      replies: [reply('nominate.askEdit', {}, { choices: editChoices(draft) })],
      next: { step: 'edit', draft, expects: 'choice' },
    };
  return ask(scope, { ...draft, editing: true }, field);
}

/** Stores the nomination in this update's transaction and gives its number as the receipt. */
async function send(scope: Scope, draft: NominateDraft): Promise<Outcome> {
  const { ctx, bloc, unitId } = scope;
  const missing = firstMissing(draft);
  if (missing) return ask(scope, { ...draft, editing: true }, missing);
  const movement = findMovement(bloc.movements, draft.movementId);
  // The bloc file may have changed since the movement was chosen.
  if (!movement) return ask(scope, { ...draft, editing: true, movementId: undefined }, 'movement');
  const year = nominationYear(bloc, ctx.now);
  if (!isMemberIn(bloc, unitId, year))
    return { replies: [reply('nominate.notMember', { unit: unitName(bloc, unitId), year })] };
  const saved = await createNomination(ctx.services.repos, {
    blocId: bloc.id,
    unitId,
    year,
    kind: draft.kind ?? 'collective',
    name: draft.name ?? '',
    position: draft.position,
    workplace: draft.workplace,
    movementId: movement.id,
    achievements: draft.achievements ?? '',
    photoRef: draft.photoRef,
    createdAt: ctx.now,
  });
  return {
    replies: [
      reply('nominate.sent', {
        number: saved.id,
        name: saved.name,
        movement: `${movement.number}. ${movement.name}`,
        year,
      }),
    ],
  };
}

export const nominateFlow = defineFlow({
  command: 'dexuat',
  draftSchema: NominateDraftSchema,
  start,
  keep: keepNomination,
  steps: {
    kind: guarded(kindStep),
    name: textStep('name'),
    position: textStep('position'),
    workplace: textStep('workplace'),
    movement: guarded(movementStep),
    achievements: textStep('achievements'),
    photo: guarded(photoStep),
    summary: guarded(summaryStep),
    edit: guarded(editStep),
  },
});
