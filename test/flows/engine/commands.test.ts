import { describe, expect, it } from 'vitest';
import { COMMAND_WORDS } from '../../../src/app/permissions.ts';
import { parseCommand } from '../../../src/flows/engine/commands.ts';

const inPrivate = (text: string) => parseCommand(text, 'private', COMMAND_WORDS);

describe('parseCommand', () => {
  it('takes a command typed as the words it is made of, in private chats, diacritics and case ignored', () => {
    expect(inPrivate('dang ky ACDE-FG34')).toEqual({ name: 'dangky', args: 'ACDE-FG34' });
    expect(inPrivate('Đăng Ký  acde fg34')).toEqual({ name: 'dangky', args: 'acde fg34' });
    expect(inPrivate('bao cao 6/2023')).toEqual({ name: 'baocao', args: '6/2023' });
    expect(inPrivate('Tôi là ai')).toEqual({ name: 'toilaai', args: '' });
  });

  it('the shortest match wins, and ordinary text stays text', () => {
    expect(inPrivate('huy bo')).toEqual({ name: 'huy', args: 'bo' });
    expect(inPrivate('dangky ACDEFG34')).toEqual({ name: 'dangky', args: 'ACDEFG34' });
    expect(inPrivate('đang ở đâu')).toBeUndefined();
    expect(inPrivate('20.207 tỷ')).toBeUndefined();
  });

  it('in groups only slash commands count', () => {
    expect(parseCommand('dang ky ACDEFG34', 'group', COMMAND_WORDS)).toBeUndefined();
    expect(parseCommand('/dangky ACDEFG34', 'group', COMMAND_WORDS)).toEqual({ name: 'dangky', args: 'ACDEFG34' });
  });
});
