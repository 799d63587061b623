import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { openMessageSource } from '../../src/cli/console-input.ts';

function streams() {
  const input = new PassThrough();
  const output = new PassThrough();
  let written = '';
  output.setEncoding('utf8').on('data', (chunk: string) => (written += chunk));
  return { input, output, written: () => written };
}

describe('console input on a terminal', () => {
  it('turns bracketed paste on, and reads a pasted report as one message sent by Enter', async () => {
    const { input, output, written } = streams();
    const source = openMessageSource(input, output, true);
    expect(written()).toContain('\x1b[?2004h');
    input.write('\x1b[200~1: 45,2 tỷ\r2: 51,6%\r3: 20.207\x1b[201~');
    input.write('\r');
    input.write('giữ\r');
    expect(await source.next()).toBe('1: 45,2 tỷ\n2: 51,6%\n3: 20.207');
    expect(await source.next()).toBe('giữ');
  });

  it('a paste that ends with a line break is sent by the next Enter, without an empty last line', async () => {
    const { input, output } = streams();
    const source = openMessageSource(input, output, true);
    input.write('\x1b[200~a\rb\r\x1b[201~\r');
    expect(await source.next()).toBe('a\nb');
  });

  it('Ctrl+D and Ctrl+C end the input, and bracketed paste is turned off', async () => {
    for (const key of ['\x04', '\x03']) {
      const { input, output, written } = streams();
      const source = openMessageSource(input, output, true);
      const pending = source.next();
      input.write(key);
      expect(await pending).toBeUndefined();
      expect(written()).toContain('\x1b[?2004l');
    }
  });
});

describe('console input from a pipe', () => {
  it('is one message per line, none lost when they arrive before they are asked for', async () => {
    const { input, output, written } = streams();
    const source = openMessageSource(input, output, false);
    input.end('1\nthư ký\n/toilaai\n');
    expect(await source.next()).toBe('1');
    expect(await source.ask('> ')).toBe('thư ký');
    expect(await source.next()).toBe('/toilaai');
    expect(await source.next()).toBeUndefined();
    expect(written()).not.toContain('\x1b[?2004h');
  });
});
