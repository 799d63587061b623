import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SessionStore } from '../../../src/app/ports.ts';
import { createHarness, keys, type Harness, type HarnessOptions } from '../../support/flow-harness.ts';
import { describeWithService } from '../../support/databases.ts';

/**
 * The conversation engine on every session store: the default (our table in the project's database,
 * SQLite and PostgreSQL), Redis and @keyv/postgres (the weaker mode). Each must resume a conversation
 * after a restart and keep one person's concurrent messages in order.
 */
function sessionSuite(name: string, options: () => Promise<HarnessOptions & { cleanup?: () => Promise<void> }>) {
  describe(name, () => {
    let h: Harness;
    let opts: HarnessOptions & { cleanup?: () => Promise<void> };
    beforeEach(async () => {
      opts = await options();
      h = await createHarness(opts);
    });
    afterEach(async () => {
      await h.close();
      await opts.cleanup?.();
    });

    it('keeps a two-step conversation across a restart', async () => {
      const chat = await h.person({
        role: 'focal',
        userId: `p-${randomBytes(3).toString('hex')}`,
        chatId: 'restart-chat',
      });
      expect(keys(await chat.say('/ngonngu'))).toEqual(['language.ask']);
      const userId = (await h.program.repos.registrations.listActive(h.bloc.id)).at(-1)?.userId ?? '';
      await h.close();
      h = await createHarness({ ...opts, dir: opts.dir });
      const again = await h.person({ role: 'focal', userId, chatId: 'restart-chat' });
      const replies = await again.say('2');
      expect(keys(replies)).toEqual(['language.set']);
      expect(replies[0]?.lang).toBe('en');
    });

    it("applies one person's concurrent messages one after another, even on a slow store", async () => {
      const slow = (store: SessionStore): SessionStore => ({
        get: async (k) => {
          await delay();
          return store.get(k);
        },
        set: async (k, v, ttl) => {
          await delay();
          return store.set(k, v, ttl);
        },
        delete: (k) => store.delete(k),
      });
      await h.close();
      h = await createHarness({ ...opts, wrapSessions: slow });
      const chat = await h.person({ role: 'focal', userId: `r-${randomBytes(3).toString('hex')}` });
      const inputs = ['/ngonngu', '2', '/ngonngu', '1', '/ngonngu', '2'];
      await Promise.all(inputs.map((text) => chat.say(text)));
      const sent = chat.transcript.map((m) => m.reply.key);
      expect(sent).toEqual([
        'language.ask',
        'language.set',
        'language.ask',
        'language.set',
        'language.ask',
        'language.set',
      ]);
      expect(chat.transcript.at(-1)?.lang).toBe('en');
    });
  });
}

const delay = () => new Promise((r) => setTimeout(r, Math.random() * 15));

function tempDir(): { dir: string; cleanup: () => Promise<void> } {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-sess-'));
  return { dir, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
}

async function freshPostgres(adminUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `thidua_s_${randomBytes(5).toString('hex')}`;
  const run = async (sql: string) => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await run(`create database ${name}`);
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return { url: u.toString(), drop: () => run(`drop database if exists ${name} with (force)`) };
}

sessionSuite('sessions in the database (default, SQLite)', async () => tempDir());

describeWithService('TEST_DATABASE_URL', 'sessions on PostgreSQL', (adminUrl) => {
  sessionSuite('default store over PostgreSQL data', async () => {
    const { dir, cleanup } = tempDir();
    const pgdb = await freshPostgres(adminUrl);
    return {
      dir,
      databaseUrl: pgdb.url,
      cleanup: async () => {
        await pgdb.drop();
        await cleanup();
      },
    };
  });
  sessionSuite('@keyv/postgres session store (weaker mode)', async () => {
    const { dir, cleanup } = tempDir();
    const pgdb = await freshPostgres(adminUrl);
    return {
      dir,
      sessionStoreUrl: pgdb.url,
      cleanup: async () => {
        await pgdb.drop();
        await cleanup();
      },
    };
  });
});

describeWithService('TEST_REDIS_URL', 'sessions on Redis', (redisUrl) => {
  sessionSuite(
    '@keyv/redis session store (weaker mode)',
    async () => tempDir() && { ...tempDir(), sessionStoreUrl: redisUrl },
  );
});
