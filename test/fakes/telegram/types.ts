import type { InlineKeyboardButton, Message, MessageEntity, Update } from 'grammy/types'
import type { UploadedFile } from './body.js'

/** A Telegram user the test invents; its id doubles as its private chat id, as in Telegram. */
export interface FakeUser {
  id: number
  firstName: string
  lastName?: string
  username?: string
  languageCode?: string
}

/** A chat the bot can talk in: the private chat of a user, or a group the test created. */
export interface FakeChat {
  id: number
  type: 'private' | 'group' | 'supergroup'
  title?: string
  user?: FakeUser
  botLeft?: boolean
}

/** What a message looked like before an edit, so tests can prove what changed. */
export interface MessageVersion {
  text: string
  entities: MessageEntity[]
  keyboard?: InlineKeyboardButton[][]
  replacedAt: number
}

/** Message kinds the fake can produce (users) or accept (bot). */
export type MessageKind = 'text' | 'sticker' | 'photo' | 'voice' | 'document'

/**
 * One message in a chat, from the bot or a user. The record is mutated in place on edit and
 * delete, so a test holding it always sees the current state.
 */
export interface ChatMessage {
  chatId: number
  messageId: number
  sender: 'bot' | 'user'
  /** For user messages: who wrote it. */
  userId?: number
  kind: MessageKind
  /** The text (or caption) as the user sees it: markup parsed, entities decoded. */
  text: string
  entities: MessageEntity[]
  /** The text exactly as the bot sent it, before parse_mode. */
  source?: string
  parseMode?: string
  /** The current inline keyboard, if any. */
  keyboard?: InlineKeyboardButton[][]
  /** Any reply_markup the bot sent (reply keyboards, force_reply...), verbatim. */
  replyMarkup?: unknown
  deleted: boolean
  history: MessageVersion[]
  /** The current Telegram object, as the Bot API would return it. */
  message: Message
}

/** One Bot API request the bot made, with how the fake answered it. */
export interface ApiCall {
  method: string
  payload: Record<string, unknown>
  files: UploadedFile[]
  at: number
  outcome: 'pending' | 'ok' | 'error' | 'dropped'
  errorCode?: number
  description?: string
}

/** How the bot answered a callback query (answerCallbackQuery's payload). */
export interface CallbackAnswer {
  text?: string
  showAlert?: boolean
  url?: string
}

/** A callback query the fake pushed, and its answer once the bot gave one. */
export interface PendingQuery {
  id: string
  userId: number
  chatId: number
  messageId: number
  data: string
  answer?: CallbackAnswer
}

/** A partial update: everything but the id, which the fake assigns. */
export type UpdateBody = Omit<Update, 'update_id'>
