/**
 * telegraf joins `apiRoot` and `/bot<token>/method` itself; a root with a path (a proxy, an
 * emulator) needs its trailing slash removed or added consistently. We keep it without one.
 */
export function normaliseApiRoot(apiRoot: string | undefined): string | undefined {
  if (!apiRoot) return undefined;
  return apiRoot.replace(/\/+$/, '');
}
