import type { Config } from '../config.js'

/** What every adapter factory receives: injected, so tests and the demo can point it at a fake. */
export interface AdapterDeps {
  /** Base URLs replacing scheme+host of the exchange's REST hosts (from `EXCHANGE_URL_*`). */
  urls: Config['exchangeUrls']
}
