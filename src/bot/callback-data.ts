import { EXCHANGE_IDS, LOCALES, MARKETS, type ExchangeId, type Locale, type Market } from '../domain/types.js'

/**
 * Every button's payload, typed. Callback data comes from the client and is forgeable: unpack
 * validates its shape, and handlers still check ownership of any id it carries.
 */
export type Action =
  | { a: 'exchange'; flow: string; exchange: ExchangeId }
  // The buttons of a flow carry the answers before them, so a tap after the flow ended (timed out,
  // finished, bot restarted) can start a new flow at that very step.
  | { a: 'ready'; flow: string; exchange: ExchangeId }
  | { a: 'market'; flow: string; exchange: ExchangeId; market: Market }
  | { a: 'suggested'; flow: string; exchange: ExchangeId; market: Market }
  | { a: 'cancel'; flow: string }
  | { a: 'restart'; flow: string }
  | { a: 'continue'; flow: string }
  | { a: 'connect' }
  | { a: 'test'; id: string }
  | { a: 'status'; id: string }
  | { a: 'rename'; id: string }
  | { a: 'replace'; id: string }
  | { a: 'delete'; id: string }
  | { a: 'delete-yes'; id: string }
  | { a: 'delete-no'; id: string }
  | { a: 'pause'; id: string }
  | { a: 'resume'; id: string }
  | { a: 'lang'; locale: Locale }
  | { a: 'notify'; on: boolean }

const ID = /^[A-Za-z0-9_-]{1,24}$/
const CODES: Record<Action['a'], string> = {
  exchange: 'fx', market: 'fm', ready: 'fr', suggested: 'fs', cancel: 'fc', restart: 'fo', continue: 'fk',
  connect: 'c', test: 't', status: 's', rename: 'rn', replace: 'rp', delete: 'd', 'delete-yes': 'dy', 'delete-no': 'dn', pause: 'pz', resume: 'rz', lang: 'l', notify: 'n',
}
const BY_CODE = new Map(Object.entries(CODES).map(([a, c]) => [c, a as Action['a']]))

/** Packs an action into at most 64 bytes, Telegram's limit. */
export function pack(action: Action): string {
  const code = CODES[action.a]
  switch (action.a) {
    case 'exchange': case 'ready': return `${code}:${action.flow}:${action.exchange}`
    case 'market': case 'suggested': return `${code}:${action.flow}:${action.exchange}:${action.market}`
    case 'cancel': case 'restart': case 'continue': return `${code}:${action.flow}`
    case 'connect': return code
    case 'lang': return `${code}:${action.locale}`
    case 'notify': return `${code}:${action.on ? 1 : 0}`
    default: return `${code}:${action.id}`
  }
}

/** Parses callback data; null for anything malformed, unknown or out of range. */
export function unpack(data: string | undefined): Action | null {
  if (!data || data.length > 64) return null
  const [code, x, y, z, ...rest] = data.split(':')
  if (rest.length > 0) return null
  const a = BY_CODE.get(code ?? '')
  if (!a) return null
  const okId = (v: string | undefined): v is string => v !== undefined && ID.test(v)
  const okExchange = (v: string | undefined): v is ExchangeId => (EXCHANGE_IDS as readonly string[]).includes(v ?? '')
  const okMarket = (v: string | undefined): v is Market => (MARKETS as readonly string[]).includes(v ?? '')
  if (z !== undefined && a !== 'market' && a !== 'suggested') return null
  switch (a) {
    case 'exchange': case 'ready': return okId(x) && okExchange(y) ? { a, flow: x, exchange: y } : null
    case 'market': case 'suggested': return okId(x) && okExchange(y) && okMarket(z) ? { a, flow: x, exchange: y, market: z } : null
    case 'cancel': case 'restart': case 'continue': return okId(x) && y === undefined ? { a, flow: x } : null
    case 'connect': return x === undefined ? { a } : null
    case 'lang': return (LOCALES as readonly string[]).includes(x ?? '') && y === undefined ? { a, locale: x as Locale } : null
    case 'notify': return (x === '1' || x === '0') && y === undefined ? { a, on: x === '1' } : null
    default: return okId(x) && y === undefined ? { a, id: x } : null
  }
}
