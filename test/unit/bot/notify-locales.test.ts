import { readFileSync } from 'node:fs'
import { FluentBundle, FluentResource } from '@fluent/bundle'
import { describe, expect, it } from 'vitest'
import { LOCALES } from '../../../src/domain/types.js'
import { NOTIFICATION_KINDS } from '../../../src/monitor/notification.js'

const ARGS = { name: 'Main', exchange: 'MEXC', since: '2026-11-25 14:05 UTC', date: '2026-12-07' }

function load(locale: string) {
  const text = readFileSync(new URL(`../../../src/bot/locales/${locale}/notify.ftl`, import.meta.url), 'utf8')
  const bundle = new FluentBundle(locale, { useIsolating: false })
  const errors = bundle.addResource(new FluentResource(text))
  const written = [...text.matchAll(/^([a-zA-Z][\w-]*)\s*=/gm)].map((m) => m[1] as string)
  return { bundle, errors, written }
}

describe('notify.ftl', () => {
  const files = Object.fromEntries(LOCALES.map((l) => [l, load(l)]))

  it('has the same keys in every locale, all parsed', () => {
    const [first, ...rest] = LOCALES.map((l) => [...files[l]!.written].sort())
    for (const keys of rest) expect(keys).toEqual(first)
    for (const l of LOCALES) expect(files[l]!.errors).toEqual([])
  })

  it.each(LOCALES.map((l) => [l]))('%s has every text the sender uses, formatting without errors', (locale) => {
    const { bundle } = files[locale]!
    const keys = [...NOTIFICATION_KINDS.map((k) => `notify-${k}`), 'notify-offline-exchange', 'notify-footer-fix', 'notify-footer-stopped', 'notify-footer-settings', 'notify-button-test', 'notify-button-replace']
    for (const key of keys) {
      const msg = bundle.getMessage(key)
      expect(msg?.value, key).toBeTruthy()
      const errors: Error[] = []
      const out = bundle.formatPattern(msg!.value!, ARGS, errors)
      expect(errors, key).toEqual([])
      // Only the tags Telegram's HTML mode allows, balanced.
      const tags = [...out.matchAll(/<\/?([a-z]+)>/g)].map((m) => m[1])
      expect(tags.every((t) => t === 'b' || t === 'i'), key).toBe(true)
      expect(out.split('<b>').length, key).toBe(out.split('</b>').length)
    }
  })
})
