import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reply } from '../../../src/app/messages.ts';
import { ConsoleOutput } from '../../../src/channels/console/console-chat.ts';
import { t } from '../../../src/i18n/i18n.ts';

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
const xlsx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 9, 9]);
const withFiles = reply(
  'engine.hint',
  {},
  { image: { png }, document: { fileName: 'thidua khối/6.xlsx', bytes: xlsx } },
);

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'thidua-console-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('the console with an image or a document', () => {
  it('writes both to its folder, byte for byte, and names them after the text', async () => {
    const output = new ConsoleOutput(undefined, { filesDir: join(dir, 'exports') });
    expect(await output.sender.send('c1', withFiles, 'vi')).toEqual({ ok: true });
    const [sent] = output.transcriptOf('c1');
    const [image, document] = sent?.files ?? [];
    expect(readFileSync(image ?? '')).toEqual(Buffer.from(png));
    expect(readFileSync(document ?? '')).toEqual(Buffer.from(xlsx));
    // The reply's own name is kept, made safe for a disk.
    expect(document).toMatch(/-thidua-kh-i-6\.xlsx$/);
    expect(sent?.text).toBe(
      [
        t('engine.hint'),
        t('console.imageSaved', { path: image ?? '' }),
        t('console.documentSaved', { path: document ?? '' }),
      ].join('\n'),
    );
  });

  it('two charts asked for one after the other do not overwrite each other', async () => {
    const output = new ConsoleOutput(undefined, { filesDir: dir });
    await output.sender.send('c1', withFiles, 'en');
    await output.sender.send('c1', withFiles, 'en');
    expect(readdirSync(dir)).toHaveLength(4);
    expect(output.transcriptOf('c1')[0]?.text).toContain('[Image saved: ');
  });

  it('without a folder keeps the reply as it is and writes nothing', async () => {
    const output = new ConsoleOutput();
    await output.sender.send('c1', withFiles, 'vi');
    expect(output.transcriptOf('c1')[0]).toMatchObject({ text: t('engine.hint'), files: [] });
  });
});
