/**
 * The problems a bloc file can have, as locale keys under `blocFile.errors.*` with their params.
 * src/config holds no sentence (design.md: no user-facing text in src/): the CLI renders each problem
 * through `t()` in the operator's language, Vietnamese first. Every kind below is a key in
 * `locales/vi.json` and `locales/en.json` (test/config/bloc-messages.test.ts checks).
 */

export const BLOC_ERROR_KINDS = [
  // Reading files and YAML.
  'notFound',
  'permissionDenied',
  'readFailed',
  'notYamlFile',
  'noBlocFiles',
  'emptyFile',
  'duplicateBlocId',
  'yamlSyntax',
  'yamlMultipleDocs',
  'yamlTabIndent',
  'yamlDuplicateKey',
  'yamlUnclosedQuote',
  'yamlIndent',
  'yamlMissingColon',
  'yamlColonInValue',
  'yamlMissingChar',
  'yamlReservedStart',
  'yamlBadEscape',
  'yamlBlockInFlow',
  'yamlUnexpected',
  'yamlAlias',
  'thousandsDot',
  // Types and bounds (zod's issues).
  'required',
  'vietnameseNumber',
  'expected.number',
  'expected.int',
  'expected.text',
  'expected.boolean',
  'expected.list',
  'expected.map',
  'expected.other',
  'blank.number',
  'blank.int',
  'blank.text',
  'blank.boolean',
  'blank.list',
  'blank.map',
  'blank.other',
  'tooFewItems',
  'tooManyItems',
  'emptyText',
  'atLeast',
  'moreThan',
  'atMost',
  'lessThan',
  'multipleOf',
  'requiredOneOf',
  'oneOf',
  'oneOfSuggest',
  'unknownKey',
  'unknownKeySuggest',
  'invalid',
  // Formats written in the schema.
  'notKebab',
  'timeFormat',
  'dateFormat',
  'unknownTimezone',
  'rangeOrder',
  'tieBreakTotal',
  'yearDigits',
  'noYears',
  // Checks inside a section (bloc-local-checks.ts).
  'repeated',
  'bandOrder',
  'bandPoints',
  'bandAboveBenchmark',
  'bandsRequired',
  'bandsWithLinear',
  'percentUnit',
  'unitRequired',
  'amountUnit',
  'unitMismatch',
  'wholeDecimals',
  'ratioOnly',
  'targetWithPlan',
  'targetRequired',
  'dueBeforeOpen',
  'lockBeforeDue',
  'officeHoursOrder',
  'outsideOfficeHours',
  // Checks across sections (bloc-checks.ts).
  'duplicateId',
  'notMember',
  'notMemberSuggest',
  'headIsDeputy',
  'commaInBraces',
  'unknownIndicator',
  'unknownIndicatorSuggest',
  'noPlanForKind',
  'wholePlan',
] as const;

export type BlocErrorKind = (typeof BLOC_ERROR_KINDS)[number];
export type ProblemParams = Record<string, string | number>;

/** A problem before it is placed in a file: a locale key and its params. */
export interface BlocProblem {
  key: BlocErrorKey;
  params: ProblemParams;
}

export const BLOC_ERROR_PREFIX = 'blocFile.errors.';

/** The locale key of a kind of problem (every one exists in locales/: the typecheck says so). */
export type BlocErrorKey = `blocFile.errors.${BlocErrorKind}`;

export const errorKey = (kind: BlocErrorKind): BlocErrorKey => `blocFile.errors.${kind}`;

export const problem = (kind: BlocErrorKind, params: ProblemParams = {}): BlocProblem => ({
  key: errorKey(kind),
  params,
});

/** Kinds that have a variant naming the likely intended word (`…Suggest`, with `{suggestion}`). */
type Suggestible = 'notMember' | 'unknownIndicator' | 'unknownKey' | 'oneOf';

/** The problem, or its `…Suggest` variant when a candidate is at most two edits from `word`. */
export function suggesting(
  kind: Suggestible,
  params: ProblemParams,
  word: string,
  candidates: readonly string[],
): BlocProblem {
  const suggestion = closestWord(word, candidates);
  return suggestion === undefined ? problem(kind, params) : problem(`${kind}Suggest`, { ...params, suggestion });
}

/** Whether a message set by the schema (`{ error: errorKey(…) }`) is one of these keys. */
export function isErrorKey(text: string): text is BlocErrorKey {
  return (
    text.startsWith(BLOC_ERROR_PREFIX) &&
    (BLOC_ERROR_KINDS as readonly string[]).includes(text.slice(BLOC_ERROR_PREFIX.length))
  );
}

/** The candidate at most two edits away from `word` (typos such as `grace_day`), if there is one. */
export function closestWord(word: string, candidates: readonly string[]): string | undefined {
  let best: { word: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance <= 2 && distance < (best?.distance ?? Infinity)) best = { word: candidate, distance };
  }
  return best?.word;
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
