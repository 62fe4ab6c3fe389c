import { describe, expect, it } from 'vitest'
import { renderReport } from '../../../../src/bot/render/report.js'
import { createI18n } from '../../../../src/bot/i18n.js'
import type { CheckResult, TestReport } from '../../../../src/domain/types.js'

const i18n = createI18n()
const t = (locale: string) => (key: string, params?: Record<string, string | number>) => i18n.t(locale, key, params)

function report(checks: CheckResult[], verdict: TestReport['verdict'] = 'offline', transient = false): TestReport {
  return { exchange: 'kucoin', market: 'spot', verdict, transient, checks, startedAt: 0, durationMs: 10, requestCount: 2 }
}

/** A KuCoin key whose whitelist excludes us: the first signed call fails, the rest cannot run. */
const ipBlocked = report([
  { id: 'reachable', state: 'pass', detail: { latencyMs: 42 } },
  { id: 'key', state: 'pass' },
  { id: 'secret', state: 'unknown', detail: { skipped: 'ip' } },
  { id: 'passphrase', state: 'unknown', detail: { skipped: 'ip' } },
  { id: 'balance', state: 'unknown', detail: { skipped: 'ip' } },
  { id: 'trade', state: 'unknown', detail: { skipped: 'ip' } },
  { id: 'withdraw', state: 'unknown', detail: { skipped: 'ip' } },
  { id: 'ip', state: 'fail', code: 'IP_NOT_ALLOWED' },
])

describe('renderReport: a report a trader reads on a phone', () => {
  it('puts the failure and its fix first, the skipped checks on one line, the passes on one line, the verdict last', () => {
    const text = renderReport(ipBlocked, t('en'), ['203.0.113.7'])
    const lines = text.split('\n')
    expect(lines[0]).toBe('❌ IP whitelist')
    expect(lines[1]).toBe(`   <i>${i18n.t('en', 'diag-IP_NOT_ALLOWED-cause')}</i>`)
    expect(text).toContain('   2. Under IP Restriction, add: 203.0.113.7')
    const skipped = lines.filter((l) => l.startsWith('❔'))
    expect(skipped).toEqual(['❔ Not checked, because IP whitelist failed first: Secret key, API passphrase, Balance readable, Trading permission, Withdrawal disabled.'])
    expect(lines.filter((l) => l.startsWith('✅'))).toEqual(['✅ Passed: Exchange reachable (42 ms) · API key'])
    expect(lines.at(-2)).toBe('')
    expect(lines.at(-1)).toBe(`<b>${i18n.t('en', 'verdict-offline')}</b>`)
    // The skipped line comes after the failure, the passes after both.
    expect(lines.indexOf(skipped[0]!)).toBeGreaterThan(1)
    expect(lines.findIndex((l) => l.startsWith('✅'))).toBeGreaterThan(lines.indexOf(skipped[0]!))
  })

  it('never tells the trader to send a command inside a fix: the next step comes once, after the verdict', () => {
    const text = renderReport(ipBlocked, t('en'), ['203.0.113.7'])
    expect(text).not.toMatch(/\/test|\/replace|\/connect/)
    expect(renderReport(ipBlocked, t('pt-BR'), ['203.0.113.7'])).not.toMatch(/\/test|\/replace|\/connect/)
  })

  it('a healthy report is one line of passes and the verdict', () => {
    const ok = report([
      { id: 'reachable', state: 'pass', detail: { latencyMs: 7 } },
      { id: 'key', state: 'pass' },
      { id: 'trade', state: 'pass' },
    ], 'online')
    expect(renderReport(ok, t('pt-BR'), [])).toBe(`✅ Passou: Exchange acessível (7 ms) · Chave de API · Permissão de negociação\n\n<b>${i18n.t('pt-BR', 'verdict-online')}</b>`)
  })

  it('warnings and unproven checks come after failures, before the passes', () => {
    const mixed = report([
      { id: 'reachable', state: 'pass' },
      { id: 'withdraw', state: 'unknown', code: 'WITHDRAW_UNVERIFIED' },
      { id: 'trade', state: 'fail', code: 'NO_TRADE_PERMISSION' },
      { id: 'ip', state: 'warn', code: 'IP_WHITELIST_MISSING' },
    ])
    const heads = renderReport(mixed, t('en'), ['203.0.113.7']).split('\n').filter((l) => /^[❌⚠️❔✅]/u.test(l))
    expect(heads).toEqual(['❌ Trading permission', '❔ Withdrawal disabled', '⚠️ IP whitelist', '✅ Passed: Exchange reachable'])
  })
})
