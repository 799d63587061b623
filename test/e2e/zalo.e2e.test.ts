import { beforeAll, describe, expect, it } from 'vitest';
import type { Bloc } from '../../src/domain/bloc.ts';
import { unitName } from '../../src/flows/shared/labels.ts';
import type { FakeBotApi } from '../fakes/fake-bot-api.ts';
import { FAKE_ZALO_SECRET_PART, type FakeZaloApi } from '../fakes/fake-zalo-api.ts';
import { botEnv, BotProcess, type BotEnvOptions } from './support/bot-process.ts';
import { withZaloFixture, type TempDir } from './support/fixture.ts';
import { exampleBloc, firstLine } from './support/report-script.ts';
import { expectedText, TelegramUser } from './support/telegram-user.ts';
import { inviteOnZalo, registerByCode, stopCleanly, zaloBotEnv } from './support/zalo-script.ts';
import { ZaloUser, zaloText } from './support/zalo-user.ts';

let api: FakeZaloApi;
let telegram: FakeBotApi;
let dir: TempDir;
let bloc: Bloc;
beforeAll(async () => {
  bloc = await exampleBloc();
});
withZaloFixture((world) => {
  ({ zalo: api, telegram, dir } = world);
});

const UNIT = 'si-ma-cai';
const zaloEnv = (extra: Partial<BotEnvOptions> = {}) => zaloBotEnv(api, dir.path, 'polling', extra);

describe(
  'Zalo, long polling: start, registration, what Zalo cannot do (the bot as a process)',
  { timeout: 120_000 },
  () => {
    it('a token Zalo refuses: exit 1, naming ZALO_BOT_TOKEN, the token nowhere in the output', async () => {
      const token = '1459232241454765289:WrongSecret_k3Lm9';
      const start = BotProcess.start(botEnv({ dataDir: dir.path, zalo: { apiBase: api.url, token } }));
      const error = await start.then(
        () => 'started',
        (e: unknown) => String(e),
      );
      expect(error).toMatch(/exited \(\{"code":1,"signal":null\}\)/);
      expect(error).toContain(zaloText('zalo.badToken', { description: '401 Unauthorized' }));
      expect(error).toContain('ZALO_BOT_TOKEN');
      expect(error).not.toContain('WrongSecret_k3Lm9');
    });

    it('Zalo refusing the token mid-run stops Zalo alone while Telegram goes on; with Zalo alone the bot exits 1', async () => {
      const both = await BotProcess.start(await zaloEnv({ apiRoot: telegram.url, token: telegram.token }));
      const authLost = zaloText('zalo.authLost', { description: '401 Unauthorized' });
      api.inject('getUpdates', { kind: 'error', code: 401 });
      await both.waitForLog((l) => l.msg === 'Zalo refuses ZALO_BOT_TOKEN: the Zalo channel stops');
      expect(both.stderr).toContain(authLost);
      const polls = api.callsOf('getUpdates').length;
      const [help] = await new TelegramUser(telegram, 901, 'Lan').say('/trogiup');
      expect(help?.text?.split('\n')[0]).toBe(expectedText('help.introStranger', { commands: [] }).split('\n')[0]);
      expect(api.callsOf('getUpdates')).toHaveLength(polls);
      expect(await both.stop()).toEqual({ code: 0, signal: null });

      const alone = await BotProcess.start(await zaloEnv());
      api.inject('getUpdates', { kind: 'error', code: 401 });
      expect(await alone.exited).toEqual({ code: 1, signal: null });
      expect(alone.stderr).toContain(authLost);
      expect(alone.output).not.toContain(FAKE_ZALO_SECRET_PART);
    });

    it('registering by a typed code; /toilaai gives the Zalo id for ADMIN_ZALO_IDS; stickers and groups answered', async () => {
      const admin = new ZaloUser(api, 'Quản trị');
      const env = await zaloEnv({ adminZaloIds: [admin.id] });
      const codes = [await inviteOnZalo(api, env, UNIT), await inviteOnZalo(api, env, UNIT)];
      // Left from a webhook deployment: with it set, getUpdates would go silent.
      api.webhook = { url: 'https://old.example/zalo', secret: 'old-secret-123', updated_at: 1 };
      const bot = await BotProcess.start(env);
      expect(bot.logs().find((l) => l.msg === 'bot started')).toMatchObject({
        channels: { zalo: { mode: 'polling', bot: api.bot.account_name } },
      });
      // So it was deleted before the first poll, and the log says so.
      expect(api.webhook).toBeUndefined();
      await api.waitForCalls('getUpdates', 1);
      const deleted = api.calls.findIndex((c) => c.method === 'deleteWebhook');
      expect(deleted).toBeGreaterThanOrEqual(0);
      expect(deleted).toBeLessThan(api.calls.findIndex((c) => c.method === 'getUpdates'));
      expect(bot.logs().some((l) => l.webhook === 'https://old.example/zalo')).toBe(true);

      const lan = new ZaloUser(api, 'Nguyễn Thị Lan');
      const [notice, welcome, next] = await lan.say(
        `đăng ký ${codes[0]!.slice(0, 4).toLowerCase()}-${codes[0]!.slice(4)}`,
        3,
      );
      expect(notice?.text).toBe(zaloText('zalo.automatedNotice'));
      expect(welcome?.text).toContain('Nguyễn Thị Lan');
      expect(welcome?.text).toContain(unitName(bloc, UNIT));
      expect(next?.text).toBe(zaloText('register.next.focal'));
      await registerByCode(new ZaloUser(api, 'Lò Văn Minh'), codes[1]!, bloc, UNIT);

      // The ids are Zalo's own strings, shown as ADMIN_ZALO_IDS needs them; the admin is recognised.
      const [whoLan] = await lan.say('/toilaai');
      expect(whoLan?.text).toContain(`Mã tài khoản: ${lan.id}`);
      expect(whoLan?.text).toContain('Kênh: zalo');
      const [whoAdmin] = await admin.say('toi la ai');
      expect(whoAdmin?.text).toContain(`Mã tài khoản: ${admin.id}`);
      expect(whoAdmin?.text).toContain(zaloText('whoami.admin'));
      const [nhom] = await admin.say('/nhom');
      expect(nhom?.text).toBe(zaloText('zalo.groupOnTelegram'));

      const [sticker] = await lan.expect(1, () => lan.deliver(api.updates.sticker(lan.identity)));
      expect(sticker?.text).toBe(zaloText('zalo.unsupported'));
      const group = api.updates.groupId();
      const [pointer] = await lan.expect(
        1,
        () => lan.deliver(api.updates.groupText(lan.identity, group, '@Bot Thi đua /baocao')),
        15_000,
        group,
      );
      expect(pointer?.text).toBe(zaloText('zalo.groupUsePrivate'));
      // An event without a message (withheld content) is taken and ignored; the bot goes on.
      api.enqueue(api.updates.unsupported(lan.identity, false));
      const [help] = await lan.say('/trogiup');
      expect(firstLine(help?.text)).toBe(firstLine(zaloText('help.intro', { commands: [] })));
      await stopCleanly(api, bot);
    });
  },
);
