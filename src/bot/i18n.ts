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
  const i18n = new I18n<FlowContext>({
    defaultLocale: LOCALES[0],
    directory: LOCALES_DIR,
    fluentBundleOptions: { useIsolating: false },
    localeNegotiator: (ctx) => {
      const id = ctx.from?.id
      const stored = id !== undefined ? ctx.deps.users.get(id)?.language : undefined
      return stored ?? pickLocale(ctx.from?.language_code)
    },
  })
  memoizeNegotiation(i18n.fluent)
  return i18n
}

/**
 * @grammyjs/i18n negotiates languages again on every `t()` (`matchBundles` runs
 * @fluent/langneg's `negotiateLanguages` over every bundle), and one /status card makes 20 to
 * 40 calls. The answer depends only on the locale list and the loaded bundles, so it is kept per
 * list, and recomputed if bundles are added. Left alone if the library's internals change shape.
 */
export function memoizeNegotiation(fluent: object): void {
  const f = fluent as { matchBundles?: (locales: string[]) => unknown; bundles?: Set<unknown> }
  const original = f.matchBundles
  const bundles = f.bundles
  if (typeof original !== 'function' || !(bundles instanceof Set)) return
  const memo = new Map<string, unknown>()
  let known = bundles.size
  f.matchBundles = (locales: string[]) => {
    if (bundles.size !== known) {
      memo.clear()
      known = bundles.size
    }
    const key = locales.join('\n')
    let hit = memo.get(key)
    if (hit === undefined) {
      hit = original.call(f, locales)
      if (memo.size < 64) memo.set(key, hit)
    }
    return hit
  }
}
