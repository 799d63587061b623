import { z } from 'zod';

/**
 * /moky asks one question, only when the unit typed fits several: the rest of the command, already
 * checked, waits here for the pick. `endDate` is the local end day typed (`YYYY-MM-DD`), if any.
 */
export const reopenDraftSchema = z.object({
  periodId: z.string(),
  endDate: z.string().optional(),
  reason: z.string(),
});
export type ReopenDraft = z.infer<typeof reopenDraftSchema>;
