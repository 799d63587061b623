import { describe, expect, it } from 'vitest';
import { privateChatOf } from '../../src/app/private-chat.ts';

describe('privateChatOf', () => {
  it('is the person’s own id on every channel, and nothing for a channel this program does not know', () => {
    expect(privateChatOf({ channel: 'telegram', userId: '5550001' })).toEqual({
      channel: 'telegram',
      chatId: '5550001',
    });
    expect(privateChatOf({ channel: 'zalo', userId: '6ede9afa66b88fe6d6a9' })).toEqual({
      channel: 'zalo',
      chatId: '6ede9afa66b88fe6d6a9',
    });
    expect(privateChatOf({ channel: 'console', userId: 'focal:si-ma-cai' })).toEqual({
      channel: 'console',
      chatId: 'focal:si-ma-cai',
    });
    expect(privateChatOf({ channel: 'viber', userId: '1' })).toBeUndefined();
  });
});
