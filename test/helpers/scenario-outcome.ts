import { expect } from 'vitest'
import type { ExchangeId } from '../../src/domain/types.js'
import { EGRESS_IP } from './e2e.js'
import { EXCHANGE_LABELS, identityShown, tr } from './e2e-flows.js'

/** A bot HTML text as the user reads it (tags dropped, entities decoded). */
export const plain = (html: string) => html.replace(/<\/?[a-z]+>/g, '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>')
/** Fix steps are indented under their check in the report; the locale files have them flush. */
export const unindent = (text: string) => text.replace(/\n[ \t]+/g, '\n')

/** What an exchange scenario expects of the report of one /connect through the bot. */
export interface ScenarioExpectation {
  exchange: ExchangeId
  locale: 'en' | 'pt-BR'
  outcome: string
  codes: Array<{ code: string; detail?: Record<string, string | number> }>
}

/**
 * The report of a scenario, judged the same way for every exchange: each expected diagnosis with
 * its cause and this exchange's fix; a key that can withdraw refused; a key the exchange never
 * accepted not saved (F6); anything else saved with the expected status and verdict.
 */
export function expectScenarioOutcome(reportHtml: string, saved: ReadonlyArray<{ status: string }>, s: ScenarioExpectation): void {
  const text = plain(reportHtml)
  for (const { code, detail } of s.codes) {
    const vars = { ips: EGRESS_IP, daysLeft: 0, days: 0, date: '', permissions: '', skewMs: 0, ...detail }
    expect(text).toContain(plain(tr(s.locale, `diag-${code}-cause`, vars)).split(/\d/)[0]!)
    expect(unindent(text)).toContain(plain(tr(s.locale, `diag-${code}-fix-${s.exchange}`, vars)))
  }
  if (s.outcome === 'unsafe') {
    expect(text).toContain(plain(tr(s.locale, 'verdict-unsafe')))
    expect(text).toContain(plain(tr(s.locale, 'connect-refused-unsafe')))
    expect(saved).toEqual([])
    return
  }
  // Identity unproven (F6: the exchange never accepted the signature): nothing saved, the report says why.
  const identityCodes = s.codes.filter(({ code }) => code === 'INVALID_KEY' || code === 'INVALID_SECRET' || code === 'INVALID_PASSPHRASE')
  if (!identityShown(text, s.locale)) {
    expect(s.outcome).not.toBe('online')
    expect(saved).toEqual([])
    expect([tr(s.locale, 'connect-refused-unproven'), tr(s.locale, 'connect-refused-unreachable')].some((line) => text.includes(plain(line)))).toBe(true)
    return
  }
  expect(identityCodes).toEqual([])
  expect(saved).toHaveLength(1)
  expect(saved[0]!.status).toBe(s.outcome)
  expect(text).toContain(plain(s.outcome === 'needs_confirmation' ? tr(s.locale, 'verdict-needs-confirmation', { exchange: EXCHANGE_LABELS[s.exchange] }) : tr(s.locale, `verdict-${s.outcome}`)))
  if (s.outcome === 'online') expect(text).not.toContain('❌')
}
