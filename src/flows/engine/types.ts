import type { z } from 'zod';
import type { Inbound, Reply } from '../../app/messages.ts';
import type { AppServices } from '../../app/services.ts';
import type { CommandName, Who } from '../../app/permissions.ts';
import type { Registration } from '../../app/ports.ts';
import type { Bloc } from '../../domain/bloc.ts';
import type { Lang } from '../../app/messages.ts';

/** The person behind an update, as the conversations need them. */
export interface Actor {
  channel: Inbound['channel'];
  userId: string;
  displayName: string;
  /** Active bindings of this person in every bloc. */
  registrations: Registration[];
  admin: boolean;
  /** Roles held (and `admin`), or `['stranger']`. */
  who: Who[];
  lang: Lang;
}

/** Where the update happened and which bloc it concerns. */
export interface FlowContext {
  inbound: Inbound;
  now: Date;
  actor: Actor;
  services: AppServices;
  /** The bloc of the chat (a registered group) or of the person's binding, when there is one. */
  bloc?: Bloc;
  /** The person's binding in `bloc`, when there is one. */
  registration?: Registration;
  /** The update came from the bloc's registered leaders' group. */
  inBlocGroup: boolean;
  /** Commands that have a conversation built (help lists only these). */
  available: ReadonlySet<CommandName>;
}

/** What a person answered: text (trimmed), a chosen option, or a photo. */
export interface StepInput {
  text: string;
  optionId?: string;
  photoRef?: string;
}

/**
 * What a step decided: replies, and the next step (with its draft) when the conversation goes on.
 * `expects: 'figure'` marks a step where "2" is a figure: options there are never numbered.
 */
export interface StepOutcome<D> {
  replies: Reply[];
  /** The person switched language: these replies and later ones use it. */
  lang?: Lang;
  next?: { step: string; draft: D; expects?: 'figure' | 'choice' | 'text' };
}

export type Step<D> = (ctx: FlowContext, draft: D, input: StepInput) => Promise<StepOutcome<D>>;

/**
 * A conversation: started by its command, then fed answers step by step. A flow without steps is a
 * one-shot command: it answers and leaves any conversation in progress as it was.
 */
export interface Flow<D = unknown> {
  command: CommandName;
  draftSchema: z.ZodType<D>;
  start(ctx: FlowContext, args: string): Promise<StepOutcome<D>>;
  steps: Record<string, Step<D>>;
}

/** Erases a flow's draft type so flows of different drafts sit in one registry. */
export function defineFlow<D>(flow: Flow<D>): Flow<unknown> {
  return flow as unknown as Flow<unknown>;
}
