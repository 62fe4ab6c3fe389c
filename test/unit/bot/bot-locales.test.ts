import { readFileSync } from 'node:fs'
import { FluentBundle, FluentResource } from '@fluent/bundle'
import { describe, expect, it } from 'vitest'
import { EXCHANGE_IDS, LOCALES } from '../../../src/domain/types.js'

function load(locale: string) {
  const text = readFileSync(new URL(`../../../src/bot/locales/${locale}/bot.ftl`, import.meta.url), 'utf8')
  const bundle = new FluentBundle(locale, { useIsolating: false })
  const errors = bundle.addResource(new FluentResource(text))
  const written = [...text.matchAll(/^([a-zA-Z][\w-]*)\s*=/gm)].map((m) => m[1] as string)
  return { errors, written }
}

describe('bot.ftl', () => {
  it('has the same keys in every locale, all parsed, none twice', () => {
    const files = LOCALES.map((l) => load(l))
    for (const f of files) {
      expect(f.errors).toEqual([])
      expect(new Set(f.written).size).toBe(f.written.length)
    }
    const [first, ...rest] = files.map((f) => [...f.written].sort())
    for (const keys of rest) expect(keys).toEqual(first)
  })

  it('has a key checklist for every exchange the bot offers', () => {
    for (const l of LOCALES) expect(EXCHANGE_IDS.filter((id) => !load(l).written.includes(`checklist-${id}`)), l).toEqual([])
  })
})
