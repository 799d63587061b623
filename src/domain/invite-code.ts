/**
 * Invite codes are typed on phones and carried in Telegram deep links (`?start=<code>`, at most 64
 * characters of [A-Za-z0-9_-]). So: 8 characters of an alphabet without look-alikes (no 0/O, 1/I/L,
 * 5/S, 2/Z, 8/B), upper case, shown as XXXX-XXXX; typed in any case, with or without the dash/spaces.
 * 8 characters of 26 symbols give 2.1e11 codes: guessing one of a few live codes is hopeless.
 */
export const INVITE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
export const INVITE_LENGTH = 8;

/** Builds a code from random bytes (the caller supplies them: the domain does no I/O). */
export function inviteCodeFromBytes(bytes: Uint8Array): string {
  if (bytes.length < INVITE_LENGTH) throw new Error('not enough random bytes');
  let code = '';
  // Rejection sampling would be exact; 256 % 25 = 6 gives a bias of under 3 %, harmless for a code
  // that also expires and is single-use.
  for (let i = 0; i < INVITE_LENGTH; i++) code += INVITE_ALPHABET[(bytes[i] ?? 0) % INVITE_ALPHABET.length];
  return code;
}

/** The form people read: `ACDE-FG34`. Deep links use the bare code (the dash is also link-safe). */
export function displayInviteCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/**
 * Normalises what someone typed ("acde fg34", "ACDE-FG34") to the stored code, or undefined when it
 * cannot be a code at all.
 */
export function normalizeInviteCode(text: string): string | undefined {
  const compact = text
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-_.]/g, '');
  if (compact.length !== INVITE_LENGTH) return undefined;
  for (const ch of compact) if (!INVITE_ALPHABET.includes(ch)) return undefined;
  return compact;
}

/** Parses a TTL such as `7d`, `12h`, `30m` into milliseconds; undefined when malformed or over 90 days. */
export function parseTtl(text: string): number | undefined {
  const m = /^(\d{1,4})\s*([dhm])$/i.exec(text.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = (m[2] ?? 'd').toLowerCase();
  const ms = n * (unit === 'd' ? 86_400_000 : unit === 'h' ? 3_600_000 : 60_000);
  if (n <= 0 || ms > 90 * 86_400_000) return undefined;
  return ms;
}
