import { Telegram } from 'telegraf';
import { normaliseApiRoot } from './api-root.ts';

/** The bot's @username from getMe, through telegraf's client (for deep links). */
export async function fetchBotUsername(token: string, apiRoot?: string): Promise<string> {
  const root = normaliseApiRoot(apiRoot);
  const telegram = new Telegram(token, root ? { apiRoot: root } : {});
  const me = await telegram.getMe();
  return me.username;
}
