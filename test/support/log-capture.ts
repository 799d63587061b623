import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../src/logging/logger.ts';

/** A real pino logger (createLogger) writing into memory, so a test can read every line. */
export function captureLogger(options: { secrets?: readonly string[]; level?: string } = {}): {
  logger: Logger;
  lines: string[];
  records: () => Array<Record<string, unknown>>;
} {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  const logger = createLogger({ level: options.level ?? 'debug', secrets: options.secrets ?? [], destination });
  const records = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  return { logger, lines, records };
}
