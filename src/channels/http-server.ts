import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Log } from '../app/ports.ts';

export type HttpHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

/**
 * The bot's own small HTTP server on PORT: `GET /healthz`, the channels' webhooks mounted by path
 * (Telegram's and Zalo's side by side), and the files Zalo fetches under PUBLIC_BASE_URL. Anything
 * else is 404. Plain node:http: a handful of routes do not need a framework.
 */
export interface HttpServer {
  /** Routes every request whose path (without the query) is exactly `path` to `handler`. */
  mount(path: string, handler: HttpHandler): void;
  /** Routes every request whose path starts with `prefix` (ending in `/`) and has more after it. */
  mountPrefix(prefix: string, handler: HttpHandler): void;
  /** Listens and resolves with the port actually bound (0 picks a free one). */
  listen(port: number, host?: string): Promise<number>;
  /** Stops accepting connections and resolves once requests in flight have been answered. */
  close(): Promise<void>;
}

export function createHttpServer(log: Log): HttpServer {
  const routes = new Map<string, HttpHandler>();
  const prefixes: Array<{ prefix: string; handler: HttpHandler }> = [];
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true }));
      return;
    }
    const handler =
      routes.get(path) ?? prefixes.find((p) => path.startsWith(p.prefix) && path.length > p.prefix.length)?.handler;
    if (!handler) {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: false }));
      return;
    }
    Promise.resolve()
      .then(() => handler(req, res))
      .catch((error: unknown) => {
        log.error({ err: error, path }, 'http handler failed');
        if (!res.headersSent) res.writeHead(500);
        if (!res.writableEnded) res.end();
      });
  });
  let listening = false;
  return {
    mount(path, handler) {
      routes.set(path, handler);
    },
    mountPrefix(prefix, handler) {
      prefixes.push({ prefix: prefix.endsWith('/') ? prefix : `${prefix}/`, handler });
    },
    listen(port, host) {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          listening = true;
          resolve((server.address() as AddressInfo).port);
        });
      });
    },
    close() {
      if (!listening) return Promise.resolve();
      listening = false;
      return new Promise((resolve) => {
        // Node ≥ 19 also closes idle keep-alive connections here; busy ones end after their answer.
        server.close(() => resolve());
      });
    },
  };
}
