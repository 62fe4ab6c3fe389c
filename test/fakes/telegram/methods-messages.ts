import type { Message, MessageEntity } from 'grammy/types'
import { badRequest, DESCRIPTIONS, TelegramApiError } from './errors.js'
import { formatText, type FormattedText } from './format.js'
import { inlineKeyboardOf } from './keyboard.js'
import { type MethodContext, type MethodHandler, int } from './method-context.js'
import type { Scenarios } from './scenarios.js'
import type { TelegramState } from './state.js'
import type { ChatMessage, FakeChat, MessageKind } from './types.js'

const MAX_TEXT = 4096
const MAX_CAPTION = 1024

/** Refuses sends Telegram would refuse: a user who blocked the bot, a group the bot left. */
export function assertCanSend(scenarios: Scenarios, chat: FakeChat): void {
  if (chat.type === 'private' && scenarios.blockedUsers.has(chat.id)) throw new TelegramApiError(403, DESCRIPTIONS.blocked)
  if (chat.botLeft) throw new TelegramApiError(403, `Forbidden: bot is not a member of the ${chat.type === 'supergroup' ? 'supergroup' : 'group'} chat`)
}

function applyText(message: Message, kind: MessageKind, formatted: FormattedText): void {
  const m = message as Message & Record<string, unknown>
  const [textKey, entitiesKey] = kind === 'text' ? ['text', 'entities'] : ['caption', 'caption_entities']
  if (kind === 'text' || formatted.text !== '') m[textKey] = formatted.text
  else delete m[textKey]
  if (formatted.entities.length > 0) m[entitiesKey] = formatted.entities
  else delete m[entitiesKey]
}

function applyKeyboard(msg: ChatMessage): void {
  const m = msg.message as Message & { reply_markup?: unknown }
  if (msg.keyboard) m.reply_markup = { inline_keyboard: msg.keyboard }
  else delete m.reply_markup
}

/** Stores a message the bot sent and builds the `Message` Telegram returns for it. */
function storeBotMessage(
  { state, params }: MethodContext,
  chat: FakeChat,
  kind: MessageKind,
  formatted: FormattedText,
  extra: Partial<Message>,
): Message {
  const keyboard = inlineKeyboardOf(params.reply_markup)
  const me = state.bot
  const message = {
    message_id: state.allocateMessageId(chat.id),
    from: { id: me.id, is_bot: true, first_name: me.first_name, username: me.username },
    chat: state.chatObject(chat),
    date: Math.floor(Date.now() / 1000),
    ...extra,
  } as Message
  applyText(message, kind, formatted)
  const record: ChatMessage = {
    chatId: chat.id, messageId: message.message_id, sender: 'bot', kind,
    text: formatted.text, entities: formatted.entities, deleted: false, history: [], message,
  }
  const source = kind === 'text' ? params.text : params.caption
  if (typeof source === 'string') record.source = source
  if (typeof params.parse_mode === 'string') record.parseMode = params.parse_mode
  if (keyboard) record.keyboard = keyboard
  if (params.reply_markup !== undefined) record.replyMarkup = params.reply_markup
  applyKeyboard(record)
  state.addMessage(record)
  state.emitChat('sent', record)
  return message
}

const sendMessage: MethodHandler = (ctx) => {
  const { state, scenarios, params } = ctx
  const formatted = formatText(params.text, params.parse_mode, params.entities)
  if (formatted.text.trim() === '') throw badRequest(DESCRIPTIONS.textEmpty)
  if (formatted.text.length > MAX_TEXT) throw badRequest(DESCRIPTIONS.tooLong)
  inlineKeyboardOf(params.reply_markup)
  const chat = state.chat(params.chat_id)
  assertCanSend(scenarios, chat)
  return storeBotMessage(ctx, chat, 'text', formatted, {})
}

/** sendPhoto/sendDocument: enough to prove uploads (multipart) reach the fake intact. */
function sendMedia(kind: 'photo' | 'document'): MethodHandler {
  return (ctx) => {
    const { state, scenarios, params, files } = ctx
    const formatted = formatText(params.caption, params.parse_mode, params.caption_entities)
    if (formatted.text.length > MAX_CAPTION) throw badRequest('Bad Request: message caption is too long')
    inlineKeyboardOf(params.reply_markup)
    const chat = state.chat(params.chat_id)
    assertCanSend(scenarios, chat)
    const ref = String(params[kind] ?? '')
    const upload = files.find(f => ref === `attach://${f.field}`)
    const fileId = `${kind}-${chat.id}-${state.calls.length}`
    const file = { file_id: fileId, file_unique_id: fileId, file_size: upload?.size ?? 0 }
    const extra = kind === 'photo'
      ? { photo: [{ ...file, width: 640, height: 480 }] }
      : { document: { ...file, file_name: upload?.filename ?? 'file' } }
    return storeBotMessage(ctx, chat, kind, formatted, extra as Partial<Message>)
  }
}

/** Finds the bot message an edit targets, or fails with Telegram's reason. */
function editTarget(state: TelegramState, params: Record<string, unknown>): ChatMessage {
  if (params.inline_message_id !== undefined) throw badRequest('Bad Request: MESSAGE_ID_INVALID')
  const chat = state.chat(params.chat_id)
  const msg = state.findMessage(chat.id, params.message_id)
  if (!msg || msg.deleted) throw badRequest(DESCRIPTIONS.editNotFound)
  if (msg.sender !== 'bot') throw badRequest(DESCRIPTIONS.cantBeEdited)
  return msg
}

/** Applies an edit, keeping the old version; identical content fails like Telegram. */
function edit(state: TelegramState, msg: ChatMessage, text: string, entities: MessageEntity[], keyboard: ChatMessage['keyboard'], source?: unknown): Message {
  const same = msg.text === text && JSON.stringify(msg.entities) === JSON.stringify(entities)
    && JSON.stringify(msg.keyboard ?? null) === JSON.stringify(keyboard ?? null)
  if (same) throw badRequest(DESCRIPTIONS.notModified)
  const version: ChatMessage['history'][number] = { text: msg.text, entities: msg.entities, replacedAt: Date.now() }
  if (msg.keyboard) version.keyboard = msg.keyboard
  msg.history.push(version)
  msg.text = text
  msg.entities = entities
  if (typeof source === 'string') msg.source = source
  if (keyboard) msg.keyboard = keyboard
  else delete msg.keyboard
  applyText(msg.message, msg.kind, { text, entities })
  applyKeyboard(msg)
  msg.message.edit_date = Math.floor(Date.now() / 1000)
  state.emitChat('edited', msg)
  return msg.message
}

const editMessageText: MethodHandler = ({ state, params }) => {
  const formatted = formatText(params.text, params.parse_mode, params.entities)
  if (formatted.text.trim() === '') throw badRequest(DESCRIPTIONS.textEmpty)
  if (formatted.text.length > MAX_TEXT) throw badRequest(DESCRIPTIONS.tooLong)
  const keyboard = inlineKeyboardOf(params.reply_markup)
  const msg = editTarget(state, params)
  if (msg.kind !== 'text') throw badRequest(DESCRIPTIONS.noTextToEdit)
  if (typeof params.parse_mode === 'string') msg.parseMode = params.parse_mode
  return edit(state, msg, formatted.text, formatted.entities, keyboard, params.text)
}

const editMessageReplyMarkup: MethodHandler = ({ state, params }) => {
  const keyboard = inlineKeyboardOf(params.reply_markup)
  const msg = editTarget(state, params)
  return edit(state, msg, msg.text, msg.entities, keyboard)
}

const deleteMessage: MethodHandler = ({ state, scenarios, params }) => {
  const chat = state.chat(params.chat_id)
  const msg = state.findMessage(chat.id, params.message_id)
  if (!msg || msg.deleted) throw badRequest(DESCRIPTIONS.deleteNotFound)
  if (scenarios.deleteRefused(chat.id)) throw badRequest(DESCRIPTIONS.cantDeleteForEveryone)
  msg.deleted = true
  state.emitChat('deleted', msg)
  return true
}

const deleteMessages: MethodHandler = ({ state, scenarios, params }) => {
  const chat = state.chat(params.chat_id)
  const ids = Array.isArray(params.message_ids) ? params.message_ids : []
  if (scenarios.deleteRefused(chat.id)) throw badRequest(DESCRIPTIONS.cantDeleteForEveryone)
  const found = ids.map(id => state.findMessage(chat.id, int(id, -1))).filter(m => m && !m.deleted)
  if (found.length === 0) throw badRequest(DESCRIPTIONS.deleteNotFound)
  for (const m of found) {
    if (!m) continue
    m.deleted = true
    state.emitChat('deleted', m)
  }
  return true
}

/** The message-level Bot API methods, keyed by lower-cased method name. */
export const messageMethods: Record<string, MethodHandler> = {
  sendmessage: sendMessage,
  sendphoto: sendMedia('photo'),
  senddocument: sendMedia('document'),
  editmessagetext: editMessageText,
  editmessagereplymarkup: editMessageReplyMarkup,
  deletemessage: deleteMessage,
  deletemessages: deleteMessages,
}
