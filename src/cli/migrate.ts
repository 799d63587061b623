import { t } from '../i18n/i18n.ts';
import { openCliContext } from './context.ts';

/** `thidua migrate`: brings the database schema up to date (start does it too). */
export async function runMigrate(): Promise<number> {
  const ctx = await openCliContext({ logLevel: 'warn' });
  if (typeof ctx === 'number') return ctx;
  console.log(t('cli.migrated', { dialect: ctx.runtime.database.dialect }));
  await ctx.runtime.close(0);
  return 0;
}
