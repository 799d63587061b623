import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Lang, Reply } from '../../app/messages.ts';
import { msg } from '../../app/messages.ts';
import { renderMessage } from '../../i18n/render.ts';

/** A file name safe on every disk: the reply's own name kept, anything odd replaced. */
function safeName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'tep';
}

/**
 * Writes a reply's image and document under `dir` and returns their absolute paths and the lines
 * that name them (`console.imageSaved`, `console.documentSaved`). Each name starts with the time and
 * a short random tag, so a chart asked for twice does not overwrite the first.
 */
export async function saveAttachments(
  dir: string,
  reply: Reply,
  lang: Lang,
): Promise<{ paths: string[]; lines: string[] }> {
  const paths: string[] = [];
  const lines: string[] = [];
  if (!reply.image && !reply.document) return { paths, lines };
  await mkdir(dir, { recursive: true });
  const stamp = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}`;
  if (reply.image) {
    const path = resolve(join(dir, `${stamp}-bieu-do.png`));
    await writeFile(path, reply.image.png);
    paths.push(path);
    lines.push(renderMessage(msg('console.imageSaved', { path }), lang));
  }
  if (reply.document) {
    const path = resolve(join(dir, `${stamp}-${safeName(reply.document.fileName)}`));
    await writeFile(path, reply.document.bytes);
    paths.push(path);
    lines.push(renderMessage(msg('console.documentSaved', { path }), lang));
  }
  return { paths, lines };
}
