/**
 * Accounts held by the fake exchange: one per API key, created by tests at runtime with the
 * permissions, IP whitelist and balances a scenario needs, and revocable mid-test.
 */
import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto'

/** Exchanges the fake imitates. */
export type FakeExchangeId = 'mexc' | 'kucoin' | 'binance' | 'bybit' | 'okx' | 'bitget' | 'bingx' | 'htx' | 'coinbase' | 'gate'

/** How a key signs: HMAC with a shared secret, or the user's own private key (Binance, Bybit). */
export type FakeKeyType = 'hmac' | 'ed25519' | 'rsa'

/** What a test may set; anything omitted gets a working default (a healthy spot key). */
export interface FakeAccountInput {
  exchange: FakeExchangeId
  apiKey?: string
  secret?: string
  passphrase?: string
  /**
   * Exchange vocabulary. MEXC: SPOT_ACCOUNT_READ, SPOT_DEAL_WRITE, CONTRACT_ACCOUNT_READ...
   * KuCoin: General, Spot, Futures, Transfer, InnerTransfer, Margin...
   * Binance: the apiRestrictions switches that are on (enableReading, enableSpotAndMarginTrading,
   * enableFutures, enableWithdrawals, enableInternalTransfer...).
   * Bybit: `Group:Permission` (Spot:SpotTrade, ContractTrade:Order, Derivatives:DerivativesTrade,
   * Wallet:AccountTransfer, Wallet:Withdraw...).
   * OKX: the `perm` words (read_only, trade, withdraw).
   */
  permissions?: string[]
  /** Empty = no whitelist (any IP may call). */
  ipWhitelist?: string[]
  /** Asset → amount (spot). */
  balances?: Record<string, number>
  futuresBalance?: number
  /** Account frozen by the exchange. */
  frozen?: boolean
  /** KuCoin key version (2 or 3); both sign the passphrase with the secret. */
  keyVersion?: 2 | 3
  /** KuCoin masks whitelist entries in GET /api/v1/user/api-key (`203.**.7`); false shows them whole. */
  maskWhitelist?: boolean
  /** Binance (Ed25519, RSA) and Bybit (RSA) keys signed with the user's private key; `secret` is then its PEM. */
  keyType?: FakeKeyType
  /** Bybit: a Read-Only key (trade permissions listed but not usable). */
  readOnly?: boolean
  /** Bybit `expiredAt`, Binance `tradingAuthorityExpirationTime` (ms); Bybit rejects the key after it. */
  expiresAt?: number
  /** Bybit: the account is a unified trading account (default true). */
  uta?: boolean
  /** OKX `acctLv`: 1 spot mode, 2 futures mode (default), 3 multi-currency, 4 portfolio margin. */
  acctLv?: string
  /** OKX: a key made for demo trading, refused on live requests (50101). */
  demo?: boolean
  /** MEXC: the pairs a key may trade (empty = all). */
  symbols?: string[]
  /** Bitget: the account is in Unified Trading Account mode (classic endpoints answer 40085). */
  unified?: boolean
  /** HTX: days the key stays valid (`validDays`, -1 = permanent; default HTX's rule) and its `status`. */
  validDays?: number
  keyStatus?: 'normal' | 'expired'
  /** When the key was created (ms; default now). */
  createdAt?: number
  /** Gate and HTX: other keys the account's key list shows beside this one. */
  otherKeys?: string[]
  /**
   * Fields the key-info answer leaves out (Binance apiRestrictions, Bybit query-api and its
   * permission groups, OKX account config), as after an API change: the adapter must then say
   * `unknown`, never `pass`.
   */
  omitFields?: string[]
  /**
   * KuCoin: what GET /api/v1/user/api-key returns as `permission` instead of the comma list, to
   * imitate an API change (the field gone, null, an object, empty). The key still has `permissions`.
   */
  permissionField?: PermissionFieldShape
}

/** Shapes of KuCoin's `permission` field the adapter must not mistake for "no Transfer permission". */
export type PermissionFieldShape = 'missing' | 'null' | 'object' | 'empty-string' | 'empty-array' | 'array-of-objects'

/** A stored account; mutable so a test can revoke or change it while the fake runs. */
export interface FakeAccount {
  exchange: FakeExchangeId
  apiKey: string
  secret: string
  passphrase: string
  permissions: string[]
  ipWhitelist: string[]
  balances: Record<string, number>
  futuresBalance: number
  frozen: boolean
  keyVersion: 2 | 3
  maskWhitelist: boolean
  keyType: FakeKeyType
  readOnly: boolean
  expiresAt: number | undefined
  uta: boolean
  acctLv: string
  demo: boolean
  symbols: string[]
  omitFields: string[]
  createdAt: number
  permissionField: PermissionFieldShape | undefined
  revoked: boolean
  unified: boolean
  /** HTX and Gate user id. */
  uid: number
  /** null: HTX's rule (90 for a trading key without IP, else -1). */
  validDays: number | null
  keyStatus: 'normal' | 'expired'
  otherKeys: string[]
}

/** Default permissions of a healthy spot trading key, per exchange. */
export const DEFAULT_PERMISSIONS: Record<FakeExchangeId, string[]> = {
  mexc: ['SPOT_ACCOUNT_READ', 'SPOT_DEAL_READ', 'SPOT_DEAL_WRITE'],
  kucoin: ['General', 'Spot'],
  binance: ['enableReading', 'enableSpotAndMarginTrading'],
  bybit: ['Spot:SpotTrade', 'ContractTrade:Order', 'ContractTrade:Position', 'Derivatives:DerivativesTrade'],
  okx: ['read_only', 'trade'],
  // Bitget `authorities`: stor/stow spot read / read-write, coor/coow futures orders, wwow withdrawal.
  bitget: ['stor', 'stow'],
  // BingX permission numbers: 1 spot trading, 2 reading, 3 perpetual futures, 4 universal transfer, 5 withdrawal.
  bingx: ['1', '2'],
  // HTX `permission` words: readOnly, trade, withdraw.
  htx: ['readOnly', 'trade'],
  // Coinbase key_permissions: view, trade, transfer (and `futures` here: the account has a CFM futures account).
  coinbase: ['view', 'trade'],
  // Gate perms as `<name>:read` or `<name>:write`; `account:read` lets the key read main_keys.
  gate: ['spot:write', 'account:read'],
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

function randomAlnum(n: number): string {
  const bytes = randomBytes(n)
  return [...bytes].map((b) => ALNUM[b % ALNUM.length]).join('')
}

const hex = (bytes: number) => randomBytes(bytes).toString('hex')
/** HTX-style `xxxxxxxx-xxxxxxxx-xxxxxxxx-xxxxx` (its docs' access key shape). */
const htxKey = () => `${hex(4)}-${hex(4)}-${hex(4)}-${hex(3).slice(0, 5)}`

/** A Coinbase CDP key: its name and an EC P-256 private key in SEC1 PEM, as Coinbase hands them out. */
export function coinbaseEcKey(): { apiKey: string; secret: string } {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  return { apiKey: `organizations/${randomUUID()}/apiKeys/${randomUUID()}`, secret: privateKey.export({ format: 'pem', type: 'sec1' }).toString() }
}

/** A Coinbase Ed25519 key: a key id and base64 of seed + public key (88 characters). */
export function coinbaseEd25519Key(): { apiKey: string; secret: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519')
  const seed = Buffer.from(privateKey.export({ format: 'jwk' }).d as string, 'base64url')
  const pub = Buffer.from(publicKey.export({ format: 'jwk' }).x as string, 'base64url')
  return { apiKey: randomUUID(), secret: Buffer.concat([seed, pub]).toString('base64') }
}

/**
 * Realistic-looking credentials: MEXC `mx0v` + 14 alphanumerics and a 32-hex secret (as in
 * MEXC's docs examples); KuCoin a 24-hex key, a UUID secret and a user-style passphrase;
 * Binance 64 + 64 alphanumerics (its docs samples); Bybit an 18-character key and a
 * 36-character secret (its docs samples); OKX a UUID key, a 32-hex secret and a passphrase; Bitget
 * `bg_` + 32 hex, a 64-hex secret and a passphrase; BingX and Gate long alphanumerics; HTX its
 * dash-grouped key and secret; Coinbase a key name and an EC private key in PEM.
 */
export function fakeCredentials(exchange: FakeExchangeId): { apiKey: string; secret: string; passphrase?: string } {
  switch (exchange) {
    case 'mexc':
      return { apiKey: `mx0v${randomAlnum(14)}`, secret: hex(16) }
    case 'kucoin':
      return { apiKey: hex(12), secret: randomUUID(), passphrase: `Pass${randomAlnum(8)}` }
    case 'bitget':
      return { apiKey: `bg_${hex(16)}`, secret: hex(32), passphrase: `Pass${randomAlnum(8)}` }
    case 'bingx':
      return { apiKey: randomAlnum(64), secret: randomAlnum(64) }
    case 'htx':
      return { apiKey: htxKey(), secret: htxKey() }
    case 'coinbase':
      return coinbaseEcKey()
    case 'gate':
      return { apiKey: hex(16), secret: hex(32) }
    case 'binance':
      return { apiKey: randomAlnum(64), secret: randomAlnum(64) }
    case 'bybit':
      return { apiKey: randomAlnum(18), secret: randomAlnum(36) }
    case 'okx':
      return { apiKey: randomUUID(), secret: randomBytes(16).toString('hex').toUpperCase(), passphrase: `Pass-${randomAlnum(8)}1` }
  }
}

/** A fresh private key as PKCS#8 PEM, what a trader generates for a Binance Ed25519/RSA or Bybit RSA key. */
export function fakePrivateKeyPem(type: 'ed25519' | 'rsa'): string {
  const { privateKey } = type === 'ed25519' ? generateKeyPairSync('ed25519') : generateKeyPairSync('rsa', { modulusLength: 2048 })
  return privateKey.export({ format: 'pem', type: 'pkcs8' }).toString()
}

/** The in-memory account book. */
export class AccountBook {
  private readonly byKey = new Map<string, FakeAccount>()

  add(input: FakeAccountInput): FakeAccount {
    const gen = fakeCredentials(input.exchange)
    const account: FakeAccount = {
      exchange: input.exchange,
      apiKey: input.apiKey ?? gen.apiKey,
      secret: input.secret ?? (input.keyType && input.keyType !== 'hmac' ? fakePrivateKeyPem(input.keyType) : gen.secret),
      passphrase: input.passphrase ?? gen.passphrase ?? '',
      permissions: [...(input.permissions ?? DEFAULT_PERMISSIONS[input.exchange])],
      ipWhitelist: [...(input.ipWhitelist ?? [])],
      balances: { ...(input.balances ?? { USDT: 125.5, BTC: 0.01 }) },
      futuresBalance: input.futuresBalance ?? 50,
      frozen: input.frozen ?? false,
      keyVersion: input.keyVersion ?? 2,
      maskWhitelist: input.maskWhitelist ?? true,
      keyType: input.keyType ?? 'hmac',
      readOnly: input.readOnly ?? false,
      expiresAt: input.expiresAt,
      uta: input.uta ?? true,
      acctLv: input.acctLv ?? '2',
      demo: input.demo ?? false,
      symbols: [...(input.symbols ?? [])],
      permissionField: input.permissionField,
      revoked: false,
      unified: input.unified ?? false,
      uid: 10_000_000 + (randomBytes(3).readUIntBE(0, 3) % 90_000_000),
      validDays: input.validDays ?? null,
      keyStatus: input.keyStatus ?? 'normal',
      otherKeys: [...(input.otherKeys ?? [])],
      omitFields: [...(input.omitFields ?? [])],
      createdAt: input.createdAt ?? Date.now(),
    }
    this.byKey.set(account.apiKey, account)
    return account
  }

  find(exchange: FakeExchangeId, apiKey: string | undefined): FakeAccount | undefined {
    const a = apiKey === undefined ? undefined : this.byKey.get(apiKey)
    return a && a.exchange === exchange && !a.revoked ? a : undefined
  }

  update(apiKey: string, patch: Partial<Omit<FakeAccount, 'apiKey' | 'exchange'>>): FakeAccount {
    const a = this.byKey.get(apiKey)
    if (!a) throw new Error('fake exchange: no such account')
    Object.assign(a, patch)
    return a
  }

  clear(): void {
    this.byKey.clear()
  }
}
