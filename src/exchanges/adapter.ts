import type {
  CredentialField,
  Credentials,
  ExchangeId,
  Market,
  TestReport,
} from '../domain/types.js'

/** Why a pasted value cannot be a credential; the bot explains it without echoing the value. */
export type FormatProblem =
  | 'EMPTY'
  | 'TOO_LONG'
  | 'WHITESPACE'
  | 'BAD_CHARSET'
  | 'WRONG_LENGTH'
  | 'LOOKS_LIKE_SECRET'
  | 'LOOKS_LIKE_KEY'
  | 'SAME_AS_KEY'
  // A pasted PEM block (Binance Ed25519/RSA keys) that is not a usable private key:
  | 'PEM_INVALID' // not a well-formed PEM private key
  | 'PEM_PUBLIC_KEY' // the public key (the half uploaded to the exchange), not the private one
  | 'PEM_ENCRYPTED' // protected by a password, which a bot cannot type
  | 'PEM_UNSUPPORTED' // a key type this exchange does not sign with

/** How an exchange names and checks one credential field. */
export interface CredentialFieldSpec {
  field: CredentialField
  /** Secrets are never displayed, not even masked; the key is shown masked. */
  secret: boolean
  /** The field is unlike other exchanges' (Coinbase: a key name, a PEM), so the bot asks for it in its own words. */
  ownPrompt?: true
}

/** Per-test options: the markets wanted, our egress IPs (for the whitelist check), time bounds. */
export interface TestOptions {
  market: Market
  egressIps: readonly string[]
  /** Bound on each HTTP request. */
  requestTimeoutMs: number
  /** Bound on the whole test. */
  totalTimeoutMs: number
}

/**
 * One exchange behind one small type: adding Binance is a new file plus one registry line.
 * Only adapters import ccxt; everything above sees reports and diagnosis codes.
 */
export interface ExchangeAdapter {
  id: ExchangeId
  /** Display name, e.g. "KuCoin". Brand names are not translated. */
  label: string
  /** What the exchange's own screen calls the API key ("Access Key" on MEXC); default "API Key". */
  keyTerm?: string
  credentialFields: readonly CredentialFieldSpec[]
  /** Markets this adapter can check; the bot offers only these. */
  markets: readonly Market[]
  /** Pure format check of one field before any network call; `others` lets it spot swapped fields. */
  validateField(field: CredentialField, value: string, others?: Partial<Credentials>): FormatProblem | null
  /** Runs the connection test; never throws for exchange faults, it reports them as checks. */
  testConnection(credentials: Credentials, options: TestOptions): Promise<TestReport>
}
