import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ExchangeId } from '../../src/domain/types.js'
import type { FakeAccountInput } from '../fakes/exchange-server.js'
import { startE2E, EGRESS_IP, type E2E } from '../helpers/e2e.js'
import { runConnect, tr } from '../helpers/e2e-flows.js'
import { expectScenarioOutcome, plain } from '../helpers/scenario-outcome.js'

type Locale = 'en' | 'pt-BR'
interface Scenario {
  exchange: ExchangeId
  name: string
  locale: Locale
  account: Omit<FakeAccountInput, 'exchange'>
  /** What the user pastes instead of the account's own value, if anything. */
  paste?: { passphrase?: string }
  outcome: 'online' | 'offline' | 'unsafe'
  /** Diagnoses whose cause and fix (for this exchange, in this language) must be in the report. */
  codes: Array<{ code: string; detail?: Record<string, string | number> }>
}

const YEAR_2031 = Date.UTC(2031, 5, 30)
// Every scenario the issue names, for each new exchange, alternating the trader's language.
const SCENARIOS: Scenario[] = [
  { exchange: 'binance', name: 'healthy key, IP-restricted', locale: 'en', account: { permissions: ['enableReading', 'enableSpotAndMarginTrading'], ipWhitelist: [EGRESS_IP] }, outcome: 'online', codes: [] },
  { exchange: 'binance', name: 'healthy Ed25519 key pasted as a multi-line PEM', locale: 'pt-BR', account: { keyType: 'ed25519', permissions: ['enableReading', 'enableSpotAndMarginTrading'], ipWhitelist: [EGRESS_IP] }, outcome: 'online', codes: [] },
  { exchange: 'binance', name: 'Enable Withdrawals on: refused', locale: 'pt-BR', account: { permissions: ['enableReading', 'enableSpotAndMarginTrading', 'enableWithdrawals'], ipWhitelist: [EGRESS_IP] }, outcome: 'unsafe', codes: [{ code: 'WITHDRAW_ENABLED', detail: { permissions: 'Enable Withdrawals' } }] },
  { exchange: 'binance', name: 'read-only key', locale: 'en', account: { permissions: ['enableReading'], ipWhitelist: [EGRESS_IP] }, outcome: 'offline', codes: [{ code: 'NO_TRADE_PERMISSION' }] },
  { exchange: 'binance', name: 'IP not whitelisted (Binance says -2015)', locale: 'pt-BR', account: { permissions: ['enableReading', 'enableSpotAndMarginTrading'], ipWhitelist: ['192.0.2.10'] }, outcome: 'offline', codes: [{ code: 'KEY_REJECTED' }] },
  { exchange: 'bybit', name: 'healthy key, IP-bound', locale: 'pt-BR', account: { ipWhitelist: [EGRESS_IP] }, outcome: 'online', codes: [] },
  { exchange: 'bybit', name: 'Wallet Withdrawal on: refused', locale: 'en', account: { permissions: ['Spot:SpotTrade', 'Wallet:Withdraw'], ipWhitelist: [EGRESS_IP] }, outcome: 'unsafe', codes: [{ code: 'WITHDRAW_ENABLED', detail: { permissions: 'Wallet: Withdraw' } }] },
  { exchange: 'bybit', name: 'Read-Only key', locale: 'pt-BR', account: { readOnly: true, ipWhitelist: [EGRESS_IP] }, outcome: 'offline', codes: [{ code: 'NO_TRADE_PERMISSION' }] },
  { exchange: 'bybit', name: 'IP not whitelisted (10010)', locale: 'en', account: { ipWhitelist: ['192.0.2.10'] }, outcome: 'offline', codes: [{ code: 'IP_NOT_ALLOWED' }] },
  { exchange: 'bybit', name: 'key with no IP bound: Bybit states its expiry date', locale: 'pt-BR', account: { expiresAt: YEAR_2031 }, outcome: 'online', codes: [{ code: 'KEY_EXPIRES', detail: { date: '2031-06-30' } }, { code: 'IP_WHITELIST_MISSING' }] },
  { exchange: 'okx', name: 'healthy key, IP-bound', locale: 'en', account: { ipWhitelist: [EGRESS_IP] }, outcome: 'online', codes: [] },
  { exchange: 'okx', name: 'Withdraw on: refused', locale: 'pt-BR', account: { permissions: ['read_only', 'trade', 'withdraw'], ipWhitelist: [EGRESS_IP] }, outcome: 'unsafe', codes: [{ code: 'WITHDRAW_ENABLED', detail: { permissions: 'Withdraw' } }] },
  { exchange: 'okx', name: 'read-only key', locale: 'en', account: { permissions: ['read_only'], ipWhitelist: [EGRESS_IP] }, outcome: 'offline', codes: [{ code: 'NO_TRADE_PERMISSION' }] },
  { exchange: 'okx', name: 'IP not whitelisted (50110)', locale: 'pt-BR', account: { ipWhitelist: ['192.0.2.10'] }, outcome: 'offline', codes: [{ code: 'IP_NOT_ALLOWED' }] },
  { exchange: 'okx', name: 'wrong passphrase (50105)', locale: 'en', account: { ipWhitelist: [EGRESS_IP] }, paste: { passphrase: 'NotTheOne-42' }, outcome: 'offline', codes: [{ code: 'INVALID_PASSPHRASE' }] },
  { exchange: 'okx', name: 'key with no IP linked: the 14-day rule', locale: 'pt-BR', account: {}, outcome: 'online', codes: [{ code: 'KEY_EXPIRY_RULE', detail: { days: 14 } }] },
]

// What each exchange's checklist must name, in both languages: where to click, what to tick and what to leave off.
const CHECKLIST: Record<string, string[]> = {
  binance: ['API Management', 'Enable Spot & Margin Trading', 'Enable Withdrawals', 'Enable Internal Transfer', 'Restrict access to trusted IPs only', 'Ed25519'],
  bybit: ['API', 'Read-Write', 'SPOT: Trade', 'Withdrawal', 'System-generated API Keys'],
  okx: ['API', 'Read', 'Trade', 'Withdraw', 'passphrase'],
}

describe('Binance, Bybit and OKX through the real bot, in English and Portuguese', () => {
  let e: E2E
  let nextUser = 7000
  beforeAll(async () => {
    e = await startE2E()
  })
  afterAll(() => e.close())

  for (const s of SCENARIOS) {
    it(`${s.exchange}: ${s.name} (${s.locale})`, async () => {
      const a = e.ex.addAccount({ exchange: s.exchange, ...s.account })
      const credentials = { apiKey: a.apiKey, secret: a.secret, ...(a.passphrase ? { passphrase: s.paste?.passphrase ?? a.passphrase } : {}) }
      if (s.account.keyType === 'ed25519') expect(credentials.secret.split('\n').length).toBeGreaterThan(2)
      const user = e.tg.createUser({ id: nextUser++, firstName: 'Ana', languageCode: s.locale })
      const run = await runConnect(e, user, { exchange: s.exchange, credentials, locale: s.locale })
      const text = plain(run.report.text)
      const saved = e.app.connections.list(user.id)

      // The exchange's own checklist, in the user's language, with our IP to whitelist.
      const checklist = plain(run.checklistText)
      expect(checklist).toContain(plain(tr(s.locale, `checklist-${s.exchange}`)).split('\n')[0]!)
      for (const label of CHECKLIST[s.exchange]!) expect(checklist).toContain(label)
      expect(checklist).toContain(EGRESS_IP)

      // Every credential message was deleted; none is echoed in the report.
      expect(run.sent.every((m) => m.deleted)).toBe(true)
      expect(text).not.toContain(a.secret.split('\n')[1] ?? a.secret)

      expectScenarioOutcome(run.report.text, saved, s)
    })
  }
})
