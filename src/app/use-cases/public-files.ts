import type { Files } from '../ports.ts';

/**
 * Files the bot serves under PUBLIC_BASE_URL (issue 10), since Zalo takes images only by URL and
 * cannot receive files at all. Both live in the files table, so any replica serves them.
 */

/**
 * An image (the standings chart) stays for two hours: Zalo downloads it more than once, and at least
 * an hour (OpenClaw's two-minute single-download links gave black images; reference, §2).
 */
export const IMAGE_LIFETIME_MS = 2 * 3_600_000;
/** An export link holds personal data: it works once, within the hour. */
export const EXPORT_LINK_LIFETIME_MS = 3_600_000;

/** Where a stored file is served, relative to PUBLIC_BASE_URL. */
export const FILES_PATH = 'files/';

/** The absolute URL of a served file: under the base URL's own path (a proxy may mount the bot under one). */
export function publicFileUrl(publicBaseUrl: string, id: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/${FILES_PATH}${id}`;
}

/** Stores a PNG for Zalo to fetch (several times, for two hours) and returns its absolute URL. */
export async function publishImage(files: Files, publicBaseUrl: string, png: Uint8Array, now: Date): Promise<string> {
  const id = await files.put({
    kind: 'image',
    contentType: 'image/png',
    bytes: png,
    createdAt: now,
    expiresAt: new Date(now.getTime() + IMAGE_LIFETIME_MS),
  });
  return publicFileUrl(publicBaseUrl, id);
}

/**
 * Stores a document behind a one-time link that expires within the hour, and returns the link.
 * `blocId`, when the caller knows whose data the document holds, narrows which erasure revokes it.
 */
export async function oneTimeDocumentLink(
  files: Files,
  publicBaseUrl: string,
  document: { fileName: string; bytes: Uint8Array; blocId?: string },
  now: Date,
): Promise<string> {
  const id = await files.put({
    kind: 'export',
    contentType: contentTypeOf(document.fileName),
    bytes: document.bytes,
    fileName: document.fileName,
    ...(document.blocId ? { blocId: document.blocId } : {}),
    createdAt: now,
    expiresAt: new Date(now.getTime() + EXPORT_LINK_LIFETIME_MS),
    maxDownloads: 1,
  });
  return publicFileUrl(publicBaseUrl, id);
}

const TYPES: Record<string, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  pdf: 'application/pdf',
};

function contentTypeOf(fileName: string): string {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  return TYPES[extension] ?? 'application/octet-stream';
}
