import { beforeAll, describe, expect, it } from 'vitest';
import { msg, type Message } from '../../src/app/messages.ts';
import { TEXT_BOUNDS } from '../../src/app/use-cases/nominate.ts';
import type { Bloc, Movement } from '../../src/domain/bloc.ts';
import type { NomineeKind } from '../../src/domain/nomination.ts';
import type { Field } from '../../src/flows/nominate/session.ts';
import { localDateOf } from '../../src/domain/calendar/index.ts';
import { movementShortName } from '../../src/flows/nominate/movements.ts';
import { displayDay } from '../../src/flows/shared/format.ts';
import { unitName } from '../../src/flows/shared/labels.ts';
import type { FakeBotApi } from '../fakes/fake-bot-api.ts';
import { withBotFixture, type TempDir } from './support/fixture.ts';
import { botEnv, BotProcess } from './support/bot-process.ts';
import { databaseFile, nominations, type NominationRow } from './support/database-reader.ts';
import { exampleBloc, inviteFocal, label, register } from './support/report-script.ts';
import { buttonsOf, expectedText, TelegramUser } from './support/telegram-user.ts';

let api: FakeBotApi;
let dir: TempDir;
let bloc: Bloc;
beforeAll(async () => {
  bloc = await exampleBloc();
});
withBotFixture((a, d) => {
  api = a;
  dir = d;
});

const ACHIEVEMENTS = 'Đưa 100% thủ tục hành chính của xã lên dịch vụ công trực tuyến, trả kết quả đúng hạn.';
const UNIT = 'si-ma-cai';

function movement(id: string): Movement {
  const found = bloc.movements.find((m) => m.id === id);
  if (!found) throw new Error(`no movement ${id}`);
  return found;
}

const line = (field: Field, value: string | Message) =>
  msg('nominate.summaryLine', { field: msg(`nominate.field.${field}`), value });
const movementLabel = (m: Movement) => `${m.number}. ${m.name}`;

describe('/dexuat and /dsdexuat by Telegram (the bot as a process, long polling)', { timeout: 120_000 }, () => {
  it('an individual with a photo, then a collective without one (skip word): receipts, stored, listed', async () => {
    const env = botEnv({ dataDir: dir.path, apiRoot: api.url, token: api.token });
    const code = await inviteFocal(env, UNIT);
    const bot = await BotProcess.start(env);
    const lan = new TelegramUser(api, 601, 'Lan');
    await register(lan, code);
    // The nomination year is the calendar year in the bloc's zone (2023's members stand in for it).
    const year = localDateOf(new Date(), bloc.calendar.timezone).year;
    const unit = unitName(bloc, UNIT);

    const opening = await lan.say('/dexuat', 2);
    expect(opening.map((m) => m.text)).toEqual([
      expectedText('nominate.intro', { unit, year }),
      expectedText('nominate.ask.kind'),
    ]);
    expect(buttonsOf(opening[1]!).map((b) => b.text)).toEqual([
      label('nominate.kind.collective'),
      label('nominate.kind.individual'),
    ]);
    // The personal-data notice comes as soon as an individual is chosen, before the name is typed.
    const [notice, askName] = await lan.press(label('nominate.kind.individual'), 2);
    expect(notice?.text).toBe(expectedText('nominate.privacy.short'));
    expect(buttonsOf(notice!).map((b) => b.text)).toEqual([label('nominate.privacy.more')]);
    expect(askName?.text).toBe(expectedText('nominate.ask.nameIndividual', { max: TEXT_BOUNDS.name.max }));
    const [askPosition] = await lan.say('Nguyễn Thị Hoa');
    expect(askPosition?.text).toBe(
      expectedText('nominate.ask.position', { name: 'Nguyễn Thị Hoa', max: TEXT_BOUNDS.position.max }),
    );
    await lan.say('Phó Chủ tịch UBND xã');
    const [askMovement] = await lan.say('UBND xã Bản Mế');
    expect(buttonsOf(askMovement!).map((b) => b.text)).toEqual(bloc.movements.map((m) => m.name));
    const digital = movement('chuyen-doi-so');
    const [askAchievements] = await lan.press(digital.name);
    expect(askAchievements?.text).toBe(expectedText('nominate.ask.achievements', TEXT_BOUNDS.achievements));
    const [askPhoto] = await lan.say(ACHIEVEMENTS);
    expect(buttonsOf(askPhoto!).map((b) => b.text)).toEqual([label('nominate.photo.skipLabel')]);

    // A photo as Telegram sends it: several sizes; the largest one's file_id is kept.
    const before = lan.messages().length;
    const photo = api.updates.photo(lan.chat, lan.user);
    await api.send(photo);
    await api.waitForMessages(lan.chatId, before + 1);
    // Only the summary: the notice was given once, before the name.
    const [summary, ...more] = lan.messages().slice(before);
    expect(more).toEqual([]);
    expect(summary?.text).toBe(
      expectedText('nominate.summary', {
        unit,
        year,
        lines: [
          line('kind', msg('nominate.kind.individual')),
          line('name', 'Nguyễn Thị Hoa'),
          line('position', 'Phó Chủ tịch UBND xã'),
          line('workplace', 'UBND xã Bản Mế'),
          line('movement', movementLabel(digital)),
          line('achievements', ACHIEVEMENTS),
          line('photo', msg('nominate.photo.attached')),
        ],
      }),
    );
    expect(nominations(databaseFile(dir.path))).toEqual([]);
    const [sent] = await lan.press(label('nominate.choice.send'));
    const [hoa] = nominations(databaseFile(dir.path));
    expect(hoa).toMatchObject({
      unit_id: UNIT,
      year,
      kind: 'individual',
      name: 'Nguyễn Thị Hoa',
      position: 'Phó Chủ tịch UBND xã',
      workplace: 'UBND xã Bản Mế',
      movement_id: digital.id,
      achievements: ACHIEVEMENTS,
      photo_ref: `large-${photo.message.message_id}`,
    });
    expect(sent?.text).toBe(
      expectedText('nominate.sent', {
        number: hoa!.id,
        name: 'Nguyễn Thị Hoa',
        movement: movementLabel(digital),
        year,
      }),
    );

    // A collective: the kind as an argument, the movement by its number, the photo skipped by word.
    await lan.say('/dexuat tap the', 2);
    await lan.say('Phòng Nội vụ huyện');
    const reform = movement('cai-cach-hanh-chinh');
    await lan.say(String(reform.number));
    await lan.say(ACHIEVEMENTS);
    const [collectiveSummary] = await lan.say('bỏ qua');
    expect(collectiveSummary?.text).toBe(
      expectedText('nominate.summary', {
        unit,
        year,
        lines: [
          line('kind', msg('nominate.kind.collective')),
          line('name', 'Phòng Nội vụ huyện'),
          line('movement', movementLabel(reform)),
          line('achievements', ACHIEVEMENTS),
          line('photo', msg('nominate.photo.none')),
        ],
      }),
    );
    await lan.press(label('nominate.choice.send'));
    const stored = nominations(databaseFile(dir.path));
    expect(stored).toHaveLength(2);
    expect(stored[1]).toMatchObject({
      kind: 'collective',
      name: 'Phòng Nội vụ huyện',
      position: null,
      workplace: null,
      movement_id: reform.id,
      photo_ref: null,
    });

    const [list] = await lan.say('/dsdexuat');
    const entry = (n: NominationRow, m: Movement) =>
      msg('nominations.line', {
        number: n.id,
        kind: msg(`nominate.kind.${n.kind as NomineeKind}`),
        name: n.name ?? '',
        movement: movementShortName(m),
        date: displayDay(new Date(n.created_at), bloc.calendar.timezone),
      });
    expect(list?.text).toBe(
      expectedText('nominations.list', {
        unit,
        year,
        count: 2,
        lines: [entry(stored[0]!, digital), entry(stored[1]!, reform)],
      }),
    );
    expect(await bot.stop()).toEqual({ code: 0, signal: null });
  });
});
