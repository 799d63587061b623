import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import { problem, type BlocErrorKind, type BlocProblem } from './bloc-messages.ts';

/**
 * Reading the YAML text of a bloc file: syntax errors with their line, the line of any path (so a
 * schema error can point at it), and one trap of Vietnamese writing that YAML would swallow.
 */

/** A problem of the YAML text (a locale key and its params; see bloc-messages.ts), with its line. */
export interface YamlProblem extends BlocProblem {
  path: string[];
  line?: number;
}

export type YamlReadResult =
  | { ok: true; data: unknown; lineOf: (path: readonly PropertyKey[]) => number | undefined; problems: YamlProblem[] }
  | { ok: false; problems: YamlProblem[] };

/**
 * A plain number like `20.207` or `1.500`: YAML reads a decimal (20.207), while a Vietnamese clerk
 * means twenty thousand two hundred and seven (the dot groups thousands). Never guess: ask for 20207.
 */
const THOUSANDS_DOT = /^[1-9]\d{0,2}(\.\d{3})+$/;

/**
 * yaml's error codes, each with a key that says in Vietnamese what is wrong and how to mend it (its
 * own messages speak English to a programmer). A code not listed here is `yamlSyntax` with the code.
 */
const CLEARER: Partial<Record<string, BlocErrorKind>> = {
  MULTIPLE_DOCS: 'yamlMultipleDocs',
  TAB_AS_INDENT: 'yamlTabIndent',
  DUPLICATE_KEY: 'yamlDuplicateKey',
  BAD_INDENT: 'yamlIndent',
  MULTILINE_IMPLICIT_KEY: 'yamlMissingColon',
  BLOCK_AS_IMPLICIT_KEY: 'yamlColonInValue',
  MISSING_CHAR: 'yamlMissingChar',
  BAD_SCALAR_START: 'yamlReservedStart',
  BAD_DQ_ESCAPE: 'yamlBadEscape',
  BLOCK_IN_FLOW: 'yamlBlockInFlow',
  UNEXPECTED_TOKEN: 'yamlUnexpected',
  BAD_ALIAS: 'yamlAlias',
  ALIAS_PROPS: 'yamlAlias',
};

/**
 * Whether a YAML file in a bloc folder is meant as a bloc file: a map with `id` and `indicators` at
 * its top level. A deploy folder also holds compose.yaml and the like, which are no bloc's mistakes.
 * Broken YAML counts as a bloc file, so its errors are shown rather than the file passed over.
 */
export function looksLikeBlocFile(text: string): boolean {
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length > 0) return true;
  const top = doc.contents;
  return isMap(top) && top.has('id') && top.has('indicators');
}

export function readYaml(text: string): YamlReadResult {
  const lineCounter = new LineCounter();
  // prettyErrors adds a multi-line code frame to each message; the operator gets one line per error.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line;
  if (doc.errors.length > 0) {
    // One problem per line: yaml often reports two or three codes for one slip.
    const seen = new Set<number>();
    const problems: YamlProblem[] = [];
    for (const error of doc.errors) {
      const opening = error.code === 'MISSING_CHAR' ? unclosedQuoteStart(doc, error.pos[0]) : undefined;
      const line = lineAt(opening ?? error.pos[0]);
      if (seen.has(line)) continue;
      seen.add(line);
      problems.push({ path: [], ...syntaxProblem(error.code, opening, text.charAt(error.pos[0])), line });
    }
    return { ok: false, problems };
  }
  const lineOf = (path: readonly PropertyKey[]) => {
    const offset = offsetOf(doc, path);
    return offset === undefined ? undefined : lineAt(offset);
  };
  return { ok: true, data: doc.toJS(), lineOf, problems: thousandsDots(doc, text, lineAt) };
}

function syntaxProblem(code: string, quoteOpening: number | undefined, char: string): BlocProblem {
  if (quoteOpening !== undefined) return problem('yamlUnclosedQuote');
  const kind = CLEARER[code];
  if (kind === 'yamlReservedStart') return problem(kind, { char });
  return kind === undefined ? problem('yamlSyntax', { code }) : problem(kind);
}

/**
 * Where the node at `path` starts; for a map entry, where its key starts (the line a clerk looks
 * for); for a path that does not exist, the deepest part that does (a missing key's parent map).
 */
function offsetOf(doc: Document, path: readonly PropertyKey[]): number | undefined {
  let node: unknown = doc.contents;
  let offset = isNode(node) ? node.range?.[0] : undefined;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) break;
      offset = isScalar(pair.key) ? (pair.key.range?.[0] ?? offset) : offset;
      node = pair.value;
    } else if (isSeq(node)) {
      node = node.items[Number(segment)];
      if (!isNode(node)) break;
      offset = node.range?.[0] ?? offset;
    } else {
      break;
    }
  }
  return offset;
}

/**
 * yaml reports an unclosed quote where the file ends, since the quoted text swallowed the rest; the
 * clerk needs the line where the quote opened.
 */
function unclosedQuoteStart(doc: Document, errorOffset: number): number | undefined {
  let start: number | undefined;
  visit(doc, {
    Scalar(_key, node) {
      const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
      if (quoted && node.range && node.range[1] >= errorOffset) start ??= node.range[0];
    },
  });
  return start;
}

function thousandsDots(doc: Document, text: string, lineAt: (offset: number) => number): YamlProblem[] {
  const problems: YamlProblem[] = [];
  visit(doc, {
    Scalar(key, node, ancestors) {
      if (key === 'key' || typeof node.value !== 'number' || !node.range) return;
      const source = text.slice(node.range[0], node.range[1]);
      if (!THOUSANDS_DOT.test(source)) return;
      problems.push({
        path: pathOf(ancestors, node),
        ...problem('thousandsDot', { text: source, whole: source.replaceAll('.', '') }),
        line: lineAt(node.range[0]),
      });
    },
  });
  return problems;
}

/** The dotted path of a value from the ancestors `visit` passes (documents, maps, pairs, lists). */
function pathOf(ancestors: readonly unknown[], node: Node): string[] {
  const path: string[] = [];
  ancestors.forEach((ancestor, index) => {
    const child = ancestors[index + 1] ?? node;
    if (isPair(ancestor) && isScalar(ancestor.key)) path.push(String(ancestor.key.value));
    else if (isSeq(ancestor)) path.push(String(ancestor.items.indexOf(child as never)));
  });
  return path;
}

function isNode(value: unknown): value is Node {
  return isMap(value) || isSeq(value) || isScalar(value);
}
