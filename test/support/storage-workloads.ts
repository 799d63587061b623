import type { Outbox, Repositories } from '../../src/app/ports.ts';
import { saveSubmission } from './submission-fixtures.ts';

const pause = () => new Promise((resolve) => setTimeout(resolve, 2));

/** Claims until nothing is due, pausing between claims as a sender would; returns the ids. */
export async function claimAll(outbox: Outbox, owner: string, now: Date): Promise<number[]> {
  const ids: number[] = [];
  for (;;) {
    const rows = await outbox.claim(owner, 2, 60_000, now, ['telegram']);
    if (rows.length === 0) return ids;
    ids.push(...rows.map((r) => r.id));
    await pause();
  }
}

/** Saves `count` changed revisions of khoi-1/2024-06/bao-yen as `writer`; returns the revisions. */
export async function saveRevisions(repos: Repositories, writer: string, count: number): Promise<number[]> {
  const revisions: number[] = [];
  for (let i = 0; i < count; i++) {
    const raw = `${writer}-${i}`;
    const saved = await saveSubmission(
      repos,
      {
        blocId: 'khoi-1',
        periodId: '2024-06',
        unitId: 'bao-yen',
        status: 'submitted',
        revision: 0,
        values: [{ indicatorCode: 'thu-ngan-sach', raw, value: { type: 'scalar', value: i }, estimate: false }],
      },
      { actor: { channel: 'telegram', userId: writer }, at: new Date() },
    );
    revisions.push(saved.revision);
    await pause();
  }
  return revisions;
}
