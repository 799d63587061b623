import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { downloadPhoto } from '../../../src/channels/zalo/media.ts';

let server: Server;
let base: string;
beforeEach(async () => {
  server = createServer((req, res) => {
    if (req.url === '/a.jpg') return res.writeHead(200, { 'content-type': 'image/jpeg' }).end(Buffer.alloc(1000, 7));
    if (req.url === '/page') return res.writeHead(200, { 'content-type': 'text/html' }).end('<html>');
    if (req.url === '/big') {
      // No content-length: the cap must hold while streaming.
      res.writeHead(200, { 'content-type': 'image/png', 'transfer-encoding': 'chunked' });
      for (let i = 0; i < 20; i++) res.write(Buffer.alloc(1000));
      return res.end();
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('downloadPhoto', () => {
  it('fetches the bytes and the type of an incoming photo', async () => {
    const photo = await downloadPhoto(`${base}/a.jpg`);
    expect(photo.contentType).toBe('image/jpeg');
    expect(photo.bytes).toEqual(new Uint8Array(1000).fill(7));
  });

  it('refuses past the cap while streaming, a page that is not an image, a 404 and a non-http URL', async () => {
    await expect(downloadPhoto(`${base}/big`, { maxBytes: 5000 })).rejects.toMatchObject({ reason: 'too-large' });
    await expect(downloadPhoto(`${base}/a.jpg`, { maxBytes: 999 })).rejects.toMatchObject({ reason: 'too-large' });
    await expect(downloadPhoto(`${base}/page`)).rejects.toMatchObject({ reason: 'not-an-image' });
    await expect(downloadPhoto(`${base}/gone`)).rejects.toMatchObject({ reason: 'status', message: /404/ });
    await expect(downloadPhoto('file:///etc/passwd')).rejects.toMatchObject({ reason: 'not-http' });
  });
});
