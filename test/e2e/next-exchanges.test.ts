import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { EXCHANGE_IDS, type Credentials, type ExchangeId } from '../../src/domain/types.js'
import { isoDay } from '../../src/exchanges/expiry.js'
import { coinbaseEcKey, coinbaseEd25519Key, fakeCredentials, type FakeAccount, type FakeAccountInput } from '../fakes/exchange-server.js'
import { startE2E, EGRESS_IP, type E2E } from '../helpers/e2e.js'
import { runConnect, toKeyPrompt, tr } from '../helpers/e2e-flows.js'
import { expectScenarioOutcome, plain } from '../helpers/scenario-outcome.js'

type Locale = 'en' | 'pt-BR'
interface Scenario {
  exchange: ExchangeId
  name: string
  locale: Locale
  account: Omit<FakeAccountInput, 'exchange'>
  /** What the user pastes instead of the account's own values (a wrong key, secret or passphrase, a bent paste). */
  paste?: (a: FakeAccount) => Partial<Credentials>
  /** The exchange's clock against ours. */
  skewMs?: number
  /** `needs_confirmation`: every check the exchange allows passed, but withdrawal is unproven (issue 11.1). */
  outcome: 'online' | 'offline' | 'unsafe' | 'needs_confirmation'
  /** Diagnoses whose cause and fix (for this exchange, in this language) must be in the report. */
  codes: Array<{ code: string; detail?: Record<string, string | number> }>
}

const DAY_MS = 86_400_000
const ELSEWHERE = ['192.0.2.10']
const wrongKey = (ex: ExchangeId) => () => ({ apiKey: fakeCredentials(ex as Parameters<typeof fakeCredentials>[0]).apiKey })
const wrongSecret = (ex: ExchangeId) => () => ({ secret: fakeCredentials(ex as Parameters<typeof fakeCredentials>[0]).secret })
// Gate keeps an unbound key 90 days from creation: one made 30 days ago (on a whole second) has 60 left.
const GATE_CREATED = (Math.floor(Date.now() / 1000) - 30 * 86_400) * 1000

// Every scenario the issue names, for each of the five exchanges, alternating the trader's language:
// healthy, withdrawal on (refused where the exchange can prove it), read-only, IP not whitelisted,
// and a wrong value for each credential the exchange has.
const SCENARIOS: Scenario[] = [
  { exchange: 'bitget', name: 'healthy key, IP-bound', locale: 'en', account: { ipWhitelist: [EGRESS_IP] }, outcome: 'online', codes: [] },
  { exchange: 'bitget', name: 'Wallet Withdraw (wwow) on: refused', locale: 'pt-BR', account: { permissions: ['stor', 'stow', 'wwow'], ipWhitelist: [EGRESS_IP] }, outcome: 'unsafe', codes: [{ code: 'WITHDRAW_ENABLED' }] },
  { exchange: 'bitget', name: 'spot read-only key', locale: 'en', account: { permissions: ['stor'], ipWhitelist: [EGRESS_IP] }, outcome: 'offline', codes: [{ code: 'NO_TRADE_PERMISSION' }] },
  { exchange: 'bitget', name: 'IP not whitelisted (40018)', locale: 'pt-BR', account: { ipWhitelist: ELSEWHERE }, outcome: 'offline', codes: [{ code: 'IP_NOT_ALLOWED' }] },
  { exchange: 'bitget', name: 'wrong API key (40037)', locale: 'en', account: {}, paste: wrongKey('bitget'), outcome: 'offline', codes: [{ code: 'INVALID_KEY' }] },
  { exchange: 'bitget', name: 'wrong secret (40009)', locale: 'pt-BR', account: {}, paste: wrongSecret('bitget'), outcome: 'offline', codes: [{ code: 'INVALID_SECRET' }] },
  { exchange: 'bitget', name: 'wrong passphrase (40012)', locale: 'en', account: { ipWhitelist: [EGRESS_IP] }, paste: () => ({ passphrase: 'NotTheOne-42' }), outcome: 'offline', codes: [{ code: 'INVALID_PASSPHRASE' }] },
  { exchange: 'bitget', name: 'Unified Trading Account (40085): what is proven, the rest unknown', locale: 'pt-BR', account: { unified: true }, outcome: 'needs_confirmation', codes: [{ code: 'PERMISSIONS_UNVERIFIED' }, { code: 'WITHDRAW_UNVERIFIED' }, { code: 'IP_UNVERIFIED' }] },

  { exchange: 'bingx', name: 'healthy key, IP-bound', locale: 'pt-BR', account: { ipWhitelist: [EGRESS_IP] }, outcome: 'online', codes: [] },
  { exchange: 'bingx', name: 'coin withdrawal (5) on: refused', locale: 'en', account: { permissions: ['1', '2', '5'], ipWhitelist: [EGRESS_IP] }, outcome: 'unsafe', codes: [{ code: 'WITHDRAW_ENABLED' }] },
  { exchange: 'bingx', name: 'read-only key', locale: 'pt-BR', account: { permissions: ['2'], ipWhitelist: [EGRESS_IP] }, outcome: 'offline', codes: [{ code: 'NO_TRADE_PERMISSION' }] },
  { exchange: 'bingx', name: 'IP not whitelisted (100419)', locale: 'en', account: { ipWhitelist: ELSEWHERE }, outcome: 'offline', codes: [{ code: 'IP_NOT_ALLOWED' }] },
  { exchange: 'bingx', name: 'wrong API key (100413)', locale: 'pt-BR', account: {}, paste: wrongKey('bingx'), outcome: 'offline', codes: [{ code: 'INVALID_KEY' }] },
  { exchange: 'bingx', name: 'wrong secret (100001)', locale: 'en', account: {}, paste: wrongSecret('bingx'), outcome: 'offline', codes: [{ code: 'INVALID_SECRET' }] },
  { exchange: 'bingx', name: 'unbound trading key: the 14-day rule', locale: 'pt-BR', account: {}, outcome: 'online', codes: [{ code: 'KEY_EXPIRY_RULE', detail: { days: 14 } }, { code: 'IP_WHITELIST_MISSING' }] },
  { exchange: 'bingx', name: 'our clock 8 s off: a clock problem, not a bad key', locale: 'en', account: { ipWhitelist: [EGRESS_IP] }, skewMs: 8000, outcome: 'offline', codes: [{ code: 'CLOCK_SKEW' }] },

  { exchange: 'htx', name: 'healthy key, IP-bound', locale: 'en', account: { ipWhitelist: [EGRESS_IP] }, outcome: 'online', codes: [] },
  { exchange: 'htx', name: 'Withdraw on: refused', locale: 'pt-BR', account: { permissions: ['readOnly', 'trade', 'withdraw'], ipWhitelist: [EGRESS_IP] }, outcome: 'unsafe', codes: [{ code: 'WITHDRAW_ENABLED' }] },
  { exchange: 'htx', name: 'read-only key', locale: 'en', account: { permissions: ['readOnly'], ipWhitelist: [EGRESS_IP] }, outcome: 'offline', codes: [{ code: 'NO_TRADE_PERMISSION' }] },
  { exchange: 'htx', name: 'IP not whitelisted ("Incorrect IP address")', locale: 'pt-BR', account: { ipWhitelist: ELSEWHERE }, outcome: 'offline', codes: [{ code: 'IP_NOT_ALLOWED' }] },
  { exchange: 'htx', name: 'wrong access key ("Incorrect Access key")', locale: 'en', account: {}, paste: wrongKey('htx'), outcome: 'offline', codes: [{ code: 'INVALID_KEY' }] },
  { exchange: 'htx', name: 'wrong secret ("Verification failure")', locale: 'pt-BR', account: {}, paste: wrongSecret('htx'), outcome: 'offline', codes: [{ code: 'INVALID_SECRET' }] },
  { exchange: 'htx', name: 'unbound trading key: validDays gives the date', locale: 'en', account: { validDays: 45 }, outcome: 'online', codes: [{ code: 'KEY_EXPIRES', detail: { date: isoDay(Date.now() + 45 * DAY_MS), daysLeft: 45 } }] },

  { exchange: 'gate', name: 'healthy key, IP-bound: withdrawal left for the trader to confirm', locale: 'pt-BR', account: { ipWhitelist: [EGRESS_IP] }, outcome: 'needs_confirmation', codes: [{ code: 'WITHDRAW_UNVERIFIED' }] },
  { exchange: 'gate', name: 'spot read-only key', locale: 'en', account: { permissions: ['spot:read', 'account:read'], ipWhitelist: [EGRESS_IP] }, outcome: 'offline', codes: [{ code: 'NO_TRADE_PERMISSION' }] },
  { exchange: 'gate', name: 'IP not whitelisted (IP_FORBIDDEN)', locale: 'pt-BR', account: { ipWhitelist: ELSEWHERE }, outcome: 'offline', codes: [{ code: 'IP_NOT_ALLOWED' }] },
  { exchange: 'gate', name: 'wrong API key (INVALID_KEY)', locale: 'en', account: {}, paste: wrongKey('gate'), outcome: 'offline', codes: [{ code: 'INVALID_KEY' }] },
  { exchange: 'gate', name: 'wrong secret (INVALID_SECRET)', locale: 'pt-BR', account: {}, paste: wrongSecret('gate'), outcome: 'offline', codes: [{ code: 'INVALID_SECRET' }] },
  { exchange: 'gate', name: 'no Account read: permissions unknown, the fix asks for it', locale: 'en', account: { permissions: ['spot:write'], ipWhitelist: [EGRESS_IP] }, outcome: 'needs_confirmation', codes: [{ code: 'PERMISSIONS_UNVERIFIED' }] },
  { exchange: 'gate', name: 'unbound key: valid 90 days from creation', locale: 'pt-BR', account: { createdAt: GATE_CREATED }, outcome: 'needs_confirmation', codes: [{ code: 'KEY_EXPIRES', detail: { date: isoDay(GATE_CREATED + 90 * DAY_MS), daysLeft: 60 } }] },

  { exchange: 'coinbase', name: 'healthy ECDSA key: name and a multi-line PEM', locale: 'en', account: {}, outcome: 'online', codes: [{ code: 'IP_UNVERIFIED' }] },
  { exchange: 'coinbase', name: 'healthy Ed25519 key', locale: 'pt-BR', account: coinbaseEd25519Key(), outcome: 'online', codes: [] },
  { exchange: 'coinbase', name: "the PEM pasted from Coinbase's JSON file, quotes and \\n escapes included", locale: 'en', account: {}, paste: (a) => ({ secret: JSON.stringify(a.secret) }), outcome: 'online', codes: [] },
  { exchange: 'coinbase', name: 'Transfer on (can_transfer): refused', locale: 'pt-BR', account: { permissions: ['view', 'trade', 'transfer'] }, outcome: 'unsafe', codes: [{ code: 'WITHDRAW_ENABLED' }] },
  { exchange: 'coinbase', name: 'View-only key', locale: 'en', account: { permissions: ['view'] }, outcome: 'offline', codes: [{ code: 'NO_TRADE_PERMISSION' }] },
  { exchange: 'coinbase', name: 'IP allowlist without our IP: 401, one diagnosis walking the causes', locale: 'pt-BR', account: { ipWhitelist: ELSEWHERE }, outcome: 'offline', codes: [{ code: 'KEY_REJECTED' }] },
  { exchange: 'coinbase', name: 'wrong key name', locale: 'en', account: {}, paste: wrongKey('coinbase'), outcome: 'offline', codes: [{ code: 'KEY_REJECTED' }] },
  { exchange: 'coinbase', name: 'private key of another key', locale: 'pt-BR', account: {}, paste: wrongSecret('coinbase'), outcome: 'offline', codes: [{ code: 'KEY_REJECTED' }] },
]

// What each exchange's checklist must name, in both languages: where to click, what to tick and what to leave off.
const CHECKLIST: Partial<Record<ExchangeId, string[]>> = {
  bitget: ['bitget.com', 'API Keys', 'passphrase', 'Spot', 'Trade', 'Withdraw'],
  bingx: ['bingx.com', 'API Management', 'Spot Trading', 'Perpetual Futures Trading', 'Withdraw'],
  htx: ['htx.com', 'API Management', 'Read-only', 'Trade', 'Withdraw'],
  gate: ['gate.io', 'API Management', 'APIv4', 'Spot Trade', 'Account', 'IP'],
  coinbase: ['portal.cdp.coinbase.com', 'API Keys', 'View', 'Trade', 'Transfer', 'ECDSA', 'organizations/', '-----BEGIN'],
}

describe('Bitget, BingX, HTX, Gate.io and Coinbase through the real bot, in English and Portuguese', () => {
  let e: E2E
  let nextUser = 7500
  beforeAll(async () => {
    e = await startE2E()
  })
  afterEach(() => {
    for (const x of ['bitget', 'bingx', 'htx', 'gate', 'coinbase'] as const) e.ex.setClockSkew(0, x)
  })
  afterAll(() => e.close())

  for (const s of SCENARIOS) {
    it(`${s.exchange}: ${s.name} (${s.locale})`, async () => {
      const a = e.ex.addAccount({ exchange: s.exchange as FakeAccountInput['exchange'], ...s.account })
      if (s.skewMs) e.ex.setClockSkew(s.skewMs, s.exchange as FakeAccountInput['exchange'])
      const credentials: Credentials = { apiKey: a.apiKey, secret: a.secret, ...(a.passphrase ? { passphrase: a.passphrase } : {}), ...s.paste?.(a) }
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
      for (const v of [credentials.secret, credentials.secret.split('\n')[1] ?? credentials.secret, credentials.apiKey]) expect(text).not.toContain(v)

      expectScenarioOutcome(run.report.text, saved, s)
    })
  }
})

describe('the picker and the Coinbase prompts', () => {
  let e: E2E
  beforeAll(async () => {
    e = await startE2E()
  })
  afterAll(() => e.close())

  it('offers every exchange, most used first, two per row, then Cancel', async () => {
    const user = e.tg.createUser({ id: 7700, firstName: 'Pick', languageCode: 'pt-BR' })
    const pick = await e.say(user, '/connect')
    const rows = pick.keyboard!.map((r) => r.map((b) => b.text))
    const labels = EXCHANGE_IDS.map((id) => e.app.connections.adapter(id).label)
    expect(rows.slice(0, -1).flat()).toEqual(labels)
    expect(rows.slice(0, -1).every((r, i, all) => r.length === 2 || (i === all.length - 1 && r.length === 1))).toBe(true)
    expect(rows.at(-1)).toEqual([tr('pt-BR', 'button-cancel')])
    await e.say(user, '/cancel')
  })

  it('asks Coinbase users for the key name and the private key by those names', async () => {
    const user = e.tg.createUser({ id: 7701, firstName: 'Cb', languageCode: 'en' })
    const ask = await toKeyPrompt(e, user, 'Coinbase')
    expect(plain(ask.text)).toBe(plain(tr('en', 'credential-ask-apiKey-coinbase')))
    e.tg.sendText(user, coinbaseEcKey().apiKey)
    // The key prompt turns into its acknowledgement; the next message asks for the private key.
    expect(plain((await e.next(user)).text)).toBe(plain(tr('en', 'credential-ask-secret-coinbase')))
    expect(ask.text).toBe(tr('en', 'credential-received', { field: tr('en', 'field-apiKey') }))
    await e.say(user, '/cancel')
  })
})
