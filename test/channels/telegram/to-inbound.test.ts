import { describe, expect, it } from 'vitest';
import { callbackQueryId, displayName, toInbound } from '../../../src/channels/telegram/to-inbound.ts';
import { TelegramFixtures } from '../../fakes/telegram-fixtures.ts';

const f = new TelegramFixtures();
const lan = f.user(501, 'Lan', { last_name: 'Nguyễn' });
const dm = f.privateChat(lan);
const group = f.group(-42, 'Lãnh đạo khối');
const now = new Date('2025-06-12T03:00:00Z');

describe('toInbound', () => {
  it('maps a text message in a private chat', () => {
    const update = f.text(dm, lan, 'xin chào');
    const inbound = toInbound(update, now);
    expect(inbound).toEqual({
      channel: 'telegram',
      chatId: '501',
      chatType: 'private',
      userId: '501',
      displayName: 'Lan Nguyễn',
      text: 'xin chào',
      updateId: String(update.update_id),
      at: new Date(update.message.date * 1000),
      choicesAsButtons: true,
    });
  });

  it('marks an edited message as an edit, so the engine says edits are not read', () => {
    expect(toInbound(f.edited(dm, lan, 'sửa'), now)).toMatchObject({ edited: true, text: 'sửa', chatId: '501' });
  });

  it('keeps a command as typed (with @bot), and marks groups and supergroups as groups with their title', () => {
    const inGroup = toInbound(f.command(group, lan, '/bangxephang@thidua_bot 6/2023'), now);
    expect(inGroup).toMatchObject({
      chatId: '-42',
      chatType: 'group',
      chatTitle: 'Lãnh đạo khối',
      text: '/bangxephang@thidua_bot 6/2023',
    });
    const superGroup = toInbound(f.text(f.supergroup(-100123, 'Khối'), lan, '/tiendo'), now);
    expect(superGroup).toMatchObject({ chatId: '-100123', chatType: 'group', chatTitle: 'Khối' });
  });

  it('takes the largest photo size and the caption as text', () => {
    const update = f.photo(dm, lan, 'Ảnh khen thưởng');
    const id = update.message.message_id;
    expect(toInbound(update, now)).toMatchObject({ photoRef: `large-${id}`, text: 'Ảnh khen thưởng' });
    expect(toInbound(f.photo(dm, lan), now)).toMatchObject({ text: '' });
  });

  it('maps a button press to its data as the option id, stamped now, and exposes the query id', () => {
    const update = f.callback(dm, lan, '3|en', 77);
    expect(toInbound(update, now)).toMatchObject({
      optionId: '3|en',
      chatId: '501',
      userId: '501',
      at: now,
      updateId: String(update.update_id),
    });
    expect(toInbound(update, now)?.text).toBeUndefined();
    expect(callbackQueryId(update)).toBe(update.callback_query.id);
    expect(callbackQueryId(f.text(dm, lan, 'x'))).toBeUndefined();
  });

  it('follows a group upgraded to a supergroup', () => {
    expect(toInbound(f.migrate(group, lan, -100999), now)).toMatchObject({
      chatId: '-42',
      migratedToChatId: '-100999',
    });
  });

  it('ignores updates the bot does not handle, without error', () => {
    expect(
      toInbound(
        {
          update_id: 1,
          channel_post: { message_id: 1, date: 1, chat: { id: -5, type: 'channel', title: 'Kênh' }, text: 'x' },
        },
        now,
      ),
    ).toBeUndefined();
    const member = {
      update_id: 2,
      my_chat_member: {
        chat: group,
        from: lan,
        date: 1,
        old_chat_member: { status: 'left', user: lan },
        new_chat_member: { status: 'member', user: lan },
      },
    };
    expect(toInbound(member as never, now)).toBeUndefined();
    // A service message in a group (someone joined) is not for the bot; in a private chat a sticker gets the hint.
    const joined = {
      update_id: 3,
      message: { message_id: 9, date: 1, chat: group, from: lan, new_chat_members: [lan] },
    };
    expect(toInbound(joined as never, now)).toBeUndefined();
    const sticker = { update_id: 4, message: { message_id: 10, date: 1, chat: dm, from: lan, sticker: {} } };
    expect(toInbound(sticker as never, now)).toMatchObject({ text: '' });
  });

  it('names a person by first and last name, else @username, else id', () => {
    expect(displayName({ id: 1, is_bot: false, first_name: 'Hà' })).toBe('Hà');
    expect(displayName({ id: 1, is_bot: false, first_name: '', username: 'ha_lc' })).toBe('@ha_lc');
    expect(displayName({ id: 12, is_bot: false, first_name: ' ' })).toBe('12');
  });
});
