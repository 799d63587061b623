/**
 * An error the user should see: it carries a locale key (and params) rather than text, so the error
 * boundary can render it in the person's language. Anything that is not a DomainError is a bug.
 */
export class DomainError extends Error {
  constructor(
    readonly key: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(key);
    this.name = 'DomainError';
  }
}
