import { randomBytes } from 'node:crypto'
import type { Middleware } from 'grammy'
import type { Message } from 'grammy/types'
import { readPaste, type PasteContext } from '../domain/paste.js'
import type { CredentialField } from '../domain/types.js'
import type { FormatProblem } from '../exchanges/adapter.js'
import type { BotContext } from './context.js'
import { looksLikeCredential } from './credential-sniff.js'

/** Prefix of the placeholder that replaces a credential's text before any other code sees it. */
export const PLACEHOLDER_PREFIX = '\u2063credential:'

/**
 * Why the intake took a message in: the answer to a credential prompt, a credential where none
 * was asked for, one typed after a command, an edit, or a picture or file at a credential prompt.
 */
export type IntakeKind = 'answer' | 'stray' | 'command' | 'edit' | 'media'
const KINDS: readonly IntakeKind[] = ['answer', 'stray', 'command', 'edit', 'media']

/** What a flow or handler learns about a message the intake took: never its value. */
export interface ReceivedCredential {
  handle: string
  kind: IntakeKind
  /** False when Telegram refused to delete the message: the user must delete it and rotate the key. */
  deleted: boolean
}

/**
 * Reads a placeholder back; null for any other text. Everything a flow needs is in the
 * placeholder itself, so a replay of the conversation takes the same branch every time.
 */
export function readPlaceholder(text: string | undefined): ReceivedCredential | null {
  if (!text?.startsWith(PLACEHOLDER_PREFIX)) return null
  const [handle = '', kind = '', deleted = ''] = text.slice(PLACEHOLDER_PREFIX.length).split(':')
  if (!/^[\w-]{12}$/.test(handle) || !(KINDS as readonly string[]).includes(kind)) return null
  return { handle, kind: kind as IntakeKind, deleted: deleted === '1' }
}

/** What reading a pasted message gave: the fields now held, and what was wrong (never a value). */
export interface Accepted {
  accepted: CredentialField[]
  problems: Array<{ field: CredentialField; problem: FormatProblem | 'EXPIRED' }>
  /** The text began with "/": it was read as the credential anyway (the flow explains why). */
  command: boolean
}

interface ChatState {
  locale: string
  expecting: CredentialField | null
  /** The latest good value per field: never more than one each. */
  values: Map<CredentialField, string>
  /** The one message the flow has not read yet. */
  pending: { handle: string; text: string } | null
  timer: NodeJS.Timeout | undefined
}

/** Media that can be a screenshot of the exchange's "API created" dialog. */
const MEDIA_KEYS = ['photo', 'document', 'video', 'animation'] as const
/** Every field a message may carry text or a file in; a taken message keeps none of them. */
const CARRIERS = [...MEDIA_KEYS, 'audio', 'voice', 'video_note', 'sticker', 'caption', 'caption_entities', 'entities', 'link_preview_options', 'quote', 'external_reply'] as const

const isMedia = (msg: Message) => MEDIA_KEYS.some((k) => msg[k] !== undefined)
const isCancel = (text: string, username: string) => {
  const t = text.trim().toLowerCase()
  return t === '/cancel' || t === `/cancel@${username.toLowerCase()}`
}

/**
 * Takes credentials out of updates before any conversation records them: the message is deleted
 * at once and turned into a placeholder with a random handle; the value is kept only here, in
 * memory, and only while a flow can use it. While a credential is expected every text is taken
 * (only an exact /cancel passes); at any other time a text, caption or edit that looks like a
 * credential is taken too. The intake also owns each flow's lifetime: a long timer until the first
 * credential arrives (the trader is on the exchange creating the key), a short idle timer while
 * one is held, and a flow whose intake state is gone is ended on the next update, so a flow and
 * its intake can never outlive each other.
 */
export function createCredentialIntake(opts: {
  /** Idle limit once a credential is held. */
  idleMs: number
  /** Idle limit before any credential is held (checklist, market, name). */
  setupMs: number
  onIdle?: (chatId: number, locale: string) => void
}) {
  const chats = new Map<number, ChatState>()

  const holding = (s: ChatState) => s.values.size > 0 || s.pending !== null
  const arm = (chatId: number, s: ChatState) => {
    if (s.timer) clearTimeout(s.timer)
    s.timer = setTimeout(() => {
      wipe(chatId)
      opts.onIdle?.(chatId, s.locale)
    }, holding(s) ? opts.idleMs : opts.setupMs)
    s.timer.unref()
  }
  function wipe(chatId: number): void {
    const s = chats.get(chatId)
    if (!s) return
    if (s.timer) clearTimeout(s.timer)
    s.values.clear()
    s.pending = null
    chats.delete(chatId)
  }

  /** A flow and its intake state live and die together; mend whichever side outlived the other. */
  async function settle(ctx: BotContext, chatId: number): Promise<void> {
    const conversation = ctx.conversation as BotContext['conversation'] | undefined
    if (!conversation) return
    const active = Object.keys(conversation.active()).length > 0
    if (chats.has(chatId) && !active) wipe(chatId) // the flow ended without saying so (an error)
    else if (!chats.has(chatId) && active) await conversation.exitAll() // timed out, or its state was wiped
  }

  /** Deletes the message and leaves only a placeholder in the update; keeps the text if a flow may use it. */
  async function takeIn(ctx: BotContext, msg: Message, kind: IntakeKind, keep: boolean): Promise<void> {
    const chatId = msg.chat.id
    const handle = randomBytes(9).toString('base64url')
    const s = chats.get(chatId)
    if (keep && s && typeof msg.text === 'string') {
      s.pending = { handle, text: msg.text }
      arm(chatId, s)
    }
    const deleted = await ctx.api.deleteMessage(chatId, msg.message_id).then(() => true, () => false)
    const m = msg as unknown as Record<string, unknown>
    for (const k of CARRIERS) delete m[k]
    m.text = `${PLACEHOLDER_PREFIX}${handle}:${kind}:${deleted ? 1 : 0}`
  }

  const middleware: Middleware<BotContext> = async (ctx, next) => {
    if (ctx.chat?.type !== 'private') return next()
    const chatId = ctx.chat.id
    await settle(ctx, chatId)
    const s = chats.get(chatId)
    if (s) arm(chatId, s) // any activity keeps the flow alive
    const edit = ctx.editedMessage !== undefined
    const msg = ctx.message ?? ctx.editedMessage
    if (!msg) return next()
    if (s?.expecting && !edit) {
      if (typeof msg.text === 'string') {
        if (isCancel(msg.text, ctx.me.username)) return next()
        await takeIn(ctx, msg, 'answer', true)
        return next()
      }
      if (isMedia(msg)) {
        await takeIn(ctx, msg, 'media', false)
        return next()
      }
    }
    const body = msg.text ?? msg.caption
    if (typeof body === 'string' && ((s?.expecting && edit) || looksLikeCredential(ctx, body))) {
      const kind: IntakeKind = edit ? 'edit' : body.startsWith('/') ? 'command' : 'stray'
      // Only a plain pasted text may be kept (a key pasted before the key step); never an edit,
      // a command's argument, a caption or a forward.
      await takeIn(ctx, msg, kind, kind === 'stray' && typeof msg.text === 'string' && msg.forward_origin === undefined)
    }
    return next()
  }

  return {
    middleware,
    /** A flow started in this chat: nothing from an earlier one survives; the long setup timer runs. */
    begin(chatId: number, locale: string): void {
      wipe(chatId)
      const s: ChatState = { locale, expecting: null, values: new Map(), pending: null, timer: undefined }
      chats.set(chatId, s)
      arm(chatId, s)
    },
    /** The flow is about to ask for `field`: every text in this chat is now taken in as it. */
    expect(chatId: number, field: CredentialField): void {
      const s = chats.get(chatId)
      if (s) s.expecting = field
    },
    /** The flow asks for nothing secret any more (values held stay until the flow ends). */
    stopExpecting(chatId: number): void {
      const s = chats.get(chatId)
      if (s) s.expecting = null
    },
    isExpecting: (chatId: number) => chats.get(chatId)?.expecting ?? null,
    /**
     * Reads the message behind `handle` for the fields of `paste` and keeps the good values, one
     * per field (a later value replaces an earlier one). The message text is dropped at once,
     * whether it was good or not.
     */
    accept(chatId: number, handle: string, paste: Omit<PasteContext<FormatProblem>, 'known'>): Accepted {
      const s = chats.get(chatId)
      const p = s?.pending
      if (!s || !p || p.handle !== handle) return { accepted: [], problems: paste.expected ? [{ field: paste.expected, problem: 'EXPIRED' }] : [], command: false }
      s.pending = null
      const reading = readPaste(p.text, { ...paste, known: Object.fromEntries(s.values) })
      const accepted = (Object.keys(reading.values) as CredentialField[]).filter((f) => paste.fields.includes(f))
      for (const f of accepted) s.values.set(f, reading.values[f]!)
      arm(chatId, s)
      return { accepted, problems: reading.problems, command: p.text.trimStart().startsWith('/') }
    },
    /** Forgets the message behind `handle` unread (forwarded, or pasted where nothing can use it). */
    drop(chatId: number, handle: string): void {
      const s = chats.get(chatId)
      if (s?.pending?.handle === handle) {
        s.pending = null
        arm(chatId, s)
      }
    },
    /** The fields held for this chat's flow, in no particular order. */
    heldFields: (chatId: number): CredentialField[] => [...(chats.get(chatId)?.values.keys() ?? [])],
    /** Forgets every value held (a screenshot exposed the key: a new key needs all new values). */
    forgetValues(chatId: number): void {
      const s = chats.get(chatId)
      if (!s) return
      s.values.clear()
      s.pending = null
      arm(chatId, s)
    },
    /** The value of one field, for the one external call that validates, tests and seals. */
    value: (chatId: number, field: CredentialField): string | undefined => chats.get(chatId)?.values.get(field),
    /** How much one chat holds (values and unread messages): tests assert it stays bounded. */
    held(chatId: number): { values: number; pending: number } {
      const s = chats.get(chatId)
      return { values: s?.values.size ?? 0, pending: s?.pending ? 1 : 0 }
    },
    /** Forgets everything held for the chat (flow done, cancelled or idle). */
    wipe,
    /** Number of chats holding anything: tests assert it drops to zero. */
    size: () => chats.size,
  }
}

/** The intake's type, for injection. */
export type CredentialIntake = ReturnType<typeof createCredentialIntake>
