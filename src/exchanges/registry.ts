/**
 * Every exchange adapter, keyed by id. The map is a `Record<ExchangeId, ...>`, so adding an id
 * to EXCHANGE_IDS does not compile until its factory is listed here (see README: "How to add an
 * exchange").
 */
import { EXCHANGE_IDS, type ExchangeId } from '../domain/types.js'
import type { ExchangeAdapter } from './adapter.js'
import { createBinanceAdapter } from './binance.js'
import { createBybitAdapter } from './bybit.js'
import { createBingxAdapter } from './bingx.js'
import { createBitgetAdapter } from './bitget.js'
import { createCoinbaseAdapter } from './coinbase.js'
import type { AdapterDeps } from './deps.js'
import { createGateAdapter } from './gate.js'
import { createHtxAdapter } from './htx.js'
import { createKucoinAdapter } from './kucoin.js'
import { createMexcAdapter } from './mexc.js'
import { createOkxAdapter } from './okx.js'

const FACTORIES: Record<ExchangeId, (deps: AdapterDeps) => ExchangeAdapter> = {
  binance: createBinanceAdapter,
  bybit: createBybitAdapter,
  okx: createOkxAdapter,
  kucoin: createKucoinAdapter,
  mexc: createMexcAdapter,
  bitget: createBitgetAdapter,
  bingx: createBingxAdapter,
  htx: createHtxAdapter,
  gate: createGateAdapter,
  coinbase: createCoinbaseAdapter,
}

/** The adapters the app can use; built once at startup from config. */
export interface ExchangeRegistry {
  getAdapter(id: ExchangeId): ExchangeAdapter
  /** In EXCHANGE_IDS order, which is the order the bot offers them. */
  listAdapters(): readonly ExchangeAdapter[]
}

/** Builds every adapter with the same deps (URL overrides); adapters hold no per-user state. */
export function createExchangeRegistry(deps: AdapterDeps): ExchangeRegistry {
  const adapters = Object.fromEntries(EXCHANGE_IDS.map((id) => [id, FACTORIES[id](deps)])) as Record<ExchangeId, ExchangeAdapter>
  const list = EXCHANGE_IDS.map((id) => adapters[id])
  return {
    getAdapter: (id) => adapters[id],
    listAdapters: () => list,
  }
}
