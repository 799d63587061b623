import { z } from 'zod';

/** /chuanop answers at once and keeps no conversation. */
export const missingDraftSchema = z.undefined();
export type MissingDraft = z.infer<typeof missingDraftSchema>;
