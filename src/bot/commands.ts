import type { Api } from 'grammy'
import type { AppLogger } from '../logger.js'

/** Commands shown in Telegram's menu, in order. */
export const COMMANDS = ['connect', 'connections', 'status', 'test', 'rename', 'replace', 'delete', 'pause', 'resume', 'settings', 'help', 'cancel'] as const

/**
 * Registers the command menu per language (English as the default, Portuguese for "pt" users).
 * A failure is logged and ignored: the bot works without a menu.
 */
export async function registerCommands(api: Api, t: (locale: string, key: string) => string, logger: AppLogger): Promise<void> {
  const list = (locale: string) => COMMANDS.map((c) => ({ command: c, description: t(locale, `cmd-${c}`) }))
  try {
    await api.setMyCommands(list('en'), { scope: { type: 'all_private_chats' } })
    await api.setMyCommands(list('pt-BR'), { scope: { type: 'all_private_chats' }, language_code: 'pt' })
  } catch (err) {
    logger.warn({ err }, 'could not register the command menu; continuing without it')
  }
}
