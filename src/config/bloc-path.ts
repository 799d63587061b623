/**
 * A place in a bloc file as the person editing it finds it. The file's own comments count list items
 * from 1 ("số thứ tự chỉ tiêu 1, 2, 3…") while zod counts from 0, so a list item is `[n]` from 1,
 * followed by the item's code or id when it has one: `indicators[3] (gia-tri-cong-nghiep).kind`,
 * not `indicators.2.kind`. Map keys (years, unit ids in plans) stay as written.
 */
export function displayPath(data: unknown, path: readonly PropertyKey[], options: { labels?: boolean } = {}): string {
  let node: unknown = data;
  let out = '';
  for (const segment of path) {
    const index = Array.isArray(node) ? listIndex(segment) : undefined;
    if (Array.isArray(node) && index !== undefined) {
      node = node[index];
      const label = options.labels === false ? undefined : labelOf(node);
      out += `[${index + 1}]${label === undefined ? '' : ` (${label})`}`;
      continue;
    }
    out += `${out === '' ? '' : '.'}${String(segment)}`;
    node = isRecord(node) ? node[String(segment)] : undefined;
  }
  return out;
}

function listIndex(segment: PropertyKey): number | undefined {
  const n = typeof segment === 'number' ? segment : Number(String(segment));
  return Number.isInteger(n) && n >= 0 && String(n) === String(segment) ? n : undefined;
}

/** What names an item of a list: its `code` (indicators) or `id` (units, movements). */
function labelOf(item: unknown): string | undefined {
  if (!isRecord(item)) return undefined;
  for (const key of ['code', 'id']) {
    const value = item[key];
    if (typeof value === 'string' && value.trim() !== '') return value;
  }
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
