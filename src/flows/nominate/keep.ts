import { msg, reply } from '../../app/messages.ts';
import type { DraftKeeping } from '../engine/types.ts';
import { ask } from './ask.ts';
import { focalScope } from './scope.ts';
import { FIELDS, type NominateDraft } from './session.ts';
import { editChoices, showSummary } from './summary.ts';

/** What a person typed into a nomination draft (choosing only the kind is not worth a question). */
function typedSomething(draft: NominateDraft): boolean {
  return Boolean(
    draft.name || draft.position || draft.workplace || draft.movementId || draft.achievements || draft.photoRef,
  );
}

/**
 * A nomination draft waits while another command runs: "Đề xuất «Phòng Văn hóa…»", and `/dexuat`
 * typed again asks its current question again.
 */
export const keepNomination: DraftKeeping<NominateDraft> = {
  progress(_ctx, draft) {
    const summary = draft.name ? msg('nominate.progressNamed', { name: draft.name }) : msg('nominate.progress');
    return { summary, typed: typedSomething(draft) };
  },

  async resume(ctx, draft, step) {
    const scope = focalScope(ctx);
    if (!scope || scope.unitId !== draft.unitId) return { replies: [reply('nominate.bindingChanged')] };
    if (step === 'summary') return showSummary(scope, draft);
    if (step === 'edit') {
      return {
        replies: [reply('nominate.askEdit', {}, { choices: editChoices(draft) })],
        next: { step: 'edit', draft, expects: 'choice' },
      };
    }
    const field = FIELDS.find((f) => f === step) ?? 'kind';
    return ask(scope, draft, field);
  },
};
