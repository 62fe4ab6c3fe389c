/**
 * Accounts held by the fake exchange: one per API key, created by tests at runtime with the
 * permissions, IP whitelist and balances a scenario needs, and revocable mid-test.
 */
import { randomBytes, randomUUID } from 'node:crypto'

/** Exchanges the fake imitates. */
export type FakeExchangeId = 'mexc' | 'kucoin'

/** What a test may set; anything omitted gets a working default (a healthy spot key). */
export interface FakeAccountInput {
  exchange: FakeExchangeId
  apiKey?: string
  secret?: string
  passphrase?: string
  /**
   * Exchange vocabulary. MEXC: SPOT_ACCOUNT_READ, SPOT_DEAL_WRITE, CONTRACT_ACCOUNT_READ...
   * KuCoin: General, Spot, Futures, Transfer, InnerTransfer, Margin...
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
  permissionField: PermissionFieldShape | undefined
  revoked: boolean
}

/** Default permissions of a healthy spot trading key, per exchange. */
export const DEFAULT_PERMISSIONS: Record<FakeExchangeId, string[]> = {
  mexc: ['SPOT_ACCOUNT_READ', 'SPOT_DEAL_READ', 'SPOT_DEAL_WRITE'],
  kucoin: ['General', 'Spot'],
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

function randomAlnum(n: number): string {
  const bytes = randomBytes(n)
  return [...bytes].map((b) => ALNUM[b % ALNUM.length]).join('')
}

/**
 * Realistic-looking credentials: MEXC `mx0v` + 14 alphanumerics and a 32-hex secret (as in
 * MEXC's docs examples); KuCoin a 24-hex key, a UUID secret and a user-style passphrase.
 */
export function fakeCredentials(exchange: FakeExchangeId): { apiKey: string; secret: string; passphrase?: string } {
  if (exchange === 'mexc') return { apiKey: `mx0v${randomAlnum(14)}`, secret: randomBytes(16).toString('hex') }
  return { apiKey: randomBytes(12).toString('hex'), secret: randomUUID(), passphrase: `Pass${randomAlnum(8)}` }
}

/** The in-memory account book. */
export class AccountBook {
  private readonly byKey = new Map<string, FakeAccount>()

  add(input: FakeAccountInput): FakeAccount {
    const gen = fakeCredentials(input.exchange)
    const account: FakeAccount = {
      exchange: input.exchange,
      apiKey: input.apiKey ?? gen.apiKey,
      secret: input.secret ?? gen.secret,
      passphrase: input.passphrase ?? gen.passphrase ?? '',
      permissions: [...(input.permissions ?? DEFAULT_PERMISSIONS[input.exchange])],
      ipWhitelist: [...(input.ipWhitelist ?? [])],
      balances: { ...(input.balances ?? { USDT: 125.5, BTC: 0.01 }) },
      futuresBalance: input.futuresBalance ?? 50,
      frozen: input.frozen ?? false,
      keyVersion: input.keyVersion ?? 2,
      maskWhitelist: input.maskWhitelist ?? true,
      permissionField: input.permissionField,
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
