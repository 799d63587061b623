import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Zalo's photo CDN (`*.zdn.vn`) for tests: serves bytes it was given at URLs that can expire, as
 * Zalo's do, and counts the downloads.
 */
export class FakeZaloCdn {
  private readonly photos = new Map<string, { bytes: Buffer; contentType: string }>();
  readonly fetches: string[] = [];
  private next = 1;

  private constructor(
    private readonly server: Server,
    readonly origin: string,
  ) {}

  static async start(): Promise<FakeZaloCdn> {
    const holder: { cdn?: FakeZaloCdn } = {};
    const server = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      holder.cdn?.fetches.push(path);
      const photo = holder.cdn?.photos.get(path);
      if (!photo) return res.writeHead(404, { 'content-type': 'text/plain' }).end('gone');
      res.writeHead(200, { 'content-type': photo.contentType, 'content-length': photo.bytes.length }).end(photo.bytes);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    holder.cdn = new FakeZaloCdn(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    return holder.cdn;
  }

  /** A photo's URL, as it would come in an update's `photo_url`. */
  host(bytes: Uint8Array, contentType = 'image/jpeg'): string {
    const path = `/jxl/${(this.next++).toString(16).padStart(8, '0')}.jpg`;
    this.photos.set(path, { bytes: Buffer.from(bytes), contentType });
    return `${this.origin}${path}`;
  }

  /** The URL stops working, as Zalo's do after a while. */
  expire(url: string): void {
    this.photos.delete(new URL(url).pathname);
  }

  downloadsOf(url: string): number {
    return this.fetches.filter((p) => p === new URL(url).pathname).length;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
