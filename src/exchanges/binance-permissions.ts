/**
 * Reading Binance's `GET /sapi/v1/account/apiRestrictions`: the calling key's own switches
 * (developers.binance.com/docs/wallet/account/api-key-permission). Every flag is read as
 * `true`, `false` or `undefined` (missing or not a boolean), so a renamed field can never be
 * read as "off" where "off" would mean safe.
 */
import { BadShapeError } from './diagnose.js'
import { requireObject } from './session.js'

/** The switches the connection test needs; `undefined` = the field could not be read. */
export interface BinanceRestrictions {
  ipRestrict: boolean | undefined
  enableReading: boolean
  enableSpotAndMarginTrading: boolean
  enableFutures: boolean | undefined
  /** Switches that can move funds off the account, by Binance's UI label, when read as on. */
  withdrawOn: string[]
  /** True when every switch that can move funds out was read (and none is on). */
  withdrawKnown: boolean
  /** "Enable Spot & Margin Trading" expiry (ms) for keys without IP restriction, when Binance states it. */
  tradingExpiresAt: number | undefined
}

// Switches that move funds off the account: withdrawals, and internal transfers to other
// Binance users (treated as withdrawal on purpose, as KuCoin's InnerTransfer is).
const FUNDS_OUT: ReadonlyArray<[field: string, label: string]> = [
  ['enableWithdrawals', 'Enable Withdrawals'],
  ['enableInternalTransfer', 'Enable Internal Transfer'],
]

const flag = (v: unknown): boolean | undefined => (typeof v === 'boolean' ? v : undefined)

/**
 * Parses the restrictions body. Reading and trading switches the test cannot do without throw
 * {@link BadShapeError} (the exchange answered something we cannot read); the rest stay
 * `undefined` and make their check `unknown`.
 */
export function parseBinanceRestrictions(raw: unknown): BinanceRestrictions {
  const o = requireObject(raw)
  const enableReading = flag(o['enableReading'])
  const enableSpotAndMarginTrading = flag(o['enableSpotAndMarginTrading'])
  if (enableReading === undefined || enableSpotAndMarginTrading === undefined) throw new BadShapeError('apiRestrictions')
  const out = FUNDS_OUT.map(([field, label]) => ({ label, on: flag(o[field]) }))
  const expiry = o['tradingAuthorityExpirationTime']
  return {
    ipRestrict: flag(o['ipRestrict']),
    enableReading,
    enableSpotAndMarginTrading,
    enableFutures: flag(o['enableFutures']),
    withdrawOn: out.filter((x) => x.on === true).map((x) => x.label),
    withdrawKnown: out.every((x) => x.on !== undefined),
    tradingExpiresAt: typeof expiry === 'number' && Number.isFinite(expiry) && expiry > 0 ? expiry : undefined,
  }
}
