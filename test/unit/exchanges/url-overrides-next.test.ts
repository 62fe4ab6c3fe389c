import { bingx, bitget, coinbase, gate, htx, type Exchange } from 'ccxt'
import { describe, expect, it } from 'vitest'
import { rewriteOrigins } from '../../../src/exchanges/ccxt-client.js'
import { htxOrigin } from '../../../src/exchanges/htx.js'

/** Every string leaf of ccxt's `urls.api`. */
function leaves(node: unknown): string[] {
  if (typeof node === 'string') return [node]
  return node && typeof node === 'object' ? Object.values(node).flatMap(leaves) : []
}

const BASE = 'http://127.0.0.1:9/fake'

describe('EXCHANGE_URL_* replaces every host of Bitget, BingX, Gate.io, Coinbase and HTX, keeping paths', () => {
  it.each([
    ['bitget', new bitget(), /bitget\.com|\{hostname\}/, ''],
    ['bingx', new bingx(), /bingx\.com|\{hostname\}/, '/openApi'],
    ['gate', new gate(), /gateio\.ws|gateapi\.io/, '/api/v4'],
    ['coinbase', new coinbase(), /coinbase\.com/, ''],
  ] as Array<[string, Exchange, RegExp, string]>)('%s: one base for every entry', (_id, ex, host, path) => {
    const api = leaves(rewriteOrigins(ex.urls['api'], [], () => BASE))
    expect(api.length).toBeGreaterThan(0)
    for (const url of api) {
      expect(url).not.toMatch(host)
      expect(url).toBe(`${BASE}${path}`)
    }
  })

  it('htx: spot entries to EXCHANGE_URL_HTX, the contract host to EXCHANGE_URL_HTX_FUTURES', () => {
    const ex = new htx()
    const origin = htxOrigin({ htx: 'http://127.0.0.1:9/htx', htxFutures: 'http://127.0.0.1:9/htx-futures' })!
    const api = rewriteOrigins(ex.urls['api'], [], origin) as Record<string, string>
    expect(api['contract']).toBe('http://127.0.0.1:9/htx-futures')
    for (const [k, v] of Object.entries(api)) if (k !== 'contract') expect(v).toBe('http://127.0.0.1:9/htx')
    expect(leaves(api).some((u) => /huobi|hbdm|\{hostname\}/.test(u))).toBe(false)
  })
})
