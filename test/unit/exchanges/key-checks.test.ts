import { describe, expect, it } from 'vitest'
import { setWhitelistCheck, setWithdrawCheck } from '../../../src/exchanges/key-checks.js'
import { createReport } from '../../../src/exchanges/report.js'

// The two report lines every permission-reporting adapter shares: withdrawal (the Unsafe
// verdict) and the IP list. A real report builder, read back as the trader's report would be.
const OURS = ['203.0.113.7', '198.51.100.9']

function withdraw(on: readonly string[] | undefined, known?: boolean) {
  const r = createReport('binance', 'spot', ['withdraw'])
  if (known === undefined) setWithdrawCheck(r, on)
  else setWithdrawCheck(r, on, known)
  return r.get('withdraw')
}

function whitelist(list: readonly string[] | undefined, egress = OURS) {
  const r = createReport('binance', 'spot', ['ip'])
  const bound = setWhitelistCheck(r, list, egress)
  return { bound, check: r.get('ip') }
}

describe('setWithdrawCheck', () => {
  it('fails naming every switch that is on, in the order given', () => {
    expect(withdraw(['Enable Withdrawals', 'Enable Internal Transfer'])).toEqual({ id: 'withdraw', state: 'fail', code: 'WITHDRAW_ENABLED', detail: { permissions: 'Enable Withdrawals, Enable Internal Transfer' } })
    // A switch proven on wins even where another could not be read.
    expect(withdraw(['Transfer'], false)).toEqual({ id: 'withdraw', state: 'fail', code: 'WITHDRAW_ENABLED', detail: { permissions: 'Transfer' } })
  })

  it('passes only when every switch was read and none is on', () => {
    expect(withdraw([])).toEqual({ id: 'withdraw', state: 'pass' })
    expect(withdraw([], true)).toEqual({ id: 'withdraw', state: 'pass' })
  })

  it('an unread switch is unknown, never a pass', () => {
    expect(withdraw(undefined)).toEqual({ id: 'withdraw', state: 'unknown', code: 'WITHDRAW_UNVERIFIED' })
    expect(withdraw([], false)).toEqual({ id: 'withdraw', state: 'unknown', code: 'WITHDRAW_UNVERIFIED' })
  })
})

describe('setWhitelistCheck', () => {
  it('an unreadable list is unknown, naming our IPs to check by hand', () => {
    expect(whitelist(undefined)).toEqual({ bound: undefined, check: { id: 'ip', state: 'unknown', code: 'IP_UNVERIFIED', detail: { ips: '203.0.113.7, 198.51.100.9' } } })
  })

  it('no list is a warning with every IP to add; the key is not bound', () => {
    expect(whitelist([])).toEqual({ bound: false, check: { id: 'ip', state: 'warn', code: 'IP_WHITELIST_MISSING', detail: { ips: '203.0.113.7, 198.51.100.9' } } })
  })

  it('a list with all our IPs passes; one without some fails naming only the missing; both are bound', () => {
    expect(whitelist(['198.51.100.9', '203.0.113.7'])).toEqual({ bound: true, check: { id: 'ip', state: 'pass' } })
    expect(whitelist(['203.0.113.7', '192.0.2.1'])).toEqual({ bound: true, check: { id: 'ip', state: 'fail', code: 'IP_NOT_ALLOWED', detail: { ips: '198.51.100.9' } } })
    expect(whitelist(['192.0.2.1'])).toEqual({ bound: true, check: { id: 'ip', state: 'fail', code: 'IP_NOT_ALLOWED', detail: { ips: '203.0.113.7, 198.51.100.9' } } })
  })
})
