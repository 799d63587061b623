import type { IncomingMessage, ServerResponse } from 'node:http';
import { json, type ParsedBody, type UploadedFile } from './http-body.ts';
import type { ApiCall, FakeBotApi, SentMessage } from './fake-bot-api.ts';

export interface MethodContext {
  api: FakeBotApi;
  body: ParsedBody;
  call: ApiCall;
  req: IncomingMessage;
  res: ServerResponse;
}

type Method = (ctx: MethodContext) => Promise<unknown> | unknown;

const str = (v: unknown): string | undefined => (v === undefined || v === null ? undefined : String(v));
const num = (v: unknown, fallback: number): number =>
  v === undefined || v === null || v === '' ? fallback : Number(v);

function chatOf(chatId: string): Record<string, unknown> {
  return Number(chatId) < 0
    ? { id: Number(chatId), type: 'group', title: `Group ${chatId}` }
    : { id: Number(chatId), type: 'private', first_name: 'User' };
}

function messageResult(api: FakeBotApi, sent: SentMessage): Record<string, unknown> {
  return {
    message_id: sent.message_id,
    date: Math.floor(Date.now() / 1000),
    chat: chatOf(sent.chat_id),
    from: { id: api.botId, is_bot: true, first_name: 'Thi đua', username: api.username },
    ...(sent.text !== undefined ? { text: sent.text } : {}),
    ...(sent.caption !== undefined ? { caption: sent.caption } : {}),
    ...(sent.reply_markup ? { reply_markup: sent.reply_markup } : {}),
  };
}

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff]);

/**
 * What Telegram checks of an upload before it takes it: a photo must be an image it can decode (we
 * accept PNG and JPEG by signature, as it answers IMAGE_PROCESS_FAILED otherwise), and a file needs a
 * name and some bytes. A file_id or URL given as text instead of an upload passes.
 */
function checkUpload(kind: 'sendPhoto' | 'sendDocument', file: UploadedFile | undefined, asText: string | undefined) {
  if (!file) {
    if (!asText)
      throw new BadRequest(`Bad Request: there is no ${kind === 'sendPhoto' ? 'photo' : 'document'} in the request`);
    return;
  }
  if (file.size === 0) throw new BadRequest('Bad Request: file must be non-empty');
  if (!file.filename.trim()) throw new BadRequest('Bad Request: file name is empty');
  const image = file.data.subarray(0, PNG.length).equals(PNG) || file.data.subarray(0, JPEG.length).equals(JPEG);
  if (kind === 'sendPhoto' && !image) throw new BadRequest('Bad Request: IMAGE_PROCESS_FAILED');
}

function send(kind: 'sendMessage' | 'sendPhoto' | 'sendDocument', fileField?: string): Method {
  return ({ api, body }) => {
    const p = body.params;
    const chatId = str(p.chat_id);
    if (!chatId) throw new BadRequest('Bad Request: chat_id is empty');
    if (kind === 'sendMessage' && !str(p.text)) throw new BadRequest('Bad Request: message text is empty');
    const file = fileField ? body.files[fileField] : undefined;
    if (kind !== 'sendMessage') checkUpload(kind, file, fileField ? str(p[fileField]) : undefined);
    const size = fileField ? (file?.size ?? (str(p[fileField]) ? 0 : undefined)) : undefined;
    const sent = api.storeSent({
      method: kind,
      chat_id: chatId,
      text: str(p.text),
      caption: str(p.caption),
      parse_mode: str(p.parse_mode),
      reply_markup: p.reply_markup as SentMessage['reply_markup'],
      ...(size !== undefined ? { size } : {}),
      ...(file ? { file } : {}),
    });
    return messageResult(api, sent);
  };
}

function findSent(api: FakeBotApi, p: Record<string, unknown>): SentMessage {
  const found = api.sent.find((m) => m.chat_id === str(p.chat_id) && m.message_id === Number(p.message_id));
  if (!found) throw new BadRequest('Bad Request: message to edit not found');
  return found;
}

const METHODS: Record<string, Method> = {
  getMe: ({ api }) => ({
    id: api.botId,
    is_bot: true,
    first_name: 'Thi đua',
    username: api.username,
    can_join_groups: true,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
  }),
  getUpdates: async ({ api, body, call, res }) => {
    if (api.webhook)
      throw new ApiError(
        409,
        "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
      );
    const p = body.params;
    const updates = await api.takeUpdates(num(p.offset, 0), num(p.limit, 100), num(p.timeout, 0), res);
    call.returned = updates.length;
    api.record(call);
    return updates;
  },
  setWebhook: ({ api, body }) => {
    const url = str(body.params.url);
    api.webhook = url ? { url, secret: str(body.params.secret_token) } : undefined;
    return true;
  },
  deleteWebhook: ({ api }) => {
    api.webhook = undefined;
    return true;
  },
  getWebhookInfo: ({ api }) => ({
    url: api.webhook?.url ?? '',
    has_custom_certificate: false,
    pending_update_count: api.pendingUpdates,
  }),
  setMyCommands: ({ api, body }) => {
    api.commandMenus.push(body.params);
    return true;
  },
  sendMessage: send('sendMessage'),
  sendPhoto: send('sendPhoto', 'photo'),
  sendDocument: send('sendDocument', 'document'),
  answerCallbackQuery: () => true,
  editMessageText: ({ api, body }) => {
    const sent = findSent(api, body.params);
    sent.text = str(body.params.text);
    sent.reply_markup = body.params.reply_markup as SentMessage['reply_markup'];
    sent.edits += 1;
    return messageResult(api, sent);
  },
  editMessageReplyMarkup: ({ api, body }) => {
    const sent = findSent(api, body.params);
    sent.reply_markup = body.params.reply_markup as SentMessage['reply_markup'];
    sent.edits += 1;
    return messageResult(api, sent);
  },
  deleteMessage: () => true,
  getChat: ({ body }) => chatOf(str(body.params.chat_id) ?? '0'),
};

class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly description: string,
  ) {
    super(description);
  }
}

class BadRequest extends ApiError {
  constructor(description: string) {
    super(400, description);
  }
}

/** Answers one Bot API method the way Telegram does: `{ ok, result }` or `{ ok: false, error_code }`. */
export async function handleMethod(method: string, ctx: MethodContext): Promise<void> {
  const handler = METHODS[method];
  if (!handler) return json(ctx.res, 404, { ok: false, error_code: 404, description: 'Not Found: method not found' });
  try {
    const result = await handler(ctx);
    json(ctx.res, 200, { ok: true, result });
  } catch (error) {
    if (error instanceof ApiError)
      return json(ctx.res, error.status, { ok: false, error_code: error.status, description: error.description });
    json(ctx.res, 500, { ok: false, error_code: 500, description: 'Internal Server Error' });
  }
}
