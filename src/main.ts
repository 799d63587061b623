import { createHttpServer, type HttpServer } from './channels/http-server.ts';
import { createTelegramChannel, type TelegramChannel } from './channels/telegram/telegram-channel.ts';
import type { CliContext } from './cli/context.ts';
import { t } from './i18n/i18n.ts';
import { runMaintenance } from './jobs/maintenance.ts';
import { startScheduler } from './jobs/scheduler.ts';

/** Webhook mode needs a port; PORT unset there means this one. */
const DEFAULT_WEBHOOK_PORT = 8080;
/** At shutdown, how long the outbox may keep sending what it holds. */
const DRAIN_MS = 10_000;

/**
 * Runs the bot on the configured channels until SIGINT/SIGTERM: stop taking updates, finish those in
 * flight, send what the outbox holds for a bounded time, close the database, exit 0. Exit 1 when the
 * channel cannot start or stops receiving for good (a wrong token, another process polling).
 */
export async function runBot(ctx: CliContext): Promise<number> {
  const { runtime, logger, config } = ctx;
  logger.info({ blocs: ctx.blocs.map((b) => b.id) }, t('cli.startChecked', { blocs: ctx.blocs.length }));
  if (!config.telegram) {
    logger.error({}, 'no channel adapter for this configuration');
    await runtime.close(0);
    return 1;
  }

  let fatal: ((error: unknown) => void) | undefined;
  const failed = new Promise<'fatal'>((resolve) => {
    fatal = () => resolve('fatal');
  });
  let channel: TelegramChannel;
  try {
    channel = await createTelegramChannel({
      token: config.telegram.token,
      apiRoot: config.telegram.apiRoot,
      webhook: config.telegram.webhook,
      engine: runtime.engine,
      logger,
      onFatal: (error) => fatal?.(error),
    });
  } catch (error) {
    logger.error({ err: error, channel: 'telegram' }, 'cannot reach the Telegram Bot API (getMe failed)');
    await runtime.close(0);
    return 1;
  }
  // `/cmd@bot` in groups and deep links need the bot's name; the engine reads it from the services.
  runtime.services.telegramUsername = channel.username;
  runtime.senders.telegram = channel.sender;

  const port = config.port ?? (channel.webhook ? DEFAULT_WEBHOOK_PORT : undefined);
  let http: HttpServer | undefined;
  const stopped = waitForSignal();
  try {
    if (port !== undefined) {
      http = createHttpServer(logger);
      if (channel.webhook) http.mount(channel.webhook.path, channel.webhook.handler);
      await http.listen(port);
    }
    await channel.start();
    if (channel.mode === 'polling') {
      // Only one process can poll a token (Telegram answers 409 to a second): rows a crashed run
      // had claimed are ours to send now, not after their lease (their chats would wait behind them).
      const freed = await runtime.services.repos.outbox.releaseClaims(['telegram'], new Date());
      if (freed > 0) logger.info({ channel: 'telegram', freed }, 'took over messages claimed before a crash');
    }
    runtime.dispatcher.start();
  } catch (error) {
    logger.error({ err: error, channel: 'telegram' }, 'the bot could not start');
    await shutdown(ctx, channel, http);
    return 1;
  }
  logger.info({ channel: 'telegram', username: channel.username, mode: channel.mode, port }, 'bot started');
  const scheduler = startScheduler(
    [maintenanceJob(ctx)],
    ctx.blocs[0]?.calendar.timezone ?? 'Asia/Ho_Chi_Minh',
    logger,
  );

  const reason = await Promise.race([stopped.signal, failed]);
  stopped.dispose();
  logger.info({ reason }, 'stopping');
  await scheduler.stop();
  await shutdown(ctx, channel, http);
  logger.info({}, 'stopped');
  return reason === 'fatal' ? 1 : 0;
}

/** Every night at 03:15: forget old update ids, delete finished outbox rows and expired sessions. */
function maintenanceJob(ctx: CliContext) {
  const { repos } = ctx.runtime.services;
  return {
    name: 'maintenance',
    cron: '15 3 * * *',
    run: (now: Date) =>
      runMaintenance(
        {
          processedUpdates: repos.processedUpdates,
          outbox: repos.outbox,
          purgeExpiredSessions: (at) => ctx.runtime.sessionKeyv.purgeExpired(at),
        },
        now,
      ),
  };
}

async function shutdown(ctx: CliContext, channel: TelegramChannel, http: HttpServer | undefined): Promise<void> {
  try {
    await channel.stop();
    await http?.close();
  } finally {
    // Finishes updates in flight, sends what the outbox holds for a bounded time, closes the database.
    await ctx.runtime.close(DRAIN_MS);
  }
}

function waitForSignal(): { signal: Promise<NodeJS.Signals>; dispose(): void } {
  let onSignal: (signal: NodeJS.Signals) => void = () => {};
  const signal = new Promise<NodeJS.Signals>((resolve) => {
    onSignal = resolve;
  });
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return {
    signal,
    dispose() {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}
