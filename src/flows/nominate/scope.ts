import type { Bloc } from '../../domain/bloc.ts';
import type { FlowContext } from '../engine/types.ts';

/** What every step of `/dexuat` works within: the bloc and the focal point's own unit. */
export interface Scope {
  ctx: FlowContext;
  bloc: Bloc;
  unitId: string;
}

/**
 * The focal point's bloc and unit, or undefined for anyone else. The engine already refuses
 * `/dexuat` to other roles; this keeps a focal point to their own unit, and notices a binding that
 * changed while a draft was open.
 */
export function focalScope(ctx: FlowContext): Scope | undefined {
  const { bloc, registration } = ctx;
  if (!bloc || registration?.role !== 'focal' || !registration.unitId) return undefined;
  return { ctx, bloc, unitId: registration.unitId };
}
