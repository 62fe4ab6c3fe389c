import { EventEmitter } from 'node:events'
import type { BotCommand, Chat, Update, User, UserFromGetMe } from 'grammy/types'
import { badRequest, DESCRIPTIONS, TelegramApiError } from './errors.js'
import type { ApiCall, ChatMessage, FakeChat, FakeUser, PendingQuery, UpdateBody } from './types.js'

/** Update types Telegram sends when allowed_updates is empty or was never set. */
const DEFAULT_EXCLUDED = new Set(['chat_member', 'message_reaction', 'message_reaction_count'])

/** Kinds of change the terminal demo renders. */
export type ChatEventType = 'sent' | 'edited' | 'deleted'

/** One change to a chat's messages, as pushed to live observers. */
export interface ChatEvent {
  type: ChatEventType
  message: ChatMessage
}

/** What setWebhook recorded. */
export interface WebhookState {
  url: string
  secretToken?: string
  allowedUpdates?: string[]
  maxConnections?: number
  lastErrorDate?: number
  lastErrorMessage?: string
}

/**
 * Everything the fake Telegram knows: users, chats, messages, the update queue and what the
 * bot registered. Emits `change` after every mutation so waiters are event driven.
 */
export class TelegramState extends EventEmitter {
  readonly users = new Map<number, FakeUser>()
  readonly chats = new Map<number, FakeChat>()
  readonly messages = new Map<number, ChatMessage[]>()
  readonly calls: ApiCall[] = []
  readonly queries = new Map<string, PendingQuery>()
  readonly commands = new Map<string, BotCommand[]>()
  readonly chatActions: Array<{ chatId: number, action: string }> = []
  readonly deliveries = new Map<number, number>()
  pending: Update[] = []
  allowedUpdates: string[] | undefined
  webhook: WebhookState | undefined
  private nextUpdateId = 1
  private nextQueryId = 1
  private readonly nextMessageIds = new Map<number, number>()

  constructor(readonly bot: UserFromGetMe) {
    super()
    this.setMaxListeners(0)
  }

  /** Tells live observers (the terminal demo) a chat message appeared, changed or vanished. */
  emitChat(type: ChatEventType, message: ChatMessage): void {
    this.emit('chat', { type, message } satisfies ChatEvent)
  }

  /** Signals waiters (long polls, waitFor, nextBotMessage) that something happened. */
  changed(): void {
    this.emit('change')
  }

  /** Telegram numbers messages per chat; bot and user messages share one sequence. */
  allocateMessageId(chatId: number): number {
    const id = this.nextMessageIds.get(chatId) ?? 1
    this.nextMessageIds.set(chatId, id + 1)
    return id
  }

  /** Ids for updates posted straight to a webhook, from the same sequence as queued ones. */
  allocateUpdateId(): number {
    return this.nextUpdateId++
  }

  allocateQueryId(): string {
    return String(4_000_000 + this.nextQueryId++)
  }

  /** Looks a chat up by the id a bot passed (number or numeric string), or fails like Telegram. */
  chat(chatId: unknown): FakeChat {
    const id = typeof chatId === 'number' ? chatId : typeof chatId === 'string' && /^-?\d+$/.test(chatId) ? Number(chatId) : Number.NaN
    const chat = this.chats.get(id)
    if (!chat) throw badRequest(DESCRIPTIONS.chatNotFound)
    return chat
  }

  chatMessages(chatId: number): ChatMessage[] {
    let list = this.messages.get(chatId)
    if (!list) {
      list = []
      this.messages.set(chatId, list)
    }
    return list
  }

  findMessage(chatId: number, messageId: unknown): ChatMessage | undefined {
    const id = Number(messageId)
    return this.messages.get(chatId)?.find(m => m.messageId === id)
  }

  addMessage(msg: ChatMessage): ChatMessage {
    this.chatMessages(msg.chatId).push(msg)
    return msg
  }

  /** Queues an update for getUpdates (or the webhook) and wakes any waiting long poll. */
  pushUpdate(body: UpdateBody): Update {
    const update = { update_id: this.nextUpdateId++, ...body } as Update
    this.pending.push(update)
    this.emit('update')
    this.changed()
    return update
  }

  /**
   * getUpdates' confirmation rule: an offset confirms (forgets) every update below it; a negative
   * offset keeps only the last |offset| updates. Updates of types the bot did not allow are
   * dropped, as Telegram never stores them for that bot.
   */
  takeUpdates(offset: number, limit: number): Update[] {
    const before = this.pending.length
    if (offset > 0) this.pending = this.pending.filter(u => u.update_id >= offset)
    else if (offset < 0) this.pending = this.pending.slice(offset)
    this.pending = this.pending.filter(u => this.isAllowed(u))
    const batch = this.pending.slice(0, limit)
    for (const u of batch) this.deliveries.set(u.update_id, (this.deliveries.get(u.update_id) ?? 0) + 1)
    if (this.pending.length !== before) this.changed()
    return batch
  }

  isAllowed(update: Update): boolean {
    const type = Object.keys(update).find(k => k !== 'update_id') ?? ''
    const allowed = this.webhook?.allowedUpdates ?? this.allowedUpdates
    if (!allowed || allowed.length === 0) return !DEFAULT_EXCLUDED.has(type)
    return allowed.includes(type)
  }

  /** The Telegram `User` object for a fake user. */
  userObject(user: FakeUser): User {
    const u: User = { id: user.id, is_bot: false, first_name: user.firstName }
    if (user.lastName !== undefined) u.last_name = user.lastName
    if (user.username !== undefined) u.username = user.username
    if (user.languageCode !== undefined) u.language_code = user.languageCode
    return u
  }

  /** The Telegram `Chat` object embedded in messages. */
  chatObject(chat: FakeChat): Chat {
    if (chat.type === 'private' && chat.user) {
      const c: Chat.PrivateChat = { id: chat.id, type: 'private', first_name: chat.user.firstName }
      if (chat.user.lastName !== undefined) c.last_name = chat.user.lastName
      if (chat.user.username !== undefined) c.username = chat.user.username
      return c
    }
    if (chat.type === 'supergroup') return { id: chat.id, type: 'supergroup', title: chat.title ?? 'Group' }
    return { id: chat.id, type: 'group', title: chat.title ?? 'Group' }
  }

  /** Records a call and returns the record so the server can fill in the outcome. */
  recordCall(method: string, payload: Record<string, unknown>, files: ApiCall['files']): ApiCall {
    const call: ApiCall = { method, payload, files, at: Date.now(), outcome: 'pending' }
    this.calls.push(call)
    this.changed()
    return call
  }

  /** Fills in how a call ended, then wakes waiters. */
  settleCall(call: ApiCall, err?: unknown, dropped = false): void {
    if (dropped) call.outcome = 'dropped'
    else if (err instanceof TelegramApiError) {
      call.outcome = 'error'
      call.errorCode = err.errorCode
      call.description = err.description
    } else if (err) {
      call.outcome = 'error'
      call.errorCode = 500
      call.description = String(err)
    } else call.outcome = 'ok'
    this.changed()
  }
}
