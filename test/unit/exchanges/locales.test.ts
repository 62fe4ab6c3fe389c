import { readdirSync, readFileSync } from 'node:fs'
import { FluentBundle, FluentResource } from '@fluent/bundle'
import { describe, expect, it } from 'vitest'
import { CHECK_IDS, DIAGNOSIS_CODES, EXCHANGE_IDS, LOCALES } from '../../../src/domain/types.js'
import type { FormatProblem } from '../../../src/exchanges/adapter.js'

const FORMAT_PROBLEMS: FormatProblem[] = ['EMPTY', 'TOO_LONG', 'WHITESPACE', 'BAD_CHARSET', 'WRONG_LENGTH', 'LOOKS_LIKE_SECRET', 'LOOKS_LIKE_KEY', 'SAME_AS_KEY', 'PEM_INVALID', 'PEM_PUBLIC_KEY', 'PEM_ENCRYPTED', 'PEM_UNSUPPORTED']
// Every variable a text may use: the detail keys the adapters emit.
const ARGS = { ips: '203.0.113.7', skewMs: 4000, latencyMs: 12, assets: 3, permissions: 'Transfer', symbol: 'BTCUSDT', retryAfterS: 7, during: 'key', skipped: 'key', date: '2026-12-07', daysLeft: 7, days: 30, expiresAt: 1_796_601_600_000 }

/** diagnosis.ftl plus one diagnosis-<exchange>.ftl per exchange that keeps its fixes apart (the bot loads every .ftl). */
function load(locale: string) {
  const dir = new URL(`../../../src/bot/locales/${locale}/`, import.meta.url)
  const text = readdirSync(dir)
    .filter((f) => /^diagnosis(-[a-z]+)?\.ftl$/.test(f))
    .sort()
    .map((f) => readFileSync(new URL(f, dir), 'utf8'))
    .join('\n')
  const bundle = new FluentBundle(locale, { useIsolating: false })
  const errors = bundle.addResource(new FluentResource(text))
  // Ids written in the file: a line that fails to parse would be missing from the bundle.
  const written = [...text.matchAll(/^([a-zA-Z][\w-]*)\s*=/gm)].map((m) => m[1] as string)
  return { bundle, errors, written }
}

const files = Object.fromEntries(LOCALES.map((l) => [l, load(l)]))

describe('diagnosis locale files', () => {
  it.each(LOCALES.map((l) => [l]))('%s parses without junk or duplicates', (locale) => {
    const f = files[locale]!
    expect(f.errors).toEqual([])
    expect(f.written.filter((id) => !f.bundle.hasMessage(id))).toEqual([])
    // A key written in two files would silently keep only one of the texts.
    expect(f.written.filter((id, i) => f.written.indexOf(id) !== i)).toEqual([])
  })

  it('has the same keys in every locale', () => {
    const [first, ...rest] = LOCALES.map((l) => [...files[l]!.written].sort())
    for (const keys of rest) expect(keys).toEqual(first)
  })

  it.each(LOCALES.map((l) => [l]))('%s explains every code with a cause and a fix per exchange', (locale) => {
    const { bundle } = files[locale]!
    const wanted = [
      ...CHECK_IDS.map((c) => `check-${c}`),
      ...DIAGNOSIS_CODES.flatMap((code) => [`diag-${code}-cause`, ...EXCHANGE_IDS.map((ex) => `diag-${code}-fix-${ex}`)]),
      ...FORMAT_PROBLEMS.map((p) => `format-${p}`),
    ]
    expect(wanted.filter((id) => !bundle.hasMessage(id))).toEqual([])
  })

  it.each(LOCALES.map((l) => [l]))('%s formats every text with known variables only, as plain text', (locale) => {
    const { bundle, written } = files[locale]!
    for (const id of written) {
      const errors: Error[] = []
      const text = bundle.formatPattern(bundle.getMessage(id)!.value!, ARGS, errors)
      expect(errors, id).toEqual([])
      expect(text, id).not.toMatch(/[<>&*_`[\]]/)
    }
  })

  it('gives numbered steps in every fix', () => {
    for (const l of LOCALES) {
      const { bundle, written } = files[l]!
      for (const id of written.filter((i) => i.includes('-fix-'))) {
        expect(bundle.formatPattern(bundle.getMessage(id)!.value!, ARGS), `${l} ${id}`).toMatch(/^1\. /)
      }
    }
  })
})
