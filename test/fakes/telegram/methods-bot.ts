import type { BotCommand } from 'grammy/types'
import { badRequest, DESCRIPTIONS } from './errors.js'
import { type MethodHandler, bool } from './method-context.js'
import { assertCanSend } from './methods-messages.js'

/** Commands are stored per scope and language, as Telegram resolves them per user. */
function commandKey(params: Record<string, unknown>): string {
  const scope = (params.scope && typeof params.scope === 'object' ? params.scope : { type: 'default' }) as Record<string, unknown>
  const parts = [String(scope.type ?? 'default')]
  if (scope.chat_id !== undefined) parts.push(`chat=${String(scope.chat_id)}`)
  if (scope.user_id !== undefined) parts.push(`user=${String(scope.user_id)}`)
  return `${parts.join(':')}|${typeof params.language_code === 'string' ? params.language_code : ''}`
}

const setMyCommands: MethodHandler = ({ state, params }) => {
  const commands = Array.isArray(params.commands) ? params.commands as BotCommand[] : []
  for (const c of commands) {
    if (typeof c.command !== 'string' || !/^[a-z0-9_]{1,32}$/.test(c.command)) throw badRequest('Bad Request: BOT_COMMAND_INVALID')
    if (typeof c.description !== 'string' || c.description.length < 1 || c.description.length > 256) {
      throw badRequest('Bad Request: BOT_COMMAND_DESCRIPTION_INVALID')
    }
  }
  const key = commandKey(params)
  if (commands.length === 0) state.commands.delete(key)
  else state.commands.set(key, commands.map(c => ({ command: c.command, description: c.description })))
  return true
}

const setWebhook: MethodHandler = ({ state, params }) => {
  const url = typeof params.url === 'string' ? params.url : ''
  if (url === '') {
    state.webhook = undefined
    return true
  }
  if (!/^https?:\/\//.test(url)) throw badRequest('Bad Request: bad webhook: An HTTPS URL must be provided for webhook')
  if (bool(params.drop_pending_updates)) state.pending = []
  state.webhook = { url }
  if (typeof params.secret_token === 'string') state.webhook.secretToken = params.secret_token
  if (Array.isArray(params.allowed_updates) && params.allowed_updates.length > 0) state.webhook.allowedUpdates = params.allowed_updates.map(String)
  if (params.max_connections !== undefined) state.webhook.maxConnections = Number(params.max_connections)
  state.emit('webhook')
  return true
}

/** Bot-level and chat-level Bot API methods other than messages and polling. */
export const botMethods: Record<string, MethodHandler> = {
  getme: ({ state }) => state.bot,
  logout: () => true,
  close: () => true,
  setwebhook: setWebhook,
  deletewebhook: ({ state, params }) => {
    if (bool(params.drop_pending_updates)) state.pending = []
    state.webhook = undefined
    return true
  },
  getwebhookinfo: ({ state }) => {
    const w = state.webhook
    const info: Record<string, unknown> = { url: w?.url ?? '', has_custom_certificate: false, pending_update_count: state.pending.length }
    if (w?.lastErrorDate !== undefined) info.last_error_date = w.lastErrorDate
    if (w?.lastErrorMessage !== undefined) info.last_error_message = w.lastErrorMessage
    if (w?.maxConnections !== undefined) info.max_connections = w.maxConnections
    if (w?.allowedUpdates !== undefined) info.allowed_updates = w.allowedUpdates
    return info
  },
  setmycommands: setMyCommands,
  getmycommands: ({ state, params }) => state.commands.get(commandKey(params)) ?? [],
  deletemycommands: ({ state, params }) => {
    state.commands.delete(commandKey(params))
    return true
  },
  answercallbackquery: ({ state, params }) => {
    const query = state.queries.get(String(params.callback_query_id))
    if (!query || query.answer) throw badRequest(DESCRIPTIONS.queryTooOld)
    query.answer = {}
    if (typeof params.text === 'string') query.answer.text = params.text
    if (params.show_alert !== undefined) query.answer.showAlert = bool(params.show_alert)
    if (typeof params.url === 'string') query.answer.url = params.url
    return true
  },
  sendchataction: ({ state, scenarios, params }) => {
    const chat = state.chat(params.chat_id)
    assertCanSend(scenarios, chat)
    state.chatActions.push({ chatId: chat.id, action: String(params.action) })
    return true
  },
  getchat: ({ state, params }) => {
    const chat = state.chat(params.chat_id)
    return { ...state.chatObject(chat), accent_color_id: 0, max_reaction_count: 11, accepted_gift_types: { unlimited_gifts: false, limited_gifts: false, unique_gifts: false, premium_subscription: false } }
  },
  leavechat: ({ state, params }) => {
    const chat = state.chat(params.chat_id)
    if (chat.type === 'private') throw badRequest("Bad Request: chat member status can't be changed in private chats")
    chat.botLeft = true
    return true
  },
}
