import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { SessionStore } from '../../src/app/ports.ts';
import type { ConsoleChat } from '../../src/channels/console/console-chat.ts';
import { runPeriodLocks, type PeriodLocksReport } from '../../src/jobs/period-locks.ts';
import { describeWithService } from '../support/databases.ts';
import { createHarness, keys, type Harness, type HarnessOptions } from '../support/flow-harness.ts';
import { local } from '../support/submission-fixtures.ts';

/*
 * The lock job where sessions or data live in PostgreSQL: the weaker mode (@keyv/postgres sessions,
 * written after the commit) and two processes on one database. June locks at 00:00 on 10 July.
 */
const DRAFTING = local('2023-07-05T10:00');
const AFTER_LOCK = local('2023-07-10T00:05');
const KEY = 'console:chat-lan:lan';

async function freshPostgres(adminUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `thidua_l_${randomBytes(5).toString('hex')}`;
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

async function run(h: Harness, at = AFTER_LOCK): Promise<PeriodLocksReport> {
  h.clock.now = at;
  const { program } = h;
  const report = await runPeriodLocks({ blocs: [h.bloc], repos: program.repos, engine: program.engine }, at);
  await program.dispatcher.flush();
  return report;
}

async function drafting(h: Harness): Promise<ConsoleChat> {
  const lan = await h.person({ unitId: 'si-ma-cai', userId: 'lan', chatId: 'chat-lan' });
  await lan.say('/baocao 6/2023');
  await lan.say('45,2 tỷ');
  await lan.say('51,6%');
  return lan;
}

const draftsOf = async (h: Harness) =>
  Object.keys(((await h.program.services.sessions.get(KEY)) as { drafts: object }).drafts);

describeWithService('TEST_DATABASE_URL', 'the period-lock job with PostgreSQL', (adminUrl) => {
  let dir: string;
  let pgdb: { url: string; drop: () => Promise<void> };
  const harnesses: Harness[] = [];
  const open = async (options: HarnessOptions) => {
    const h = await createHarness({ now: DRAFTING, dir, ...options });
    harnesses.push(h);
    return h;
  };
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'thidua-locks-'));
    pgdb = await freshPostgres(adminUrl);
  });
  afterEach(async () => {
    for (const h of harnesses.splice(0)) await h.close();
    await pgdb.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('with @keyv/postgres sessions (weaker mode): the notice goes once the session is written', async () => {
    const h = await open({ sessionStoreUrl: pgdb.url });
    const lan = await drafting(h);
    const before = lan.transcript.length;
    expect(await run(h)).toEqual({ closed: 1, stale: 0, failed: 0 });
    expect(keys(lan.transcript.slice(before))).toEqual(['periodLock.draftClosed']);
    expect(await draftsOf(h)).toEqual([]);
    expect(await h.program.repos.openDrafts.forPeriod(h.bloc.id, '2023-06')).toEqual([]);
    expect(await run(h, local('2023-07-10T00:10'))).toEqual({ closed: 0, stale: 0, failed: 0 });
  });

  it('in the weaker mode a failed session write sends nothing and leaves the draft for the next run', async () => {
    let failing = false;
    const flaky = (store: SessionStore): SessionStore => ({
      get: (k) => store.get(k),
      set: (k, v, ttl) => (failing ? Promise.reject(new Error('session store down')) : store.set(k, v, ttl)),
      delete: (k) => store.delete(k),
    });
    const h = await open({ sessionStoreUrl: pgdb.url, wrapSessions: flaky });
    const lan = await drafting(h);
    const before = lan.transcript.length;
    failing = true;
    expect(await run(h)).toEqual({ closed: 0, stale: 0, failed: 1 });
    expect(lan.transcript.slice(before)).toEqual([]);
    expect(await draftsOf(h)).toEqual(['baocao']);
    expect((await h.program.repos.openDrafts.forPeriod(h.bloc.id, '2023-06')).map((d) => d.sessionKey)).toEqual([KEY]);
    failing = false;
    expect(await run(h, local('2023-07-10T00:10'))).toEqual({ closed: 1, stale: 0, failed: 0 });
    expect(keys(lan.transcript.slice(before))).toEqual(['periodLock.draftClosed']);
  });

  it('two processes on one PostgreSQL database, running at once, tell the person once', async () => {
    const first = await open({ databaseUrl: pgdb.url });
    await drafting(first);
    const second = await open({ databaseUrl: pgdb.url, dir: mkdtempSync(join(dir, 'second-')) });
    const reports = await Promise.all([first, second].map((h) => runPeriodLocks(deps(h), AFTER_LOCK)));
    expect(reports.map((r) => r.closed).sort()).toEqual([0, 1]);
    await Promise.all([first, second].map((h) => h.program.dispatcher.flush()));
    const told = [first, second].flatMap((h) => keys(h.output.transcriptOf('chat-lan')));
    expect(told.filter((k) => k === 'periodLock.draftClosed')).toHaveLength(1);
  });
});

function deps(h: Harness) {
  h.clock.now = AFTER_LOCK;
  return { blocs: [h.bloc], repos: h.program.repos, engine: h.program.engine };
}
