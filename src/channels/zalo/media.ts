import axios from 'axios';
import type { Readable } from 'node:stream';

/** A photo someone sent, fetched at once: Zalo's CDN URLs (`*.zdn.vn`) expire. */
export interface DownloadedPhoto {
  bytes: Uint8Array;
  contentType: string;
}

export interface DownloadOptions {
  /** OpenClaw caps inbound photos at 5 MB. */
  maxBytes?: number;
  timeoutMs?: number;
}

export class PhotoDownloadError extends Error {
  override readonly name = 'PhotoDownloadError';
  constructor(
    readonly reason: 'not-http' | 'status' | 'not-an-image' | 'too-large' | 'failed',
    detail = '',
  ) {
    super(`zalo photo download: ${reason}${detail ? ` (${detail})` : ''}`);
  }
}

const MAX_BYTES = 5 * 1024 * 1024;
const TIMEOUT_MS = 30_000;

/**
 * Downloads an incoming photo (`Inbound.photoRef` on Zalo is its URL), size-capped while streaming,
 * so the integrator can store the bytes before the URL expires. The URL comes from Zalo's own
 * update, not from the person; still, only http(s) is fetched and nothing follows a redirect to
 * another scheme. Errors carry no URL (it may be a capability link).
 */
export async function downloadPhoto(url: string, options: DownloadOptions = {}): Promise<DownloadedPhoto> {
  const maxBytes = options.maxBytes ?? MAX_BYTES;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new PhotoDownloadError('not-http');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new PhotoDownloadError('not-http');
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? TIMEOUT_MS);
  try {
    const res = await axios.get<Readable>(parsed.toString(), {
      responseType: 'stream',
      signal: controller.signal,
      validateStatus: () => true,
      maxRedirects: 3,
    });
    if (res.status !== 200) {
      res.data.destroy();
      throw new PhotoDownloadError('status', String(res.status));
    }
    const contentType =
      String(res.headers['content-type'] ?? '')
        .split(';')[0]
        ?.trim() ?? '';
    if (!contentType.startsWith('image/')) {
      res.data.destroy();
      throw new PhotoDownloadError('not-an-image', contentType);
    }
    const declared = Number(res.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) {
      res.data.destroy();
      throw new PhotoDownloadError('too-large', String(declared));
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of res.data) {
      size += (chunk as Buffer).length;
      if (size > maxBytes) {
        res.data.destroy();
        throw new PhotoDownloadError('too-large', `> ${maxBytes}`);
      }
      chunks.push(chunk as Buffer);
    }
    return { bytes: new Uint8Array(Buffer.concat(chunks)), contentType };
  } catch (error) {
    if (error instanceof PhotoDownloadError) throw error;
    const code = (error as { code?: unknown }).code;
    throw new PhotoDownloadError('failed', typeof code === 'string' ? code : 'network');
  } finally {
    clearTimeout(timer);
  }
}
