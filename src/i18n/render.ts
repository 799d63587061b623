import type { Label, Message, ParamValue } from '../app/messages.ts';
import { format, type Lang } from './i18n.ts';

/** Renders a message and any messages nested in its params, in one language. */
export function renderMessage(message: Message, lang: Lang): string {
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(message.params ?? {})) params[name] = renderParam(value, lang);
  return format(message.key, params, lang);
}

function renderParam(value: ParamValue, lang: Lang): string | number {
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (Array.isArray(value)) return value.map((m) => renderMessage(m, lang)).join('\n');
  return renderMessage(value, lang);
}

export function renderLabel(label: Label, lang: Lang): string {
  return 'text' in label ? label.text : renderMessage(label, lang);
}
