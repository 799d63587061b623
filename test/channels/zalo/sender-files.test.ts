import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { msg, reply } from '../../../src/app/messages.ts';
import type { Files } from '../../../src/app/ports.ts';
import { oneTimeDocumentLink, publishImage } from '../../../src/app/use-cases/public-files.ts';
import { createFileRoute } from '../../../src/channels/file-route.ts';
import { createHttpServer, type HttpServer } from '../../../src/channels/http-server.ts';
import { ZaloClient } from '../../../src/channels/zalo/client.ts';
import { createZaloSender } from '../../../src/channels/zalo/sender.ts';
import { createRepositories } from '../../../src/storage/create-repositories.ts';
import { openDatabase, type Database } from '../../../src/storage/database.ts';
import { migrate } from '../../../src/storage/migrations/index.ts';
import { FakeZaloApi } from '../../fakes/fake-zalo-api.ts';
import { captureLogger } from '../../support/log-capture.ts';

const CHAT = '6ede9afa66b88fe6d6a9';
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 42]);
const XLSX = new Uint8Array([0x50, 0x4b, 3, 4, 42]);

let dir: string;
let database: Database;
let files: Files;
let server: HttpServer;
let base: string;
let api: FakeZaloApi;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'thidua-zalo-files-'));
  database = openDatabase(undefined, { sqlitePath: join(dir, 'thidua.sqlite') });
  await migrate(database.db);
  files = createRepositories(database).files;
  const { logger } = captureLogger();
  server = createHttpServer(logger);
  server.mountPrefix('/files/', createFileRoute({ files, clock: { now: () => new Date() }, log: logger }));
  // PUBLIC_BASE_URL reaching the bot's own server (plain http here; a proxy ends TLS in production).
  base = `http://127.0.0.1:${await server.listen(0, '127.0.0.1')}`;
  // Zalo downloads a photo more than once: the fake fetches each three times before answering.
  api = await FakeZaloApi.start({ photoFetches: 3 });
});
afterEach(async () => {
  await api.close();
  await server.close();
  await database.close();
  rmSync(dir, { recursive: true, force: true });
});

function sender() {
  const { logger } = captureLogger();
  return createZaloSender({
    client: new ZaloClient({ token: api.token, baseUrl: api.url }),
    logger,
    publicBaseUrl: base,
    images: { publishImage: (png) => publishImage(files, base, png, new Date()) },
    documentLink: async (r) => (r.document ? oneTimeDocumentLink(files, base, r.document, new Date()) : undefined),
  });
}

describe('Zalo sender with the files table behind PUBLIC_BASE_URL', () => {
  it('an image goes by URL, and Zalo can fetch it as often as it likes', async () => {
    const chart = reply('engine.hint', {}, { image: { png: PNG, caption: msg('engine.nothingToCancel') } });
    expect(await sender().send(CHAT, chart, 'vi')).toEqual({ ok: true });
    const photo = api.messagesTo(CHAT).find((m) => m.method === 'sendPhoto');
    expect(photo?.photo).toMatch(new RegExp(`^${base}/files/[A-Za-z0-9_-]{24}$`));
    expect(photo?.photoFetches).toEqual([200, 200, 200]);
    const again = await fetch(photo!.photo!);
    expect([...new Uint8Array(await again.arrayBuffer())]).toEqual([...PNG]);
    expect(api.refused).toEqual([]);
  });

  it('a document becomes a one-time link in the text; the link works once', async () => {
    const workbook = reply('engine.hint', {}, { document: { fileName: 'bao-cao.xlsx', bytes: XLSX } });
    expect(await sender().send(CHAT, workbook, 'vi')).toEqual({ ok: true });
    const text = api.messagesTo(CHAT).at(-1)?.text ?? '';
    const link = new RegExp(`${base}/files/[A-Za-z0-9_-]{24}`).exec(text)?.[0];
    expect(link, text).toBeDefined();
    expect(api.callsOf('sendPhoto')).toEqual([]);
    const first = await fetch(link!);
    expect(first.status).toBe(200);
    expect([...new Uint8Array(await first.arrayBuffer())]).toEqual([...XLSX]);
    expect((await fetch(link!)).status).toBe(404);
  });
});
