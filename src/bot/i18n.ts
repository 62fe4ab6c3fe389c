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
  cacheTexts(i18n.fluent)
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

/** Distinct texts kept by {@link cacheTexts}; the oldest goes first beyond this. */
export const TEXT_CACHE_SIZE = 4096

/**
 * Keeps formatted texts by locale, key and arguments. The same few hundred texts (a check's
 * label, a diagnosis' cause and fix for one exchange and our IPs) are formatted again for every
 * card of every /status and every notification, and a Fluent pattern with placeables allocates
 * a scope and parts on each format. A text depends only on its locale, key and arguments, so a
 * bounded map returns it; calls with a non-primitive argument (a Date, a Fluent type) are not
 * cached. Adding bundles clears it.
 */
export function cacheTexts(fluent: object): void {
  const f = fluent as { translate?: (locale: string | string[], key: string, args?: Record<string, unknown>) => string; bundles?: Set<unknown> }
  const original = f.translate
  const bundles = f.bundles
  if (typeof original !== 'function' || !(bundles instanceof Set)) return
  const texts = new Map<string, string>()
  let known = bundles.size
  f.translate = (locale, key, args) => {
    let id = `${Array.isArray(locale) ? locale.join(',') : locale}\u0000${key}`
    if (args) {
      for (const [k, v] of Object.entries(args)) {
        if (typeof v !== 'string' && typeof v !== 'number') return original.call(f, locale, key, args)
        id += `\u0000${k}\u0001${typeof v === 'number' ? '#' : ''}${v}`
      }
    }
    if (bundles.size !== known) {
      texts.clear()
      known = bundles.size
    }
    let text = texts.get(id)
    if (text === undefined) {
      text = original.call(f, locale, key, args)
      if (texts.size >= TEXT_CACHE_SIZE) texts.delete(texts.keys().next().value!)
      texts.set(id, text)
    }
    return text
  }
}
