/**
 * Coinbase Advanced Trade (v3) as ccxt sees it, with CDP keys: every private request carries
 * `Authorization: Bearer <JWT>`. The fake verifies that JWT with the public half of the account's
 * key: ES256 (ECDSA P-256, signature r||s) for ECDSA keys, EdDSA for Ed25519 keys; `kid` and `sub`
 * name the key; `nbf`/`exp` (120 s) against the fake's clock with 5 s of leeway [unsure]; and the
 * request it covers (`uri` "GET host/path" for ES256, `uris` for EdDSA, with Coinbase's `iss`
 * and `aud` for each). The host is the one the request reached: ccxt strips only `https://` from
 * the URL it signs, so over the fake's plain http the `http://` in front is tolerated.
 *
 * Coinbase answers any of these failures the same way, HTTP 401 with a plain-text body; an IP
 * outside the key's allowlist too [unverified]. Other errors are `{"error", "message"}` JSON.
 */
import { createPrivateKey, createPublicKey, verify, type KeyObject } from 'node:crypto'
import type { FakeAccount } from './accounts.js'
import { header, ipAllowed, json, omit, type FakeResponse, type RouteContext } from './http.js'

/** The path prefix the fake serves Coinbase under (it is part of the URL ccxt signs). */
const PREFIX = '/coinbase'
const LEEWAY_S = 5

const unauthorized = (): FakeResponse => ({ status: 401, body: 'Unauthorized\n', headers: { 'content-type': 'text/plain; charset=utf-8' } })
const error = (status: number, code: string, message: string) => json(status, { error: code, error_details: message, message })

/** Answers one Coinbase request. */
export function coinbaseRoute(ctx: RouteContext): FakeResponse {
  const { method, path } = ctx
  if (method === 'GET' && path === '/api/v3/brokerage/time') {
    return json(200, { iso: new Date(ctx.now).toISOString(), epochSeconds: String(Math.floor(ctx.now / 1000)), epochMillis: String(ctx.now) })
  }
  if (method === 'GET' && path === '/api/v3/brokerage/key_permissions') return signed(ctx, null, keyPermissions)
  if (method === 'GET' && path === '/api/v3/brokerage/accounts') return signed(ctx, 'view', accounts)
  if (method === 'GET' && path === '/api/v3/brokerage/cfm/balance_summary') return signed(ctx, 'view', balanceSummary)
  return error(404, 'NOT_FOUND', 'Not found')
}

/** The public key of an account's secret: a PEM private key, or Ed25519 seed + public key in base64. */
export function coinbasePublicKey(secret: string): KeyObject | null {
  try {
    if (secret.includes('-----BEGIN')) return createPublicKey(createPrivateKey(secret))
    const bytes = Buffer.from(secret, 'base64')
    const der = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), bytes.subarray(0, 32)])
    return createPublicKey(createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }))
  } catch {
    return null
  }
}

function decode(part: string): Record<string, unknown> | null {
  try {
    const v = JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as unknown
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null
  } catch {
    return null
  }
}

function signed(ctx: RouteContext, need: string | null, answer: (a: FakeAccount) => FakeResponse): FakeResponse {
  const auth = header(ctx.headers, 'authorization') ?? ''
  const token = auth.startsWith('Bearer ') ? auth.slice(7) : ''
  const [h, c, sig] = token.split('.')
  const head = h ? decode(h) : null
  const claims = c ? decode(c) : null
  if (!head || !claims || !sig) return unauthorized()
  const account = ctx.accounts.find('coinbase', typeof head['kid'] === 'string' ? head['kid'] : undefined)
  if (!account || claims['sub'] !== account.apiKey) return unauthorized()
  const pub = coinbasePublicKey(account.secret)
  if (!pub) return unauthorized()
  const ed = pub.asymmetricKeyType === 'ed25519'
  if (head['alg'] !== (ed ? 'EdDSA' : 'ES256')) return unauthorized()
  const input = Buffer.from(`${h}.${c}`)
  const signature = Buffer.from(sig, 'base64url')
  const good = ed ? verify(null, input, pub, signature) : verify('sha256', input, { key: pub, dsaEncoding: 'ieee-p1363' }, signature)
  if (!good) return unauthorized()
  const now = Math.floor(ctx.now / 1000)
  const nbf = Number(claims['nbf'])
  const exp = Number(claims['exp'])
  if (!(nbf <= now + LEEWAY_S && exp > now - LEEWAY_S && exp - nbf <= 120)) return unauthorized()
  const host = header(ctx.headers, 'host') ?? ''
  const expected = `${ctx.method} ${host}${PREFIX}${ctx.path}`
  const covered = (ed ? (claims['uris'] as unknown[] | undefined)?.[0] : claims['uri']) as string | undefined
  if (covered?.replace(/^([A-Z]+ )http:\/\//, '$1') !== expected) return unauthorized()
  const [iss, aud] = ed ? ['cdp', 'cdp_service'] : ['coinbase-cloud', 'retail_rest_api_proxy']
  if (claims['iss'] !== iss || !Array.isArray(claims['aud']) || claims['aud'][0] !== aud) return unauthorized()
  if (!ipAllowed(account.ipWhitelist, ctx.callerIp)) return unauthorized()
  if (need && !account.permissions.includes(need)) return error(403, 'PERMISSION_DENIED', 'Missing required scopes')
  return answer(account)
}

function keyPermissions(a: FakeAccount): FakeResponse {
  return json(200, omit({
    can_view: a.permissions.includes('view'),
    can_trade: a.permissions.includes('trade'),
    can_transfer: a.permissions.includes('transfer'),
    portfolio_uuid: '8b5c2d47-0f3a-4e1b-9c6d-2a7e4f1b3c5d',
    portfolio_type: 'DEFAULT',
  }, a.omitFields))
}

function accounts(a: FakeAccount): FakeResponse {
  const list = Object.entries(a.balances).map(([currency, amount], i) => ({
    uuid: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    name: `${currency} Wallet`,
    currency,
    available_balance: { value: String(amount), currency },
    default: false,
    active: true,
    type: 'ACCOUNT_TYPE_CRYPTO',
    ready: true,
    hold: { value: '0', currency },
  }))
  return json(200, { accounts: list, has_next: false, cursor: '', size: list.length })
}

function balanceSummary(a: FakeAccount): FakeResponse {
  if (!a.permissions.includes('futures')) return error(404, 'NOT_FOUND', 'no futures account for this portfolio')
  const usd = { value: String(a.futuresBalance), currency: 'USD' }
  return json(200, { balance_summary: { futures_buying_power: usd, total_usd_balance: usd, cfm_usd_balance: usd, cbi_usd_balance: usd, total_open_orders_hold_amount: { value: '0', currency: 'USD' }, unrealized_pnl: { value: '0', currency: 'USD' } } })
}
