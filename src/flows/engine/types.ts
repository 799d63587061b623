import type { z } from 'zod';
import type { Inbound, Message, Reply } from '../../app/messages.ts';
import type { AppServices } from '../../app/services.ts';
import type { CommandName, Who } from '../../app/permissions.ts';
import type { Log, Registration } from '../../app/ports.ts';
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
  /** Commands that have a conversation built (help, menus and replies name only these). */
  available: ReadonlySet<CommandName>;
  /** This update's logger: channel, chat, update, and the flow and step once known. */
  log: Log;
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
  /**
   * The person asked to throw the draft away (a "cancel" choice): the engine asks to confirm first
   * when the draft holds what they typed, then ends the conversation.
   */
  discard?: boolean;
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
  /**
   * For a conversation whose draft holds what a person typed (a report, a nomination): it is kept
   * when another command interrupts it, and resumed when its command is typed again.
   */
  keep?: DraftKeeping<D>;
}

export interface DraftKeeping<D> {
  /**
   * What the draft holds, in a few words ("Báo cáo tháng 6/2023, 2/11 chỉ tiêu"), said when it is
   * parked or resumed; `typed` is false while it holds nothing the person typed (then discarding it
   * needs no confirmation).
   */
  progress(ctx: Pick<FlowContext, 'bloc'>, draft: D): { summary: Message; typed: boolean };
  /** Asks the draft's current question again (`args`: what was typed after the command). */
  resume(ctx: FlowContext, draft: D, step: string, args: string): Promise<StepOutcome<D>>;
  /**
   * The unit and period a draft reports for, if it does: such drafts are indexed in storage, so the
   * lock job finds and closes them when their period locks (keyv cannot list sessions). Read on
   * every change of a session, so it looks at the stored draft as it is, without parsing it.
   */
  reportsFor?(stored: unknown): { unitId: string; periodId: string } | undefined;
}

/** Erases a flow's draft type so flows of different drafts sit in one registry. */
export function defineFlow<D>(flow: Flow<D>): Flow<unknown> {
  return flow as unknown as Flow<unknown>;
}
