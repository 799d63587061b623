import { z } from 'zod';

/**
 * /khoaky waits on one answer at most: "lock the whole period?" (step `confirm`), or which unit's
 * reopening to end when the name fits several (step `unit`). Either way only the period is kept.
 */
export const lockDraftSchema = z.object({ periodId: z.string() });
export type LockDraft = z.infer<typeof lockDraftSchema>;
