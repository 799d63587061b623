import { t } from '../i18n/i18n.ts';
import { openProgram } from '../main.ts';
import { readConfiguration } from './context.ts';

/** `thidua migrate`: brings the database schema up to date (start does it too). */
export async function runMigrate(): Promise<number> {
  const read = await readConfiguration();
  if (typeof read === 'number') return read;
  const program = await openProgram({ ...read, logLevel: 'warn' });
  console.log(t('cli.migrated', { dialect: program.database.dialect }));
  await program.close(0);
  return 0;
}
