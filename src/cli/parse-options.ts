import { parseArgs } from 'node:util';
import { t } from '../i18n/i18n.ts';

type Options = NonNullable<Parameters<typeof parseArgs>[0]>['options'];

/**
 * node's parseArgs for `thidua demo` and `thidua export`, strict, with a bad option said in
 * Vietnamese (`cli.argsInvalid`) and exit status 2 instead of a stack trace.
 */
export function parseOptions<O extends NonNullable<Options>>(
  args: string[],
  options: O,
): { values: ReturnType<typeof parseArgs<{ args: string[]; options: O; strict: true }>>['values'] } | number {
  try {
    return parseArgs({ args, options, strict: true });
  } catch (error) {
    console.error(t('cli.argsInvalid', { reason: error instanceof Error ? error.message : String(error) }));
    console.error(t('cli.usage'));
    return 2;
  }
}
