import { I18n } from '@grammyjs/i18n'
import { describe, expect, it } from 'vitest'
import { cacheTexts, createI18n, LOCALES_DIR, memoizeNegotiation } from '../../../src/bot/i18n.js'

describe('i18n negotiation', () => {
  it('negotiates each locale once, not on every t(), with the same texts', () => {
    const plain = new I18n({ defaultLocale: 'en', directory: LOCALES_DIR, fluentBundleOptions: { useIsolating: false } })
    const i18n = new I18n({ defaultLocale: 'en', directory: LOCALES_DIR, fluentBundleOptions: { useIsolating: false } })
    const fluent = i18n.fluent as unknown as { matchBundles: (l: string[]) => unknown }
    const original = fluent.matchBundles
    let negotiations = 0
    fluent.matchBundles = function (this: unknown, l: string[]) {
      negotiations++
      return original.call(this, l)
    }
    memoizeNegotiation(i18n.fluent)
    for (let i = 0; i < 50; i++) {
      for (const locale of ['en', 'pt-BR']) {
        expect(i18n.t(locale, 'cmd-status')).toBe(plain.t(locale, 'cmd-status'))
        expect(i18n.t(locale, 'check-balance')).toBe(plain.t(locale, 'check-balance'))
      }
    }
    expect(negotiations).toBe(2)
    expect(i18n.t('pt-BR', 'cmd-status')).not.toBe(i18n.t('en', 'cmd-status'))
  })

  it('the app\'s instance falls back to English for an unknown locale, as before', () => {
    const i18n = createI18n()
    expect(i18n.t('xx', 'cmd-status')).toBe(i18n.t('en', 'cmd-status'))
  })

  it('serves a formatted text again from the cache, keyed by its arguments, with the same result as Fluent', () => {
    const plain = new I18n({ defaultLocale: 'en', directory: LOCALES_DIR, fluentBundleOptions: { useIsolating: false } })
    const i18n = new I18n({ defaultLocale: 'en', directory: LOCALES_DIR, fluentBundleOptions: { useIsolating: false } })
    const fluent = i18n.fluent as unknown as { translate: (...a: unknown[]) => string }
    const original = fluent.translate
    let formatted = 0
    fluent.translate = function (this: unknown, ...a: unknown[]) {
      formatted++
      return original.apply(this, a)
    }
    cacheTexts(i18n.fluent)
    const calls: Array<[string, string, Record<string, string | number>]> = [
      ['en', 'diag-IP_NOT_ALLOWED-fix-kucoin', { ips: '203.0.113.7', exchange: 'kucoin' }],
      ['pt-BR', 'diag-IP_NOT_ALLOWED-fix-kucoin', { ips: '203.0.113.7', exchange: 'kucoin' }],
      ['en', 'diag-IP_NOT_ALLOWED-fix-kucoin', { ips: '198.51.100.9', exchange: 'kucoin' }],
      ['en', 'connection-key', { key: 'mx0v…y001' }],
      ['en', 'connection-key', { key: '64d1…b9c0' }],
    ]
    for (let round = 0; round < 3; round++) for (const [l, k, a] of calls) expect(i18n.t(l, k, a)).toBe(plain.t(l, k, a))
    // Formatted once per distinct locale, key and arguments; a new argument is never served an old text.
    expect(formatted).toBe(calls.length)
    expect(i18n.t('en', 'connection-key', { key: 'abcd…wxyz' })).toContain('abcd…wxyz')
  })
})
