import { type Kysely, sql } from 'kysely';
import type { Submissions } from '../app/ports.ts';
import type { ReportedValue, Submission } from '../domain/submission.ts';
import type { Dialect } from './database.ts';
import type { DatabaseSchema } from './schema.ts';
import { auditRow, submissionRow, toAuditEntry, toReportedValue, toSubmission, valueRow } from './submission-rows.ts';
import { currentExecutor, transactional } from './unit-of-work.ts';

type Db = Kysely<DatabaseSchema>;

async function load(db: Db, blocId: string, periodId: string, unitId: string): Promise<Submission | undefined> {
  const row = await db
    .selectFrom('submissions')
    .selectAll()
    .where('bloc_id', '=', blocId)
    .where('period_id', '=', periodId)
    .where('unit_id', '=', unitId)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  const values = await db
    .selectFrom('submission_values')
    .selectAll()
    .where('bloc_id', '=', blocId)
    .where('period_id', '=', periodId)
    .where('unit_id', '=', unitId)
    .orderBy('indicator_code')
    .execute();
  return toSubmission(row, values.map(toReportedValue));
}

/**
 * Writers of one report (two focal points of a unit, a focal point and the secretariat's /nhapho)
 * take turns on PostgreSQL, so each settles its revision, timeliness and audit against what the other
 * committed. A row lock (FOR UPDATE) would not do: before a unit's first report there is no row to
 * lock, and both would take themselves for the first. A transaction-scoped advisory lock on the
 * report's key covers that too; it is released at commit or rollback. SQLite has one writer at a time.
 */
async function takeTurn(trx: Db, dialect: Dialect, blocId: string, periodId: string, unitId: string): Promise<void> {
  if (dialect !== 'postgres') return;
  const key = JSON.stringify(['submission', blocId, periodId, unitId]);
  await sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(trx);
}

/** Submissions with their values and a per-value audit trail: stored as given, no rule of their own. */
export function sqlSubmissions(db: Db, dialect: Dialect): Submissions {
  return {
    lock: (blocId, periodId, unitId) => takeTurn(currentExecutor(db), dialect, blocId, periodId, unitId),

    find: (blocId, periodId, unitId) => load(currentExecutor(db), blocId, periodId, unitId),

    write: (submission, audit) =>
      transactional(db, async (trx) => {
        const { blocId, periodId, unitId } = submission;
        const row = submissionRow(submission, submission.revision, audit.at);
        const { bloc_id: _b, period_id: _p, unit_id: _u, ...update } = row;
        await trx
          .insertInto('submissions')
          .values(row)
          .onConflict((oc) => oc.columns(['bloc_id', 'period_id', 'unit_id']).doUpdateSet(update))
          .execute();
        // Values are few (one per indicator): replacing them all is simpler than merging.
        await trx
          .deleteFrom('submission_values')
          .where('bloc_id', '=', blocId)
          .where('period_id', '=', periodId)
          .where('unit_id', '=', unitId)
          .execute();
        if (submission.values.length > 0) {
          await trx
            .insertInto('submission_values')
            .values(submission.values.map((v) => valueRow(submission, v)))
            .execute();
        }
        if (audit.changes.length > 0) {
          await trx
            .insertInto('submission_audit')
            .values(audit.changes.map((c) => auditRow(submission, submission.revision, c, audit)))
            .execute();
        }
      }),

    async listForPeriod(blocId, periodId) {
      const exec = currentExecutor(db);
      const rows = await exec
        .selectFrom('submissions')
        .selectAll()
        .where('bloc_id', '=', blocId)
        .where('period_id', '=', periodId)
        .orderBy('unit_id')
        .execute();
      const values = await exec
        .selectFrom('submission_values')
        .selectAll()
        .where('bloc_id', '=', blocId)
        .where('period_id', '=', periodId)
        .orderBy('indicator_code')
        .execute();
      const byUnit = new Map<string, ReportedValue[]>();
      for (const v of values) {
        const list = byUnit.get(v.unit_id) ?? [];
        list.push(toReportedValue(v));
        byUnit.set(v.unit_id, list);
      }
      return rows.map((r) => toSubmission(r, byUnit.get(r.unit_id) ?? []));
    },

    async auditTrail(blocId, periodId, unitId) {
      const rows = await currentExecutor(db)
        .selectFrom('submission_audit')
        .selectAll()
        .where('bloc_id', '=', blocId)
        .where('period_id', '=', periodId)
        .where('unit_id', '=', unitId)
        .orderBy('id')
        .execute();
      return rows.map(toAuditEntry);
    },
  };
}
