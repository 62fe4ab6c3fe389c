import { describe, expect, it } from 'vitest'
import type { ExchangeId } from '../../../src/domain/types.js'
import { createExchangeRegistry } from '../../../src/exchanges/registry.js'
import { foreignOwner } from '../../../src/exchanges/recognize.js'
import { coinbaseEcKey, fakeCredentials } from '../../fakes/exchange/accounts.js'

const adapters = createExchangeRegistry({ urls: {} }).listAdapters()
const byId = new Map(adapters.map((a) => [a.id, a]))
/** What the bot asks: another exchange's key? A value the picked exchange would take is never second-guessed by a look. */
function recognise(value: string, picked: ExchangeId): ExchangeId | null {
  const a = byId.get(picked)!
  return foreignOwner([value], picked, adapters, (v) => a.validateField('apiKey', v) === null || a.validateField('secret', v) === null)
}

// Keys as each exchange issues them (the fakes follow the exchanges' documented shapes).
const KEYS: Record<ExchangeId, () => string> = {
  mexc: () => fakeCredentials('mexc').apiKey,
  kucoin: () => fakeCredentials('kucoin').apiKey,
  bitget: () => fakeCredentials('bitget').apiKey,
  htx: () => fakeCredentials('htx').apiKey,
  coinbase: () => coinbaseEcKey().apiKey,
  okx: () => fakeCredentials('okx').apiKey,
  binance: () => fakeCredentials('binance').apiKey,
  bybit: () => fakeCredentials('bybit').apiKey,
  gate: () => fakeCredentials('gate').apiKey,
  bingx: () => fakeCredentials('bingx').apiKey,
}

describe('wrong-exchange recognition over every adapter', () => {
  it('a key is never taken for another exchange\'s under its own exchange', () => {
    for (const id of adapters.map((a) => a.id)) expect(recognise(KEYS[id](), id), id).toBeNull()
  })

  // Row: whose key is pasted; column: the exchange picked; cell: the exchange the bot names ('.' silence).
  // Signatures (MEXC, KuCoin, Bitget, HTX, Coinbase key names) are named everywhere. Looks only where
  // the picked exchange could not take the value itself: a Gate.io key is 32 hex, like a MEXC secret,
  // so under MEXC it is read as usual. An OKX key is a UUID like a Coinbase key id: never named.
  // BingX keys look like Binance's (64 letters and digits): named as Binance, the documented format.
  const EXPECTED = `
key\\picked binance  bybit    okx      bitget   gate     kucoin   mexc     htx      bingx    coinbase
binance   -        binance  .        .        .        binance  binance  .        .        binance
bybit     bybit    -        .        .        .        bybit    .        bybit    .        bybit
okx       .        .        -        .        .        .        .        .        .        .
bitget    bitget   bitget   bitget   -        bitget   bitget   bitget   bitget   bitget   bitget
gate      gate     .        .        .        -        gate     .        .        .        gate
kucoin    kucoin   kucoin   kucoin   kucoin   kucoin   -        kucoin   kucoin   kucoin   kucoin
mexc      mexc     mexc     mexc     mexc     mexc     mexc     -        mexc     mexc     mexc
htx       htx      htx      htx      htx      htx      htx      htx      -        htx      htx
bingx     .        binance  .        .        .        binance  binance  .        -        binance
coinbase  coinbase coinbase coinbase coinbase coinbase coinbase coinbase coinbase coinbase -`

  it('names the exchange a key belongs to, for every pair of the ten exchanges', () => {
    const ids = adapters.map((a) => a.id)
    const rows = ids.map((owner) => `${owner.padEnd(9)} ${ids.map((picked) => (picked === owner ? '-' : recognise(KEYS[owner](), picked) ?? '.').padEnd(9)).join('')}`.trimEnd())
    expect(`\nkey\\picked ${ids.map((i) => i.padEnd(9)).join('').trimEnd()}\n${rows.join('\n')}`).toBe(EXPECTED)
  })

  it('two exchanges\' signatures in one paste, or a paste holding the picked exchange\'s own key, name nobody', () => {
    expect(foreignOwner([KEYS.mexc(), KEYS.kucoin()], 'okx', adapters)).toBeNull()
    expect(foreignOwner([KEYS.mexc(), KEYS.kucoin()], 'kucoin', adapters)).toBeNull()
    expect(foreignOwner([KEYS.bitget(), 'Pass123'], 'mexc', adapters)).toBe('bitget')
  })
})
