import type { ConfigProblem } from '../config/env.ts';
import { format, type Lang } from '../i18n/i18n.ts';

/** One bad variable of `.env` as the operator reads it: `PORT: cần số cổng từ 1 đến 65535 (đang là "abc")`. */
export function renderConfigProblem(problem: ConfigProblem, lang: Lang = 'vi'): string {
  const text = format(problem.key, problem.params, lang);
  return problem.variable === '' ? text : `${problem.variable}: ${text}`;
}
