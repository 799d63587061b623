import { z } from 'zod';

/**
 * /thongbao waits on one answer: send the previewed broadcast or not. The text and its recipients
 * are in the stored broadcast (status `preview`); the draft only points to it.
 */
export const broadcastDraftSchema = z.object({ broadcastId: z.number().int() });
export type BroadcastDraft = z.infer<typeof broadcastDraftSchema>;
