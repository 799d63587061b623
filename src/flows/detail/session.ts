import { z } from 'zod';

/** While /chitiet asks which unit: the scope typed with the command (a period or a year). */
export const detailDraftSchema = z.object({
  request: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('period'), periodId: z.string() }),
    z.object({ kind: z.literal('year'), year: z.number().int() }),
  ]),
});
export type DetailDraft = z.infer<typeof detailDraftSchema>;
