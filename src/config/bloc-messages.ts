import type { z } from 'zod';

/**
 * Short English messages for the operator's terminal (`thidua check-config`), one per problem, each
 * printed after the path it concerns. zod's own wording ("Invalid input: expected number, received
 * string") is replaced by what the clerk should write instead.
 */

const TYPE_WORDS: Record<string, string> = {
  number: 'a number',
  string: 'text',
  boolean: 'true or false',
  array: 'a list (lines starting with "- ")',
  object: 'a map of "key: value" lines',
  record: 'a map of "key: value" lines',
};

/** A number as a Vietnamese clerk might type it ("51,6", "20.207,5"): YAML reads it as text. */
const VIETNAMESE_NUMBER = /^-?\d{1,3}(\.\d{3})*(,\d+)?$|^-?\d+,\d+$/;

export const blocErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return 'required';
      const expected = TYPE_WORDS[issue.expected] ?? issue.expected;
      if (issue.expected === 'number' && typeof issue.input === 'string' && VIETNAMESE_NUMBER.test(issue.input.trim())) {
        return `expected a number, got "${issue.input}": write it without thousands dots and with a decimal point (20207, 10.61)`;
      }
      if (issue.expected === 'int') return 'expected a whole number';
      return `expected ${expected}${issue.input === null ? ', got nothing' : ''}`;
    }
    case 'too_small':
      if (issue.origin === 'array') return `needs at least ${String(issue.minimum)} item(s)`;
      if (issue.origin === 'string') return 'must not be empty';
      return issue.inclusive ? `must be at least ${String(issue.minimum)}` : `must be more than ${String(issue.minimum)}`;
    case 'too_big':
      if (issue.origin === 'array') return `has more than ${String(issue.maximum)} item(s)`;
      return issue.inclusive ? `must be at most ${String(issue.maximum)}` : `must be less than ${String(issue.maximum)}`;
    case 'invalid_value': {
      const values = issue.values.map(String);
      if (issue.input === undefined) return `required: one of ${values.join(', ')}`;
      const got = typeof issue.input === 'string' ? issue.input : undefined;
      const hint = got === undefined ? undefined : closestWord(got, values);
      return `expected one of: ${values.join(', ')}${got === undefined ? '' : `; got "${got}"`}${hint ? ` (did you mean ${hint}?)` : ''}`;
    }
    case 'not_multiple_of':
      return `must be a multiple of ${String(issue.divisor)}`;
    case 'invalid_key':
      // The key's own schema carries the useful message (a year of four digits, a kebab-case id).
      return issue.issues[0]?.message ?? 'invalid key';
    case 'unrecognized_keys':
      return 'unknown key';
    default:
      return undefined;
  }
};

/** The candidate at most two edits away from `word` (typos such as `grace_day`), if there is one. */
export function closestWord(word: string, candidates: readonly string[]): string | undefined {
  let best: { word: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance <= 2 && distance < (best?.distance ?? Infinity)) best = { word: candidate, distance };
  }
  return best?.word;
}

export function didYouMean(word: string, candidates: readonly string[]): string {
  const hint = closestWord(word, candidates);
  return hint ? ` (did you mean ${hint}?)` : '';
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
