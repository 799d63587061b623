import pino, { type Logger } from 'pino';

/**
 * pino JSON logs with every string scrubbed of secrets. Tokens hide in URLs (`/bot<token>/sendMessage`
 * in telegraf and axios errors, Zalo's `/bot<token>/…`), so redacting known object paths is not
 * enough: the serializer walks every logged value and replaces each secret, and anything shaped like a
 * Telegram token, wherever it appears.
 */

const TELEGRAM_TOKEN_SHAPE = /\d{6,12}:[A-Za-z0-9_-]{30,}/g;
// A /bot<token>/ path segment, not a host that begins with "bot" (//bot-api.zaloplatforms.com/).
const BOT_PATH = /(?<!\/)\/bot[^/\s"']+\//g;

export function createScrubber(secrets: readonly string[]): (text: string) => string {
  const known = secrets.filter((s) => s.length >= 6);
  return (text) => {
    let out = text;
    for (const s of known) out = out.split(s).join('[secret]');
    return out.replace(TELEGRAM_TOKEN_SHAPE, '[secret]').replace(BOT_PATH, '/bot[secret]/');
  };
}

function scrubValue(value: unknown, scrub: (s: string) => string, depth: number, seen: WeakSet<object>): unknown {
  if (typeof value === 'string') return scrub(value);
  if (value === null || typeof value !== 'object') return value;
  // Deeper than this is never worth logging, and passing it through unscrubbed could leak a token.
  if (depth > 6) return '[depth]';
  if (seen.has(value)) return '[circular]';
  seen.add(value);
  if (value instanceof Error) {
    const plain: Record<string, unknown> = {
      type: value.constructor.name,
      message: scrub(value.message),
      stack: scrub(value.stack ?? ''),
    };
    // `cause` is not enumerable: copy it by hand, or the reason behind a wrapped error is lost.
    if (value.cause !== undefined) plain.cause = scrubValue(value.cause, scrub, depth + 1, seen);
    for (const [k, v] of Object.entries(value)) {
      // axios errors carry the whole request config (URL with the token, headers): keep it short.
      if (k === 'config' || k === 'request' || k === 'response') continue;
      plain[k] = scrubValue(v, scrub, depth + 1, seen);
    }
    return plain;
  }
  if (Array.isArray(value)) return value.map((v) => scrubValue(v, scrub, depth + 1, seen));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = scrubValue(v, scrub, depth + 1, seen);
  return out;
}

export interface LoggerOptions {
  level: string;
  secrets: readonly string[];
  /** Where to write; defaults to stdout. Tests pass a stream to read what was logged. */
  destination?: pino.DestinationStream;
}

export function createLogger(options: LoggerOptions): Logger {
  const scrub = createScrubber(options.secrets);
  const seenFor = () => new WeakSet<object>();
  return pino(
    {
      level: options.level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        log: (obj) => scrubValue(obj, scrub, 0, seenFor()) as Record<string, unknown>,
      },
      hooks: {
        logMethod(args, method) {
          const cleaned = args.map((a) => scrubValue(a, scrub, 0, seenFor())) as Parameters<typeof method>;
          method.apply(this, cleaned);
        },
      },
    },
    options.destination,
  );
}

export type { Logger };
