import type { z } from 'zod';
import { isErrorKey, problem, suggesting, type BlocProblem, type ProblemParams } from './bloc-messages.ts';
import { BLOC_FILE_KEYS } from './bloc-schema.ts';

/**
 * zod's issues as bloc-file problems (locale keys and params). zod's own English ("Invalid input:
 * expected number, received string") is never shown: each issue code has its key, and the schema's
 * checks set theirs (`{ error: errorKey(…) }`, custom issues with `params`). Needs the issues'
 * `input`, so the loader parses with `reportInput: true`.
 */

/** A problem at a path inside the file. */
export interface PlacedProblem extends BlocProblem {
  path: PropertyKey[];
}

/** The words for zod's `expected` types, as the kinds `expected.*` and `blank.*` name them. */
const TYPE_KINDS: Record<string, 'number' | 'int' | 'text' | 'boolean' | 'list' | 'map'> = {
  number: 'number',
  int: 'int',
  string: 'text',
  boolean: 'boolean',
  array: 'list',
  object: 'map',
  record: 'map',
};

/** A number as a Vietnamese clerk might type it ("51,6", "20.207,5"): YAML reads it as text. */
const VIETNAMESE_NUMBER = /^-?\d{1,3}(\.\d{3})*(,\d+)?$|^-?\d+,\d+$/;

/** One problem per issue, except unknown keys: zod groups them, the clerk needs each key's path. */
export function problemsOf(issue: z.core.$ZodIssue): PlacedProblem[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      path: [...issue.path, key],
      ...suggesting('unknownKey', {}, key, BLOC_FILE_KEYS),
    }));
  }
  return [{ path: issue.path, ...describe(issue) }];
}

function describe(issue: z.core.$ZodIssue): BlocProblem {
  // A message the schema set is already a key; its params, if any, come with a custom issue.
  if (isErrorKey(issue.message))
    return { key: issue.message, params: issue.code === 'custom' ? paramsOf(issue.params) : {} };
  const got = shown(issue.input);
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return problem('required');
      if (
        issue.expected === 'number' &&
        typeof issue.input === 'string' &&
        VIETNAMESE_NUMBER.test(issue.input.trim())
      ) {
        return problem('vietnameseNumber', { text: issue.input });
      }
      const type = TYPE_KINDS[issue.expected];
      if (issue.input === null)
        return type ? problem(`blank.${type}`) : problem('blank.other', { expected: issue.expected });
      return type ? problem(`expected.${type}`, { got }) : problem('expected.other', { expected: issue.expected, got });
    }
    case 'too_small':
      if (issue.origin === 'array') return problem('tooFewItems', { minimum: Number(issue.minimum) });
      if (issue.origin === 'string') return problem('emptyText');
      return problem(issue.inclusive ? 'atLeast' : 'moreThan', { minimum: Number(issue.minimum), got });
    case 'too_big':
      if (issue.origin === 'array') return problem('tooManyItems', { maximum: Number(issue.maximum) });
      return problem(issue.inclusive ? 'atMost' : 'lessThan', { maximum: Number(issue.maximum), got });
    case 'invalid_value': {
      const values = issue.values.map(String);
      if (issue.input === undefined) return problem('requiredOneOf', { values: values.join(', ') });
      const params = { values: values.join(', '), got };
      return typeof issue.input === 'string'
        ? suggesting('oneOf', params, issue.input, values)
        : problem('oneOf', params);
    }
    case 'not_multiple_of':
      return problem('multipleOf', { divisor: Number(issue.divisor), got });
    case 'invalid_key': {
      // The key's own schema says what is wrong (a year of four digits, a kebab-case id).
      const inner = issue.issues[0];
      return inner ? describe(inner) : last(issue);
    }
    default:
      return last(issue);
  }
}

/** The last resort, for an issue no kind covers: zod's text as a param, so nothing is lost. */
const last = (issue: z.core.$ZodIssue): BlocProblem => problem('invalid', { detail: issue.message });

function paramsOf(raw: Record<string, unknown> | undefined): ProblemParams {
  const params: ProblemParams = {};
  for (const [name, value] of Object.entries(raw ?? {})) {
    if (typeof value === 'string' || typeof value === 'number') params[name] = value;
  }
  return params;
}

/** A value as the clerk typed it: text in quotes, numbers and true/false as they are, lists shortened. */
export function shown(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 40 ? `${json.slice(0, 39)}…` : json;
}
