import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Files } from '../../src/app/ports.ts';
import { oneTimeDocumentLink, publishImage } from '../../src/app/use-cases/public-files.ts';
import { createFileRoute } from '../../src/channels/file-route.ts';
import { createHttpServer, type HttpServer } from '../../src/channels/http-server.ts';
import { createRepositories } from '../../src/storage/create-repositories.ts';
import { openDatabase, type Database } from '../../src/storage/database.ts';
import { migrate } from '../../src/storage/migrations/index.ts';
import { captureLogger } from '../support/log-capture.ts';

const BASE = 'https://bot.example/thidua';
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
const XLSX = new Uint8Array([0x50, 0x4b, 3, 4, 9]);

let dir: string;
let database: Database;
let files: Files;
let server: HttpServer;
let origin: string;
const clock = { now: new Date('2024-06-10T00:00:00.000Z') };
const minutes = (n: number) => new Date(Date.parse('2024-06-10T00:00:00.000Z') + n * 60_000);

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'thidua-files-'));
  database = openDatabase(undefined, { sqlitePath: join(dir, 'thidua.sqlite') });
  await migrate(database.db);
  files = createRepositories(database).files;
  const { logger } = captureLogger();
  server = createHttpServer(logger);
  const route = createFileRoute({ files, clock: { now: () => clock.now }, log: logger });
  // As main.ts mounts it: at /files/ and under PUBLIC_BASE_URL's own path (a proxy may keep it).
  server.mountPrefix('/files/', route);
  server.mountPrefix('/thidua/files/', route);
  origin = `http://127.0.0.1:${await server.listen(0, '127.0.0.1')}`;
  clock.now = minutes(0);
});
afterEach(async () => {
  await server.close();
  await database.close();
  rmSync(dir, { recursive: true, force: true });
});

/** What Zalo (or a browser) would fetch: the public URL's path on the bot's own port. */
const local = (url: string) => `${origin}${new URL(url).pathname}`;
const bytesOf = async (res: Response) => [...new Uint8Array(await res.arrayBuffer())];

describe('GET /files/<id>', () => {
  it('serves a published image several times for two hours, then 404', async () => {
    const url = await publishImage(files, BASE, PNG, clock.now);
    expect(url).toMatch(/^https:\/\/bot\.example\/thidua\/files\/[A-Za-z0-9_-]{24}$/);
    for (const at of [1, 30, 119]) {
      clock.now = minutes(at);
      const res = await fetch(local(url));
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/png');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await bytesOf(res)).toEqual([...PNG]);
    }
    // The same file, reached without the base path (a proxy that strips it).
    expect((await fetch(`${origin}/files/${url.split('/').at(-1)}`)).status).toBe(200);
    clock.now = minutes(121);
    expect((await fetch(local(url))).status).toBe(404);
  });

  it('an export link works once, within the hour, as an attachment nobody caches; HEAD does not use it', async () => {
    const url = await oneTimeDocumentLink(files, BASE, { fileName: 'Báo cáo 6-2024.xlsx', bytes: XLSX }, clock.now);
    clock.now = minutes(5);
    const head = await fetch(local(url), { method: 'HEAD' });
    expect(head.status).toBe(200);
    const res = await fetch(local(url));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-disposition')).toBe(
      "attachment; filename*=UTF-8''B%C3%A1o%20c%C3%A1o%206-2024.xlsx",
    );
    expect(await bytesOf(res)).toEqual([...XLSX]);
    expect((await fetch(local(url))).status).toBe(404);

    const late = await oneTimeDocumentLink(files, BASE, { fileName: 'b.xlsx', bytes: XLSX }, clock.now);
    clock.now = minutes(66);
    expect((await fetch(local(late))).status).toBe(404);
  });

  it('unknown, malformed, used and never-served ids all get the same 404 as an unknown path', async () => {
    const photo = await files.put({ kind: 'photo', contentType: 'image/jpeg', bytes: PNG, createdAt: clock.now });
    const unknownPath = await fetch(`${origin}/nothing-here`);
    const expected = { status: 404, body: await unknownPath.text() };
    for (const path of [`/files/${photo}`, '/files/AAAAAAAAAAAAAAAAAAAAAAAA', '/files/..%2Fetc', '/files/x']) {
      const res = await fetch(`${origin}${path}`);
      expect({ status: res.status, body: await res.text() }, path).toEqual(expected);
    }
    expect((await fetch(`${origin}/files/`)).status).toBe(404);
    expect((await fetch(`${origin}/files/${photo}`, { method: 'POST' })).status).toBe(405);
  });
});
