import type { TelegramState } from './state.js'
import type { ChatMessage } from './types.js'

function describe(msg: ChatMessage, state: TelegramState): string {
  const who = msg.sender === 'bot' ? 'bot' : state.users.get(msg.userId ?? 0)?.firstName ?? `user ${msg.userId}`
  const kind = msg.kind === 'text' ? '' : `<${msg.kind}> `
  const forwarded = 'forward_origin' in msg.message && msg.message.forward_origin ? '(forwarded) ' : ''
  const flags = [msg.history.length > 0 ? `edited x${msg.history.length}` : '', msg.deleted ? 'deleted' : ''].filter(Boolean)
  const head = `#${msg.messageId} [${who}]${flags.length ? ` (${flags.join(', ')})` : ''} ${forwarded}${kind}`
  const lines = msg.text.split('\n')
  const body = [head + (lines[0] ?? ''), ...lines.slice(1).map(l => `    ${l}`)]
  for (const row of msg.keyboard ?? []) {
    body.push(`    ${row.map(b => `[${b.text}${'callback_data' in b ? ` → ${b.callback_data}` : 'url' in b ? ` → ${b.url}` : ''}]`).join(' ')}`)
  }
  return body.join('\n')
}

/** A readable dump of one chat, for failure messages and recorded demo transcripts. */
export function renderTranscript(state: TelegramState, chatId: number): string {
  return (state.messages.get(chatId) ?? []).map(m => describe(m, state)).join('\n')
}
