import type { BotCommand, Update, UserFromGetMe } from 'grammy/types'
import { createDispatcher } from './dispatch.js'
import { type ChatOption, type CreateUserOptions, UserDriver } from './driver.js'
import { type HttpFront, startHttp } from './http.js'
import { type FailOptions, type MethodFilter, Scenarios } from './scenarios.js'
import { type ChatEvent, TelegramState } from './state.js'
import { renderTranscript } from './transcript.js'
import type { ApiCall, CallbackAnswer, ChatMessage, FakeChat, FakeUser, UpdateBody } from './types.js'
import { waitForState } from './wait.js'
import { type PostWebhookOptions, WebhookDelivery, type WebhookResponse } from './webhook.js'

/** Options for {@link FakeTelegram.start}. */
export interface FakeTelegramOptions {
  /** The only token the fake accepts; others get 401 Unauthorized. */
  token?: string
  /** Overrides for what getMe returns. */
  botInfo?: Partial<UserFromGetMe>
  /** Delay before re-posting an update the webhook refused. */
  webhookRetryMs?: number
}

/** Anything that names a chat: its id, a chat record, or a user (their private chat). */
export type ChatRef = number | { id: number }

const DEFAULT_TIMEOUT_MS = 5_000
const idOf = (chat: ChatRef): number => typeof chat === 'number' ? chat : chat.id

/**
 * An in-process Telegram Bot API over real HTTP, for e2e tests, benchmarks and the no-token
 * demo: point grammY's `client.apiRoot` at `url`, then drive users and script faults here.
 */
export class FakeTelegram {
  private readonly driver: UserDriver
  private readonly cursors = new Map<number, number>()

  private constructor(
    readonly token: string,
    private readonly state: TelegramState,
    private readonly scenarios: Scenarios,
    private readonly http: HttpFront,
    private readonly webhook: WebhookDelivery,
  ) {
    this.driver = new UserDriver(state)
  }

  /** Starts the fake on 127.0.0.1 at a free port. */
  static async start(opts: FakeTelegramOptions = {}): Promise<FakeTelegram> {
    const token = opts.token ?? '123456789:FAKE-telegram-token'
    const id = Number(token.split(':')[0]) || 123456789
    const bot: UserFromGetMe = {
      id, is_bot: true, first_name: 'BackFuture Connect', username: 'backfuture_connect_bot',
      can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false,
      can_connect_to_business: false, has_main_web_app: false, has_topics_enabled: false,
      allows_users_to_create_topics: false,
      ...opts.botInfo,
    } as UserFromGetMe
    const state = new TelegramState(bot)
    const scenarios = new Scenarios()
    const dispatch = createDispatcher(state, scenarios)
    const http = await startHttp(token, dispatch)
    const webhook = new WebhookDelivery(state, dispatch, opts.webhookRetryMs ?? 50)
    return new FakeTelegram(token, state, scenarios, http, webhook)
  }

  /** The value for grammY's `client.apiRoot` (no trailing slash). */
  get url(): string { return this.http.url }
  /** What getMe returns; pass it as `botInfo` to skip the bot's init call. */
  get botInfo(): UserFromGetMe { return this.state.bot }
  /** Every Bot API call the bot made, in order, with its outcome. */
  get calls(): readonly ApiCall[] { return this.state.calls }
  /** Every sendChatAction the bot made. */
  get chatActions(): ReadonlyArray<{ chatId: number, action: string }> { return this.state.chatActions }
  /** Updates not yet confirmed by the bot. */
  get pendingUpdates(): readonly Update[] { return this.state.pending }
  /** What setWebhook registered, if anything. */
  get webhookInfo(): TelegramState['webhook'] { return this.state.webhook }

  /** Ends pending long polls and closes every connection. */
  async close(): Promise<void> {
    this.state.emit('close')
    await this.http.close()
  }

  /** Forgets messages, calls, updates and faults; keeps users and chats so fixtures survive. */
  reset(): void {
    this.state.messages.clear()
    this.state.calls.length = 0
    this.state.pending = []
    this.state.queries.clear()
    this.state.commands.clear()
    this.state.chatActions.length = 0
    this.state.deliveries.clear()
    this.state.allowedUpdates = undefined
    this.state.webhook = undefined
    this.scenarios.clear()
    this.cursors.clear()
  }

  // ── the user side ────────────────────────────────────────────────────────────────────
  createUser(opts: CreateUserOptions): FakeUser { return this.driver.createUser(opts) }
  createGroup(opts: { id?: number, title: string, type?: 'group' | 'supergroup' }): FakeChat { return this.driver.createGroup(opts) }
  /** A user writes text; in their private chat this also unblocks the bot, as /start does. */
  sendText(user: FakeUser, text: string, opts: ChatOption = {}): ChatMessage {
    if (opts.chat === undefined) this.scenarios.blockedUsers.delete(user.id)
    return this.driver.sendText(user, text, opts)
  }
  sendCommand(user: FakeUser, command: string, args?: string, opts: ChatOption = {}): ChatMessage {
    if (opts.chat === undefined) this.scenarios.blockedUsers.delete(user.id)
    return this.driver.sendCommand(user, command, args, opts)
  }
  sendSticker(user: FakeUser, opts?: ChatOption & { emoji?: string }): ChatMessage { return this.driver.sendSticker(user, opts) }
  sendPhoto(user: FakeUser, opts?: ChatOption & { caption?: string }): ChatMessage { return this.driver.sendPhoto(user, opts) }
  sendVoice(user: FakeUser, opts?: ChatOption & { duration?: number }): ChatMessage { return this.driver.sendVoice(user, opts) }
  sendDocument(user: FakeUser, opts?: ChatOption & { fileName?: string, caption?: string }): ChatMessage { return this.driver.sendDocument(user, opts) }
  forwardText(user: FakeUser, text: string, opts?: ChatOption & { from?: FakeUser | string }): ChatMessage { return this.driver.forwardText(user, text, opts) }
  editUserMessage(user: FakeUser, message: ChatMessage, text: string): ChatMessage { return this.driver.editUserMessage(user, message, text) }
  editUserCaption(user: FakeUser, message: ChatMessage, caption: string): ChatMessage { return this.driver.editUserCaption(user, message, caption) }
  /** Taps a button that exists on that bot message; returns the callback query id. */
  tapButton(user: FakeUser, botMessage: ChatMessage, buttonTextOrData: string): string { return this.driver.tapButton(user, botMessage, buttonTextOrData) }
  /** A callback query with arbitrary data (forged or stale), for ownership tests. */
  forgeCallback(user: FakeUser, message: ChatMessage, data: string): string { return this.driver.forgeCallback(user, message, data) }
  /** Queues any raw update (ids assigned here). */
  pushUpdate(body: UpdateBody): Update { return this.driver.pushUpdate(body) }

  // ── observing the bot ────────────────────────────────────────────────────────────────
  /** Every message in a chat, both sides, deleted ones included (flagged). */
  messages(chat: ChatRef): readonly ChatMessage[] { return this.state.messages.get(idOf(chat)) ?? [] }
  /** The bot's messages in a chat, in send order, deleted ones included (flagged). */
  botMessages(chat: ChatRef): ChatMessage[] { return this.messages(chat).filter(m => m.sender === 'bot') }
  lastBotMessage(chat: ChatRef): ChatMessage | undefined { return this.botMessages(chat).at(-1) }
  isDeleted(chat: ChatRef, messageId: number): boolean { return this.state.findMessage(idOf(chat), messageId)?.deleted ?? false }
  transcript(chat: ChatRef): string { return renderTranscript(this.state, idOf(chat)) }
  callsTo(method: string): ApiCall[] { return this.state.calls.filter(c => c.method.toLowerCase() === method.toLowerCase()) }
  callbackAnswer(queryId: string): CallbackAnswer | undefined { return this.state.queries.get(queryId)?.answer }
  /** How many times an update was handed out (getUpdates or webhook); >1 means redelivery. */
  deliveryCount(updateId: number): number { return this.state.deliveries.get(updateId) ?? 0 }
  /** Commands registered for a scope/language, keyed as Telegram resolves them. */
  commands(opts: { scope?: { type: string, chat_id?: number, user_id?: number }, languageCode?: string } = {}): BotCommand[] {
    const s = opts.scope ?? { type: 'default' }
    const key = [s.type, ...(s.chat_id !== undefined ? [`chat=${s.chat_id}`] : []), ...(s.user_id !== undefined ? [`user=${s.user_id}`] : [])].join(':')
    return this.state.commands.get(`${key}|${opts.languageCode ?? ''}`) ?? []
  }
  /** Live feed of message changes (sent, edited, deleted); returns an unsubscribe function. */
  subscribe(listener: (event: ChatEvent) => void): () => void {
    this.state.on('chat', listener)
    return () => { this.state.off('chat', listener) }
  }

  /** Called after any change (a call arrived or ended, an update was queued); returns an unsubscribe. */
  onActivity(listener: () => void): () => void {
    this.state.on('change', listener)
    return () => { this.state.off('change', listener) }
  }

  /**
   * The next bot message in a chat that this method has not returned before. Each chat has a
   * cursor, so a reply that arrived before the call is not missed and none is returned twice.
   */
  async nextBotMessage(chat: ChatRef, opts: { timeoutMs?: number } = {}): Promise<ChatMessage> {
    const id = idOf(chat)
    const seen = this.cursors.get(id) ?? 0
    const msg = await waitForState(this.state, () => this.botMessages(id)[seen], opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      () => `no new bot message in chat ${id} (had ${seen}). Transcript:\n${this.transcript(id)}\nLast calls:\n${this.describeCalls()}`)
    this.cursors.set(id, seen + 1)
    return msg
  }

  /** Waits until `predicate` returns a truthy value (re-checked on every change) and returns it. */
  waitFor<T>(predicate: () => T | undefined | null | false, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<T> {
    return waitForState(this.state, predicate, timeoutMs, () => `waitFor predicate never held. Last calls:\n${this.describeCalls()}`)
  }

  // ── scenario switches ────────────────────────────────────────────────────────────────
  failNext(method: string, opts: FailOptions): void { this.scenarios.failNext(method, opts) }
  /** A 429 storm; `retryAfter` may be fractional here (not in Telegram) to keep tests fast. */
  rateLimit(opts: { retryAfter: number, count: number } & MethodFilter): void { this.scenarios.rateLimit(opts) }
  serverError(opts: { count: number, errorCode?: number, description?: string, html?: boolean } & MethodFilter): void { this.scenarios.serverError(opts) }
  dropConnections(opts: { count: number } & MethodFilter): void { this.scenarios.dropConnections(opts) }
  /** The user blocks the bot: sends to their private chat answer 403 until they write again. */
  blockBot(user: FakeUser): void { this.scenarios.blockedUsers.add(user.id) }
  unblockBot(user: FakeUser): void { this.scenarios.blockedUsers.delete(user.id) }
  /** deleteMessage answers "message can't be deleted for everyone" (in one chat, or everywhere). */
  refuseDeletes(chat?: ChatRef): void {
    if (chat === undefined) this.scenarios.refuseDeletes = 'all'
    else if (this.scenarios.refuseDeletes !== 'all') {
      const chats = this.scenarios.refuseDeletes ?? new Set<number>()
      chats.add(idOf(chat))
      this.scenarios.refuseDeletes = chats
    }
  }
  allowDeletes(): void { this.scenarios.refuseDeletes = undefined }
  clearScenarios(): void { this.scenarios.clear() }

  // ── webhook mode ─────────────────────────────────────────────────────────────────────
  /** POSTs one update straight to the bot's webhook (bypassing the queue), secret header included. */
  postWebhookUpdate(body: UpdateBody | Update, opts?: PostWebhookOptions): Promise<WebhookResponse> {
    const update = 'update_id' in body ? body : { update_id: this.state.allocateUpdateId(), ...body } as Update
    return this.webhook.post(update, opts)
  }

  private describeCalls(): string {
    return this.state.calls.slice(-12).map(c => `  ${c.method} → ${c.outcome}${c.description ? ` (${c.description})` : ''}`).join('\n') || '  (none)'
  }
}
