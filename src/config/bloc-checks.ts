import { problem, suggesting, type BlocProblem } from './bloc-messages.ts';
import { INDICATOR_KINDS } from './bloc-schema.ts';

/**
 * Checks that look across sections of the bloc file: unique ids, head and deputy among the year's
 * members, plan keys naming members and indicators. They run on the file as read, even where other
 * parts are malformed, so that one run reports every mistake; so they read the raw data defensively
 * and say nothing about a value the schema already reports (a plan that is text, a bad id).
 */

/** A problem at a path of the file (a locale key and its params; see bloc-messages.ts). */
export interface CrossIssue extends BlocProblem {
  path: (string | number)[];
}

type Raw = Record<string, unknown>;
const isMap = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);
const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const idOf = (value: unknown, key: string): string | undefined => {
  const id = isMap(value) ? value[key] : undefined;
  return typeof id === 'string' && KEBAB.test(id) ? id : undefined;
};

/** Kinds that may have a plan per unit: amount and count (the target), ratio (the denominator). */
const PLANNED_KINDS = ['amount', 'count', 'ratio'];

export function crossCheckBlocFile(file: unknown): CrossIssue[] {
  if (!isMap(file)) return [];
  const issues: CrossIssue[] = [];
  const indicatorKinds = new Map<string, string | undefined>();
  uniqueIds(file.indicators, ['indicators'], 'code', issues).forEach((index, code) => {
    const kind = (listOf(file.indicators)[index] as Raw).kind;
    // A misspelt kind is the schema's to report: here the code still counts as known.
    indicatorKinds.set(
      code,
      typeof kind === 'string' && (INDICATOR_KINDS as readonly string[]).includes(kind) ? kind : undefined,
    );
  });
  uniqueIds(file.movements, ['movements'], 'id', issues);
  if (isMap(file.years)) {
    for (const [year, body] of Object.entries(file.years)) {
      if (isMap(body)) checkYear(year, body, indicatorKinds, issues);
    }
  }
  return issues;
}

/** Reports repeated ids and returns the first position of each id. */
function uniqueIds(
  list: unknown,
  listPath: (string | number)[],
  key: string,
  issues: CrossIssue[],
): Map<string, number> {
  const first = new Map<string, number>();
  listOf(list).forEach((item, index) => {
    const id = idOf(item, key);
    if (id === undefined) return;
    const earlier = first.get(id);
    if (earlier === undefined) first.set(id, index);
    else
      issues.push({
        path: [...listPath, index, key],
        // Counted from 1, as the file's comments count (bloc-path.ts).
        ...problem('duplicateId', { id, other: `${listPath.join('.')}[${earlier + 1}]` }),
      });
  });
  return first;
}

function checkYear(
  year: string,
  body: Raw,
  indicatorKinds: Map<string, string | undefined>,
  issues: CrossIssue[],
): void {
  const at = (...path: (string | number)[]) => ['years', year, ...path];
  // Without a readable list of units, membership cannot be judged: the schema reports the list.
  if (!Array.isArray(body.units)) return;
  const members = [...uniqueIds(body.units, at('units'), 'id', issues).keys()];
  const notMember = (id: string) => suggesting('notMember', { id, year }, id, members);
  for (const role of ['head', 'deputy'] as const) {
    const id = body[role];
    if (typeof id === 'string' && KEBAB.test(id) && !members.includes(id))
      issues.push({ path: at(role), ...notMember(id) });
  }
  if (typeof body.deputy === 'string' && body.deputy === body.head)
    issues.push({ path: at('deputy'), ...problem('headIsDeputy') });
  if (!isMap(body.plans)) return;
  const codes = [...indicatorKinds.keys()];
  for (const [unitId, plan] of Object.entries(body.plans)) {
    if (!KEBAB.test(unitId)) continue;
    if (!members.includes(unitId)) {
      issues.push({ path: at('plans', unitId), ...notMember(unitId) });
      continue;
    }
    if (!isMap(plan)) continue;
    for (const [code, value] of Object.entries(plan)) {
      if (!KEBAB.test(code)) continue;
      const kind = indicatorKinds.get(code);
      if (/^\d+$/.test(code)) {
        // In `{ thu-ngan-sach: 1,500 }` the comma separates entries: YAML reads 1 and a key "500".
        issues.push({ path: at('plans', unitId, code), ...problem('commaInBraces', { code }) });
      } else if (!indicatorKinds.has(code)) {
        issues.push({ path: at('plans', unitId, code), ...suggesting('unknownIndicator', { code }, code, codes) });
      } else if (typeof kind === 'string' && !PLANNED_KINDS.includes(kind)) {
        issues.push({ path: at('plans', unitId, code), ...problem('noPlanForKind', { kind }) });
      } else if ((kind === 'count' || kind === 'ratio') && typeof value === 'number' && !Number.isInteger(value)) {
        issues.push({ path: at('plans', unitId, code), ...problem('wholePlan', { kind }) });
      }
    }
  }
}
