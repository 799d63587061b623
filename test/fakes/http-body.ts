import type { IncomingMessage, ServerResponse } from 'node:http';

/** A file uploaded in a multipart body: its name, its declared type and its bytes. */
export interface UploadedFile {
  filename: string;
  contentType?: string;
  size: number;
  data: Buffer;
}

/** A request body read as Bot API parameters: JSON, a form, or multipart (files with their bytes). */
export interface ParsedBody {
  params: Record<string, unknown>;
  /** Uploaded files by field name. */
  files: Record<string, UploadedFile>;
  bytes: number;
}

export async function readBody(req: IncomingMessage): Promise<ParsedBody> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const query = Object.fromEntries(new URL(req.url ?? '/', 'http://x').searchParams);
  const type = req.headers['content-type'] ?? '';
  const out: ParsedBody = { params: { ...query }, files: {}, bytes: raw.length };
  if (raw.length === 0) return out;
  if (type.includes('application/json')) {
    Object.assign(out.params, JSON.parse(raw.toString('utf8')) as Record<string, unknown>);
  } else if (type.includes('application/x-www-form-urlencoded')) {
    Object.assign(out.params, Object.fromEntries(new URLSearchParams(raw.toString('utf8'))));
  } else if (type.includes('multipart/form-data')) {
    const boundary = /boundary=("?)([^";]+)\1/.exec(type)?.[2];
    if (boundary) parseMultipart(raw, boundary, out);
  }
  return out;
}

/** Just enough multipart: text fields as strings (JSON-looking ones parsed), files with their bytes. */
function parseMultipart(raw: Buffer, boundary: string, out: ParsedBody): void {
  const text = raw.toString('latin1');
  for (const part of text.split(`--${boundary}`)) {
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd < 0) continue;
    const headers = part.slice(0, headerEnd);
    const name = /name="([^"]*)"/.exec(headers)?.[1];
    if (!name) continue;
    const body = part.slice(headerEnd + 4).replace(/\r\n$/, '');
    const filename = /filename="([^"]*)"/.exec(headers)?.[1];
    if (filename !== undefined) {
      const data = Buffer.from(body, 'latin1');
      const contentType = /content-type:\s*([^\r\n;]+)/i.exec(headers)?.[1]?.trim();
      out.files[name] = { filename, size: data.length, data, ...(contentType ? { contentType } : {}) };
      continue;
    }
    const value = Buffer.from(body, 'latin1').toString('utf8');
    out.params[name] = /^[[{]/.test(value) ? safeJson(value) : value;
  }
}

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

export function json(res: ServerResponse, status: number, body: unknown): void {
  if (res.destroyed || res.writableEnded) return;
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
