import { describe, expect, it } from 'vitest';
import { sessionChat, sessionKey } from '../../../src/flows/engine/session.ts';

describe('sessionChat reads a session key back', () => {
  it('into its channel, chat and person, a group chat id included', () => {
    expect(sessionChat('console:chat-lan:lan')).toEqual({ channel: 'console', chatId: 'chat-lan', userId: 'lan' });
    expect(sessionChat(sessionKey('telegram', '-1001234', '42'))).toEqual({
      channel: 'telegram',
      chatId: '-1001234',
      userId: '42',
    });
  });

  it('keeps a colon inside a chat id with the chat', () => {
    expect(sessionChat('zalo:room:7:u9')).toEqual({ channel: 'zalo', chatId: 'room:7', userId: 'u9' });
  });

  it('refuses what is not a key', () => {
    for (const bad of ['', 'console', 'console:lan', ':chat:lan', 'console::lan', 'console:chat:']) {
      expect(sessionChat(bad)).toBeUndefined();
    }
  });
});
