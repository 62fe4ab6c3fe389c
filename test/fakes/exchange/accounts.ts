/**
 * Accounts held by the fake exchange: one per API key, created by tests at runtime with the
 * permissions, IP whitelist and balances a scenario needs, and revocable mid-test.
 */
import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto'

/** Exchanges the fake imitates. */
export type FakeExchangeId = 'mexc' | 'kucoin' | 'binance' | 'bybit' | 'okx'

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
  /**
   * Fields the key-info answer leaves out (Binance apiRestrictions, Bybit query-api and its
   * permission groups, OKX account config), as after an API change: the adapter must then say
   * `unknown`, never `pass`.
   */
  omitFields?: string[]
}

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
  revoked: boolean
}

/** Default permissions of a healthy spot trading key, per exchange. */
export const DEFAULT_PERMISSIONS: Record<FakeExchangeId, string[]> = {
  mexc: ['SPOT_ACCOUNT_READ', 'SPOT_DEAL_READ', 'SPOT_DEAL_WRITE'],
  kucoin: ['General', 'Spot'],
  binance: ['enableReading', 'enableSpotAndMarginTrading'],
  bybit: ['Spot:SpotTrade', 'ContractTrade:Order', 'ContractTrade:Position', 'Derivatives:DerivativesTrade'],
  okx: ['read_only', 'trade'],
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

function randomAlnum(n: number): string {
  const bytes = randomBytes(n)
  return [...bytes].map((b) => ALNUM[b % ALNUM.length]).join('')
}

/**
 * Realistic-looking credentials: MEXC `mx0v` + 14 alphanumerics and a 32-hex secret (as in
 * MEXC's docs examples); KuCoin a 24-hex key, a UUID secret and a user-style passphrase;
 * Binance 64 + 64 alphanumerics (its docs samples); Bybit an 18-character key and a
 * 36-character secret (its docs samples); OKX a UUID key, a 32-hex secret and a passphrase.
 */
export function fakeCredentials(exchange: FakeExchangeId): { apiKey: string; secret: string; passphrase?: string } {
  switch (exchange) {
    case 'mexc':
      return { apiKey: `mx0v${randomAlnum(14)}`, secret: randomBytes(16).toString('hex') }
    case 'kucoin':
      return { apiKey: randomBytes(12).toString('hex'), secret: randomUUID(), passphrase: `Pass${randomAlnum(8)}` }
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
      omitFields: [...(input.omitFields ?? [])],
      createdAt: Date.now(),
      revoked: false,
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
