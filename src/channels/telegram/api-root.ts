/**
 * telegraf builds each request URL as `new URL('./bot<token>/<method>', apiRoot)`, so a root with a
 * path (a proxy, an emulator) loses its last segment unless it ends with a slash:
 * `http://proxy/tg` + `./bot…` → `http://proxy/bot…`. We always give it one (design.md, "Telegram
 * details that bite").
 */
export function normaliseApiRoot(apiRoot: string | undefined): string | undefined {
  if (!apiRoot) return undefined;
  return `${apiRoot.replace(/\/+$/, '')}/`;
}
