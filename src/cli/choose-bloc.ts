import type { Bloc } from '../domain/bloc.ts';
import { t } from '../i18n/i18n.ts';

/** The bloc `--bloc` names, or the only one loaded; otherwise the line that says what to pass. */
export function chooseBloc(blocs: readonly Bloc[], id: string | undefined): Bloc | string {
  const ids = blocs.map((b) => b.id).join(', ');
  if (id) return blocs.find((b) => b.id === id) ?? t('cli.inviteBlocUnknown', { bloc: id, blocs: ids });
  if (blocs.length === 1 && blocs[0]) return blocs[0];
  return t('cli.inviteBlocRequired', { blocs: ids });
}
