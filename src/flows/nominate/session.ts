import { z } from 'zod';

/** The questions of `/dexuat`, in the order they are first asked. */
export const FIELDS = ['kind', 'name', 'position', 'workplace', 'movement', 'achievements', 'photo'] as const;
export type Field = (typeof FIELDS)[number];

/**
 * The draft of a nomination being written. Personal data (name, position, workplace) lives here only
 * until it is sent or the draft is cancelled or expires (14 days, the engine's rule).
 */
export const NominateDraftSchema = z.object({
  /** The unit the nomination is for, fixed when the conversation starts. */
  unitId: z.string(),
  kind: z.enum(['collective', 'individual']).optional(),
  name: z.string().optional(),
  position: z.string().optional(),
  workplace: z.string().optional(),
  movementId: z.string().optional(),
  achievements: z.string().optional(),
  photoRef: z.string().optional(),
  /** The photo question was answered (a photo, or skipped). */
  photoDone: z.boolean().optional(),
  /** A field is being changed from the summary: after it, go back to the summary. */
  editing: z.boolean().optional(),
  /** The personal-data notice was shown (once per draft, before the first question about an individual). */
  noticeShown: z.boolean().optional(),
});
export type NominateDraft = z.infer<typeof NominateDraftSchema>;
