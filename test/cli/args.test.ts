import { describe, expect, it } from 'vitest';
import { parseCommandArgs } from '../../src/cli/args.ts';

const console_ = { options: ['as'], positionals: 0 };
const invite = { options: ['role', 'unit', 'bloc', 'ttl'], positionals: 0 };
const checkConfig = { options: [], positionals: 1 };

describe('parseCommandArgs', () => {
  it('takes the word after a string option whatever it starts with, and --name=value', () => {
    expect(parseCommandArgs(['--as', '-:thuky'], console_)).toEqual({
      type: 'ok',
      values: { as: '-:thuky' },
      positionals: [],
    });
    expect(parseCommandArgs(['--as=-:thuky'], console_)).toEqual({
      type: 'ok',
      values: { as: '-:thuky' },
      positionals: [],
    });
    expect(parseCommandArgs(['--as=si-ma-cai:daumoi'], console_)).toMatchObject({ values: { as: 'si-ma-cai:daumoi' } });
  });

  it('reads several options and a positional', () => {
    expect(parseCommandArgs(['--role', 'focal', '--unit', 'si-ma-cai', '--ttl=3d'], invite)).toEqual({
      type: 'ok',
      values: { role: 'focal', unit: 'si-ma-cai', ttl: '3d' },
      positionals: [],
    });
    expect(parseCommandArgs(['deploy'], checkConfig)).toEqual({ type: 'ok', values: {}, positionals: ['deploy'] });
  });

  it('names a missing value, an unknown option and an extra word', () => {
    expect(parseCommandArgs(['--role'], invite)).toEqual({
      type: 'error',
      problem: { key: 'cli.args.missingValue', word: '--role' },
    });
    // The next word is another option: the value was forgotten, not "--unit".
    expect(parseCommandArgs(['--role', '--unit', 'x'], invite)).toEqual({
      type: 'error',
      problem: { key: 'cli.args.missingValue', word: '--role' },
    });
    expect(parseCommandArgs(['--rol', 'focal'], invite)).toEqual({
      type: 'error',
      problem: { key: 'cli.args.unknownOption', word: '--rol' },
    });
    expect(parseCommandArgs(['-v'], checkConfig)).toEqual({
      type: 'error',
      problem: { key: 'cli.args.unknownOption', word: '-v' },
    });
    expect(parseCommandArgs(['a.yaml', 'b.yaml'], checkConfig)).toEqual({
      type: 'error',
      problem: { key: 'cli.args.extraWord', word: 'b.yaml' },
    });
    expect(parseCommandArgs(['focal'], invite)).toEqual({
      type: 'error',
      problem: { key: 'cli.args.extraWord', word: 'focal' },
    });
  });

  it('answers --help and -h anywhere, before any other mistake', () => {
    expect(parseCommandArgs(['--help'], invite)).toEqual({ type: 'help' });
    expect(parseCommandArgs(['--role', 'x', '-h'], invite)).toEqual({ type: 'help' });
    expect(parseCommandArgs(['--bogus', '--help'], invite)).toEqual({ type: 'help' });
  });
});
