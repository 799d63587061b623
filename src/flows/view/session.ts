import { z } from 'zod';

/** While /xem asks which unit: the period named with the command, if any (else the latest sent). */
export const viewDraftSchema = z.object({ periodId: z.string().optional() });
export type ViewDraft = z.infer<typeof viewDraftSchema>;
