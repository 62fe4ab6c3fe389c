import { fileURLToPath } from 'node:url'
import { I18n } from '@grammyjs/i18n'
import { LOCALES, type Locale } from '../domain/types.js'
import type { FlowContext } from './context.js'

/** Locale files live next to this module, so the bot works whatever folder it starts from. */
export const LOCALES_DIR = fileURLToPath(new URL('./locales', import.meta.url))

/** Maps Telegram's language_code (e.g. "pt", "pt-br", "en-US") to a supported locale. */
export function pickLocale(code: string | undefined | null): Locale {
  const c = (code ?? '').toLowerCase()
  if (c.startsWith('pt')) return 'pt-BR'
  return 'en'
}

/**
 * Fluent via @grammyjs/i18n: the user's choice from /settings wins, else their Telegram
 * language. Bidi isolation marks are off because Telegram renders them as stray characters.
 */
export function createI18n() {
  return new I18n<FlowContext>({
    defaultLocale: LOCALES[0],
    directory: LOCALES_DIR,
    fluentBundleOptions: { useIsolating: false },
    localeNegotiator: (ctx) => {
      const id = ctx.from?.id
      const stored = id !== undefined ? ctx.deps.users.get(id)?.language : undefined
      return stored ?? pickLocale(ctx.from?.language_code)
    },
  })
}
