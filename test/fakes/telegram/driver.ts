import type { Message, MessageEntity, Update } from 'grammy/types'
import { findButton } from './keyboard.js'
import type { TelegramState } from './state.js'
import type { ChatMessage, FakeChat, FakeUser, MessageKind, UpdateBody } from './types.js'

/** Where a user action happens: a chat record or id; defaults to the user's private chat. */
export interface ChatOption {
  chat?: FakeChat | number
}

/** Options for creating a user; id and first name are what Telegram always sends. */
export interface CreateUserOptions {
  id: number
  firstName: string
  lastName?: string
  username?: string
  languageCode?: string
}

let nextFileId = 1
const fileId = (kind: string): { file_id: string, file_unique_id: string } => {
  const n = nextFileId++
  return { file_id: `${kind}-file-${n}`, file_unique_id: `${kind}-uniq-${n}` }
}

/** Telegram marks a leading /command with a bot_command entity; bots route on it. */
function commandEntities(text: string): MessageEntity[] {
  const m = /^\/[A-Za-z0-9_]{1,64}(@[A-Za-z0-9_]{3,32})?/.exec(text)
  return m ? [{ type: 'bot_command', offset: 0, length: m[0].length }] : []
}

/**
 * The human side of the fake: actions a Telegram user takes, each turned into the update
 * Telegram would deliver to the bot. Every action returns the stored message (or query id).
 */
export class UserDriver {
  constructor(private readonly state: TelegramState) {}

  createUser(opts: CreateUserOptions): FakeUser {
    const user: FakeUser = { ...opts }
    this.state.users.set(user.id, user)
    this.state.chats.set(user.id, { id: user.id, type: 'private', user })
    return user
  }

  createGroup(opts: { id?: number, title: string, type?: 'group' | 'supergroup' }): FakeChat {
    const type = opts.type ?? 'supergroup'
    const id = opts.id ?? -(type === 'supergroup' ? 1_000_000_000_000 : 0) - this.state.chats.size - 1
    const chat: FakeChat = { id, type, title: opts.title }
    this.state.chats.set(id, chat)
    return chat
  }

  pushUpdate(body: UpdateBody): Update {
    return this.state.pushUpdate(structuredClone(body))
  }

  sendText(user: FakeUser, text: string, opts: ChatOption = {}): ChatMessage {
    const entities = commandEntities(text)
    const fields: Partial<Message> = { text }
    if (entities.length > 0) fields.entities = entities
    return this.userMessage(user, opts, 'text', fields, text, entities)
  }

  sendCommand(user: FakeUser, command: string, args?: string, opts: ChatOption = {}): ChatMessage {
    const name = command.startsWith('/') ? command : `/${command}`
    return this.sendText(user, args ? `${name} ${args}` : name, opts)
  }

  sendSticker(user: FakeUser, opts: ChatOption & { emoji?: string } = {}): ChatMessage {
    const sticker = { ...fileId('sticker'), type: 'regular', width: 512, height: 512, is_animated: false, is_video: false, emoji: opts.emoji ?? '👍' }
    return this.userMessage(user, opts, 'sticker', { sticker } as Partial<Message>, '')
  }

  sendPhoto(user: FakeUser, opts: ChatOption & { caption?: string } = {}): ChatMessage {
    const photo = [{ ...fileId('photo'), width: 90, height: 60 }, { ...fileId('photo'), width: 1280, height: 853 }]
    return this.userMessage(user, opts, 'photo', { photo, ...(opts.caption ? { caption: opts.caption } : {}) }, opts.caption ?? '')
  }

  sendVoice(user: FakeUser, opts: ChatOption & { duration?: number } = {}): ChatMessage {
    const voice = { ...fileId('voice'), duration: opts.duration ?? 3, mime_type: 'audio/ogg' }
    return this.userMessage(user, opts, 'voice', { voice }, '')
  }

  sendDocument(user: FakeUser, opts: ChatOption & { fileName?: string, caption?: string } = {}): ChatMessage {
    const document = { ...fileId('document'), file_name: opts.fileName ?? 'keys.txt', mime_type: 'text/plain' }
    return this.userMessage(user, opts, 'document', { document, ...(opts.caption ? { caption: opts.caption } : {}) }, opts.caption ?? '')
  }

  /** A text forwarded from someone (another fake user, or a hidden name). */
  forwardText(user: FakeUser, text: string, opts: ChatOption & { from?: FakeUser | string } = {}): ChatMessage {
    const date = Math.floor(Date.now() / 1000) - 60
    const from = opts.from ?? user
    const forward_origin = typeof from === 'string'
      ? { type: 'hidden_user' as const, date, sender_user_name: from }
      : { type: 'user' as const, date, sender_user: this.state.userObject(from) }
    return this.userMessage(user, opts, 'text', { text, forward_origin }, text)
  }

  /** The user edits one of their own messages: the bot gets an `edited_message`. */
  editUserMessage(user: FakeUser, message: ChatMessage, text: string): ChatMessage {
    if (message.sender !== 'user' || message.userId !== user.id) throw new Error('fake telegram: users can only edit their own messages')
    if (message.deleted) throw new Error('fake telegram: that message was deleted')
    message.history.push({ text: message.text, entities: message.entities, replacedAt: Date.now() })
    message.text = text
    message.entities = commandEntities(text)
    const m = message.message as Message & Record<string, unknown>
    m.text = text
    if (message.entities.length > 0) m.entities = message.entities
    else delete m.entities
    m.edit_date = Math.floor(Date.now() / 1000)
    this.state.emitChat('edited', message)
    this.state.pushUpdate(structuredClone({ edited_message: m }) as UpdateBody)
    return message
  }

  /** The user edits the caption of one of their photos or files: the bot gets an `edited_message`. */
  editUserCaption(user: FakeUser, message: ChatMessage, caption: string): ChatMessage {
    if (message.sender !== 'user' || message.userId !== user.id) throw new Error('fake telegram: users can only edit their own messages')
    if (message.deleted) throw new Error('fake telegram: that message was deleted')
    const m = message.message as Message & Record<string, unknown>
    if (typeof m.caption !== 'string' && !m.photo && !m.document) throw new Error('fake telegram: only a photo or file has a caption to edit')
    message.history.push({ text: message.text, entities: message.entities, replacedAt: Date.now() })
    message.text = caption
    m.caption = caption
    m.edit_date = Math.floor(Date.now() / 1000)
    this.state.emitChat('edited', message)
    this.state.pushUpdate(structuredClone({ edited_message: m }) as UpdateBody)
    return message
  }

  /**
   * Taps an inline button the bot really shows on that message (matched by label or data);
   * fails loudly when it is not there, so a test can't tap a button the user could never see.
   */
  tapButton(user: FakeUser, botMessage: ChatMessage, buttonTextOrData: string): string {
    const current = this.state.findMessage(botMessage.chatId, botMessage.messageId)
    if (!current || current.sender !== 'bot') throw new Error(`fake telegram: message ${botMessage.messageId} is not a bot message in chat ${botMessage.chatId}`)
    if (current.deleted) throw new Error(`fake telegram: message ${current.messageId} was deleted; its buttons are gone`)
    const button = findButton(current.keyboard, buttonTextOrData)
    if (!button) {
      const shown = (current.keyboard ?? []).flat().map(b => b.text).join(', ') || 'none'
      throw new Error(`fake telegram: no button "${buttonTextOrData}" on message ${current.messageId} (buttons: ${shown})`)
    }
    if (!('callback_data' in button)) throw new Error(`fake telegram: button "${button.text}" has no callback_data`)
    return this.forgeCallback(user, current, button.callback_data)
  }

  /** Sends a callback query with any data, as a hostile client could; for ownership tests. */
  forgeCallback(user: FakeUser, message: ChatMessage, data: string): string {
    const id = this.state.allocateQueryId()
    this.state.queries.set(id, { id, userId: user.id, chatId: message.chatId, messageId: message.messageId, data })
    this.state.pushUpdate(structuredClone({
      callback_query: { id, from: this.state.userObject(user), message: message.message, chat_instance: String(message.chatId), data },
    }) as UpdateBody)
    return id
  }

  private resolveChat(user: FakeUser, opts: ChatOption): FakeChat {
    const id = typeof opts.chat === 'number' ? opts.chat : opts.chat?.id ?? user.id
    const chat = this.state.chats.get(id)
    if (!chat) throw new Error(`fake telegram: unknown chat ${id}; create the user or group first`)
    return chat
  }

  private userMessage(user: FakeUser, opts: ChatOption, kind: MessageKind, fields: Partial<Message>, text: string, entities: MessageEntity[] = []): ChatMessage {
    const chat = this.resolveChat(user, opts)
    if (chat.type === 'private' && chat.id !== user.id) throw new Error(`fake telegram: user ${user.id} cannot write in ${chat.id}'s private chat`)
    const message = {
      message_id: this.state.allocateMessageId(chat.id),
      from: this.state.userObject(user),
      chat: this.state.chatObject(chat),
      date: Math.floor(Date.now() / 1000),
      ...fields,
    } as Message
    const record: ChatMessage = {
      chatId: chat.id, messageId: message.message_id, sender: 'user', userId: user.id, kind,
      text, entities, deleted: false, history: [], message,
    }
    this.state.addMessage(record)
    this.state.emitChat('sent', record)
    this.state.pushUpdate(structuredClone({ message }) as UpdateBody)
    return record
  }
}
