import { msg, type Message } from '../../app/messages.ts';
import type { Registration } from '../../app/ports.ts';
import { unitNameOf, type Bloc } from '../../domain/bloc.ts';
import type { Role } from '../../domain/roles.ts';

/** A unit's name from the bloc file (any year that has it), or its id when the file no longer has it. */
export function unitName(bloc: Bloc | undefined, unitId: string | undefined): string {
  return unitId ? unitNameOf(bloc, unitId) : '';
}

export function roleLabel(role: Role): Message {
  return msg(`roles.${role}`);
}

/** "cán bộ đầu mối — Huyện Si Ma Cai (Khối …)" as a message, for greetings and /toilaai. */
export function bindingLine(bloc: Bloc | undefined, registration: Registration): Message {
  const unit = unitName(bloc, registration.unitId);
  return unit
    ? msg('common.bindingWithUnit', {
        role: roleLabel(registration.role),
        unit,
        bloc: bloc?.name ?? registration.blocId,
      })
    : msg('common.binding', { role: roleLabel(registration.role), bloc: bloc?.name ?? registration.blocId });
}
