/**
 * Counting assets held (never amounts) in the spot account shape Binance defined and MEXC's
 * spot v3 copies: `{ balances: [{ asset, free, locked }] }`.
 */
import { BadShapeError } from './diagnose.js'
import { requireNumber, requireObject } from './session.js'

/** Number of assets with a free or locked amount above zero; a body of another shape is unreadable. */
export function countHeldBalances(raw: unknown): number {
  const balances = requireObject(raw)['balances']
  if (!Array.isArray(balances)) throw new BadShapeError('balances')
  return balances.filter((b) => {
    const o = requireObject(b)
    return requireNumber(o['free'] ?? 0) + requireNumber(o['locked'] ?? 0) > 0
  }).length
}
