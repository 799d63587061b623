/**
 * A second process for the storage tests, so that "two processes" is literal (on SQLite too).
 * Usage: node --import tsx test/support/storage-child.ts <sqlite path | postgres url> <op> <arg>
 *   claim <owner>: claims outbox rows (due at 2024-06-16T01:00Z) until none is left; prints their ids.
 *   save <writer>: saves 10 revisions of one submission; prints the revisions it got.
 * It prints "ready" once connected and starts when a line arrives on stdin, so both sides overlap.
 */
import { once } from 'node:events';
import { createRepositories } from '../../src/storage/create-repositories.ts';
import { isPostgresUrl, openDatabase } from '../../src/storage/database.ts';
import { claimAll, saveRevisions } from './storage-workloads.ts';

const [target = '', op = '', arg = ''] = process.argv.slice(2);
const database = isPostgresUrl(target) ? openDatabase(target) : openDatabase(undefined, { sqlitePath: target });
const repos = createRepositories(database);
await repos.outbox.pending(new Date());
process.stdout.write('ready\n');
await once(process.stdin, 'data');
const result =
  op === 'claim'
    ? await claimAll(repos.outbox, arg, new Date('2024-06-16T01:00:00.000Z'))
    : await saveRevisions(repos, arg, 10);
process.stdout.write(`${JSON.stringify(result)}\n`);
await database.close();
