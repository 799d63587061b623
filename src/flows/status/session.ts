import { z } from 'zod';

/** /trangthai keeps nothing between steps: the only question is which unit, and its answer is the input. */
export const statusDraftSchema = z.null();
export type StatusDraft = z.infer<typeof statusDraftSchema>;
