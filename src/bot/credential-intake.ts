import { randomBytes } from 'node:crypto'
import type { Middleware } from 'grammy'
import type { CredentialField } from '../domain/types.js'
import type { BotContext } from './context.js'

/** Prefix of the placeholder that replaces a credential's text before any other code sees it. */
export const PLACEHOLDER_PREFIX = '\u2063credential:'

interface Held {
  field: CredentialField
  value: string
  deleted: boolean
}

interface ChatState {
  locale: string
  expecting: CredentialField | null
  held: Map<string, Held>
  timer: NodeJS.Timeout | undefined
}

/** What a flow learns about a pasted credential: never its value. */
export interface ReceivedCredential {
  handle: string
  field: CredentialField
  /** False when Telegram refused to delete the message: the user must delete it and rotate the key. */
  deleted: boolean
}

/**
 * Takes credentials out of updates before the conversations plugin records them: the message is
 * deleted at once, its text swapped for a placeholder with a random handle, and the value kept
 * only here, in memory, until the flow takes it or goes idle. So no replay log, session, log line
 * or state store ever holds a pasted secret.
 */
export function createCredentialIntake(opts: { idleMs: number; onIdle?: (chatId: number, locale: string) => void }) {
  const chats = new Map<number, ChatState>()

  const arm = (chatId: number, state: ChatState) => {
    if (state.timer) clearTimeout(state.timer)
    state.timer = setTimeout(() => {
      wipe(chatId)
      opts.onIdle?.(chatId, state.locale)
    }, opts.idleMs)
    state.timer.unref()
  }
  const stateOf = (chatId: number): ChatState => {
    let s = chats.get(chatId)
    if (!s) {
      s = { locale: 'en', expecting: null, held: new Map(), timer: undefined }
      chats.set(chatId, s)
    }
    return s
  }
  function wipe(chatId: number): void {
    const s = chats.get(chatId)
    if (!s) return
    if (s.timer) clearTimeout(s.timer)
    for (const h of s.held.values()) h.value = ''
    chats.delete(chatId)
  }

  const middleware: Middleware<BotContext> = async (ctx, next) => {
    const chatId = ctx.chat?.id
    const msg = ctx.message ?? ctx.editedMessage
    const s = chatId !== undefined ? chats.get(chatId) : undefined
    if (s && ctx.chat?.type === 'private') arm(chatId!, s) // any activity keeps the flow alive
    if (!s?.expecting || !msg || ctx.chat?.type !== 'private') return next()
    // A caption (photo, file) where a credential is expected may well be one: delete it too.
    const caption = typeof msg.text !== 'string' && typeof msg.caption === 'string'
    const text = msg.text ?? msg.caption
    if (typeof text !== 'string') return next()
    // A command (e.g. /cancel) is a command, not a credential.
    if (!caption && text.startsWith('/') && msg.entities?.[0]?.type === 'bot_command' && msg.entities[0].offset === 0) return next()
    const handle = randomBytes(9).toString('base64url')
    // An edit of an earlier message or a caption is never taken as the answer (flows want a new
    // text message), so its value is not kept; the message is still deleted and the flow told.
    const held: Held = { field: s.expecting, value: ctx.editedMessage || caption ? '' : text, deleted: true }
    s.held.set(handle, held)
    arm(chatId!, s)
    try {
      await ctx.api.deleteMessage(chatId!, msg.message_id)
    } catch {
      held.deleted = false
    }
    if (caption) {
      msg.caption = `${PLACEHOLDER_PREFIX}${handle}`
      delete msg.caption_entities
    } else {
      msg.text = `${PLACEHOLDER_PREFIX}${handle}`
      delete msg.entities
    }
    return next()
  }

  return {
    middleware,
    /** A flow started in this chat: its idle timer runs from now and re-arms on every update. */
    begin(chatId: number, locale: string): void {
      const s = stateOf(chatId)
      s.locale = locale
      arm(chatId, s)
    },
    /** The flow is about to ask for `field`: the next text message in this chat is taken in. */
    expect(chatId: number, field: CredentialField): void {
      const s = stateOf(chatId)
      s.expecting = field
      arm(chatId, s)
    },
    /** The flow asks for nothing secret any more (values already held stay until taken or wiped). */
    stopExpecting(chatId: number): void {
      const s = chats.get(chatId)
      if (s) s.expecting = null
    },
    isExpecting: (chatId: number) => chats.get(chatId)?.expecting ?? null,
    /** Reads a placeholder back into what the flow may know; null for anything else. */
    received(chatId: number, text: string | undefined): ReceivedCredential | null {
      if (!text?.startsWith(PLACEHOLDER_PREFIX)) return null
      const handle = text.slice(PLACEHOLDER_PREFIX.length)
      const h = chats.get(chatId)?.held.get(handle)
      return h ? { handle, field: h.field, deleted: h.deleted } : { handle, field: 'apiKey', deleted: true }
    },
    /** The value behind a handle, for the one external call that validates, tests and seals. */
    reveal(chatId: number, handle: string): string | undefined {
      return chats.get(chatId)?.held.get(handle)?.value
    },
    /** Forgets everything held for the chat (flow done, cancelled or idle). */
    wipe,
    /** Number of chats holding anything: tests assert it drops to zero. */
    size: () => chats.size,
  }
}

/** The intake's type, for injection. */
export type CredentialIntake = ReturnType<typeof createCredentialIntake>
