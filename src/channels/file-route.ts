import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock, Files, Log } from '../app/ports.ts';

/** What a served id looks like (base64url); anything else is 404 without asking the database. */
const ID = /^[A-Za-z0-9_-]{16,64}$/;

/**
 * `GET /files/<id>` (and HEAD): the images Zalo fetches and the one-time export links, from the
 * files table. An unknown, expired or used-up id, or one of a file never served (a nomination's
 * photo), gets the same 404 as any unknown path: nothing tells them apart. HEAD answers without
 * using a one-time link up. The id is never logged: it is the only key to the file.
 */
export function createFileRoute(deps: { files: Files; clock: Clock; log: Log }) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'application/json' }).end(JSON.stringify({ ok: false }));
      return;
    }
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const id = path.slice(path.lastIndexOf('/') + 1);
    const now = deps.clock.now();
    const head = req.method === 'HEAD';
    const file = !ID.test(id)
      ? undefined
      : head
        ? await deps.files.available(id, now)
        : await deps.files.download(id, now);
    if (!file) {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: false }));
      return;
    }
    const headers: Record<string, string> = {
      'content-type': file.contentType,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      // A one-time link's bytes hold personal data: no cache may keep them; an image may be reused.
      'cache-control': file.kind === 'export' ? 'no-store' : 'public, max-age=3600',
    };
    if (file.fileName)
      headers['content-disposition'] = `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`;
    const bytes = 'bytes' in file ? (file.bytes as Uint8Array) : undefined;
    if (bytes) headers['content-length'] = String(bytes.length);
    res.writeHead(200, headers);
    res.end(bytes ? Buffer.from(bytes) : undefined);
    deps.log.debug({ kind: file.kind, method: req.method }, 'file served');
  };
}
