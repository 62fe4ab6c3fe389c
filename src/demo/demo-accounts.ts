import type { ExchangeId } from '../domain/types.js'
import type { FakeExchangeServer } from '../../test/fakes/exchange-server.js'

/** One demo key: what it shows, and the values to paste. */
export interface DemoAccount {
  title: string
  exchange: ExchangeId
  apiKey: string
  secret: string
  passphrase?: string
}

/**
 * The keys a demo user can paste, each showing one outcome of the connection test. They exist
 * only inside the in-process fake exchange.
 */
export function demoAccounts(ex: FakeExchangeServer): DemoAccount[] {
  const add = (title: string, creds: Omit<DemoAccount, 'title'>, extra: Record<string, unknown>, shownSecret?: string): DemoAccount => {
    ex.addAccount({ ...creds, ...extra } as Parameters<FakeExchangeServer['addAccount']>[0])
    return { title, ...creds, ...(shownSecret ? { secret: shownSecret } : {}) }
  }
  const ip = '203.0.113.7'
  // A Coinbase ECDSA key as its key file holds it; the banner shows it on one line, `\n` escapes
  // included, which is how a trader copies it out of that JSON file (the bot accepts it so).
  const coinbasePem = '-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIPxMbzoe9vRH0Xco0qoecIDeXCKyr5ZfjO+LEkvC1vSNoAoGCCqGSM49\nAwEHoUQDQgAEW2hNiLgEZoTqL6rGtGm0ALYcoNWTpeGlPSAo8edkUhZ1X3r/RMzi\nBjtk83WJbgP0UfdHUtJQKsTY9qH4EyLeJQ==\n-----END EC PRIVATE KEY-----\n'
  // Fixed values, so the README's transcript can be replayed as it is. Binance comes first, as in
  // the exchange picker.
  return [
    add('Binance, healthy key restricted to our IP (read + spot trading)', { exchange: 'binance', apiKey: 'bnDemoHealthy0001aB3dEfG7hJ9kL2mN4pQ6rS8tU0vW1xY3zA5bC7dE9fG1hJ3', secret: 'bnDemoSecret00001zY9xWvU5tS3rQ1pN8mL6kJ4hG2fE0dC9bA7zY5xW3vU1tS7' }, {
      permissions: ['enableReading', 'enableSpotAndMarginTrading', 'enableFutures'],
      ipWhitelist: [ip],
      balances: { USDT: 2400, BNB: 1.2 },
    }),
    add('Binance, key with Enable Withdrawals on: refused', { exchange: 'binance', apiKey: 'bnDemoWithdraw002aB3dEfG7hJ9kL2mN4pQ6rS8tU0vW1xY3zA5bC7dE9fG1hJ3', secret: 'bnDemoSecret00002zY9xWvU5tS3rQ1pN8mL6kJ4hG2fE0dC9bA7zY5xW3vU1tS7' }, {
      permissions: ['enableReading', 'enableSpotAndMarginTrading', 'enableWithdrawals'],
      ipWhitelist: [ip],
    }),
    add('Bybit, healthy key bound to our IP', { exchange: 'bybit', apiKey: 'ByDemoHealthy00001', secret: 'ByDemoSecret0000001aB2cD3eF4gH5iJ6kL' }, { ipWhitelist: [ip], balances: { USDT: 980, BTC: 0.02 } }),
    add('Bybit, key with no IP bound: Bybit states the day it expires', { exchange: 'bybit', apiKey: 'ByDemoUnbound00002', secret: 'ByDemoSecret0000002aB2cD3eF4gH5iJ6kL' }, {}),
    add('Bybit, Read-Only key (no trading)', { exchange: 'bybit', apiKey: 'ByDemoReadOnly0003', secret: 'ByDemoSecret0000003aB2cD3eF4gH5iJ6kL' }, { readOnly: true, ipWhitelist: [ip] }),
    add('OKX, healthy key bound to our IP', { exchange: 'okx', apiKey: '5f2b8c1e-7d4a-4e9b-a6c3-0d1e2f3a4b5c', secret: '8E1F2A3B4C5D6E7F8091A2B3C4D5E6F7', passphrase: 'DemoPass-2026' }, { ipWhitelist: [ip] }),
    add('OKX, key with Withdraw permission: refused', { exchange: 'okx', apiKey: '6a3c9d2f-8e5b-4fa0-b7d4-1e2f3a4b5c6d', secret: '9F2A3B4C5D6E7F8091A2B3C4D5E6F708', passphrase: 'DemoPass-2026' }, {
      permissions: ['read_only', 'trade', 'withdraw'],
      ipWhitelist: [ip],
    }),
    add('Bitget, healthy key bound to our IP (spot trade read and write)', { exchange: 'bitget', apiKey: 'bg_5f2c8e1a7d4b9c3e6f0a2b4c6d8e0f13', secret: '7c1e4a9f2b6d8e0c3a5f7b9d1e3c5a7f9b2d4e6f8a0c2e4a6c8e0a2c4e6f8a01', passphrase: 'DemoPass2026' }, {
      permissions: ['stor', 'stow', 'coor', 'coow'],
      ipWhitelist: [ip],
      balances: { USDT: 1800, BGB: 40 },
    }),
    add('Bitget, key with Wallet Withdraw on: refused', { exchange: 'bitget', apiKey: 'bg_6a3d9f2b8e5c0d4f7a1b3c5d7e9f1a24', secret: '8d2f5b0a3c7e9f1d4b6a8c0e2f4d6b8a0c3e5a7c9e1b3d5f7a9c1e3a5c7e9b12', passphrase: 'DemoPass2026' }, {
      permissions: ['stor', 'stow', 'wwow'],
      ipWhitelist: [ip],
    }),
    add('Gate.io, healthy key bound to our IP (Gate cannot report withdrawal: see the ❔ line)', { exchange: 'gate', apiKey: '3f9a1c7e5b2d8f4a6c0e2b4d6f8a1c3e', secret: '9e2c4a6f8b1d3f5a7c9e0b2d4f6a8c1e3b5d7f9a2c4e6b8d0f1a3c5e7b9d2f4a' }, {
      permissions: ['spot:write', 'account:read'],
      ipWhitelist: [ip],
      balances: { USDT: 640, GT: 12 },
    }),
    add('Gate.io, key without the Account permission (its permissions stay unknown)', { exchange: 'gate', apiKey: '4a0b2d8f6c3e9a5b7d1f3c5e7a9b2d4f', secret: '0f3d5b7a9c2e4f6b8d1a3c5e7f9b2d4a6c8e0f2b4d6a8c1e3f5b7d9a2c4e6f8b' }, {
      permissions: ['spot:write'],
      ipWhitelist: [ip],
    }),
    add('HTX, healthy key bound to our IP', { exchange: 'htx', apiKey: 'a1b2c3d4-e5f60718-293a4b5c-6d7e8', secret: 'f9e8d7c6-b5a49382-71605f4e-3d2c1' }, { permissions: ['readOnly', 'trade'], ipWhitelist: [ip], balances: { USDT: 300 } }),
    add('HTX, key with no IP bound: HTX states the day it expires', { exchange: 'htx', apiKey: 'b2c3d4e5-f6071829-3a4b5c6d-7e8f9', secret: 'e8d7c6b5-a4938271-605f4e3d-2c1b0' }, { permissions: ['readOnly', 'trade'] }),
    add('BingX, healthy key bound to our IP', { exchange: 'bingx', apiKey: 'BxDemoHealthy0001aB3dEfG7hJ9kL2mN4pQ6rS8tU0vW1xY3zA5bC7dE9fG1hJ3', secret: 'BxDemoSecret00001zY9xWvU5tS3rQ1pN8mL6kJ4hG2fE0dC9bA7zY5xW3vU1tS7' }, {
      permissions: ['1', '2', '3'],
      ipWhitelist: [ip],
    }),
    add('BingX, key with coin withdrawal on: refused', { exchange: 'bingx', apiKey: 'BxDemoWithdraw002aB3dEfG7hJ9kL2mN4pQ6rS8tU0vW1xY3zA5bC7dE9fG1hJ3', secret: 'BxDemoSecret00002zY9xWvU5tS3rQ1pN8mL6kJ4hG2fE0dC9bA7zY5xW3vU1tS7' }, {
      permissions: ['1', '2', '5'],
      ipWhitelist: [ip],
    }),
    add('Coinbase, healthy ECDSA key (paste the secret as one line, as in the key file)', { exchange: 'coinbase', apiKey: 'organizations/6cf507b5-a334-4976-a672-d48b8d4726f9/apiKeys/4d4d9f4d-b5a5-4c84-b210-e93883cb8f40', secret: coinbasePem }, {
      permissions: ['view', 'trade'],
      balances: { USD: 500, BTC: 0.004 },
    }, coinbasePem.replace(/\n/g, '\\n')),
    add('Coinbase, Ed25519 key with Transfer on: refused', { exchange: 'coinbase', apiKey: '9f56b31d-338c-44e7-8348-e54cbca7f3c5', secret: '5cQVFJEqEJGMq3Foy71cdLoDUboY76C6eeFwzBwak8C8Xt80IDEcVOJ6UF6uZWkZh0qKqzBh0fEAmWHq5PiJig==' }, {
      permissions: ['view', 'trade', 'transfer'],
    }),
    add('MEXC, healthy spot key (read + trade)', { exchange: 'mexc', apiKey: 'mx0vDemoHealthy001', secret: 'a1b2c3d4e5f60718293a4b5c6d7e8f90' }, { balances: { USDT: 1520.5, BTC: 0.013 } }),
    add('MEXC, key with withdrawal switched on (MEXC cannot report it: see the ❔ line)', { exchange: 'mexc', apiKey: 'mx0vDemoWithdraw02', secret: 'b2c3d4e5f60718293a4b5c6d7e8f90a1' }, {
      permissions: ['SPOT_ACCOUNT_READ', 'SPOT_DEAL_READ', 'SPOT_DEAL_WRITE', 'SPOT_WITHDRAW_WRITE'],
    }),
    add('KuCoin, healthy key, whitelisted to our IP', { exchange: 'kucoin', apiKey: '64d1f0a2b3c4d5e6f7a8b9c0', secret: '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0', passphrase: 'DemoPass-2026' }, { ipWhitelist: [ip], balances: { USDT: 800 } }),
    add('KuCoin, IP whitelist that excludes our server', { exchange: 'kucoin', apiKey: '64d1f0a2b3c4d5e6f7a8b9c1', secret: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d', passphrase: 'DemoPass-2026' }, { ipWhitelist: ['198.51.100.20'] }),
    add('KuCoin, key with Transfer (withdrawal) permission: refused', { exchange: 'kucoin', apiKey: '64d1f0a2b3c4d5e6f7a8b9c2', secret: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e', passphrase: 'DemoPass-2026' }, { permissions: ['General', 'Spot', 'Transfer'] }),
    add('MEXC, key without trade permission', { exchange: 'mexc', apiKey: 'mx0vDemoReadOnly03', secret: 'c3d4e5f60718293a4b5c6d7e8f90a1b2' }, { permissions: ['SPOT_ACCOUNT_READ'] }),
  ]
}

/** The text printed before the chat starts: how to drive it and the keys to paste. */
export function demoBanner(accounts: readonly DemoAccount[], logFile: string, extra: readonly string[] = []): string {
  const lines = [
    '',
    'BackFuture Connect: demo mode (no BOT_TOKEN set)',
    'The real bot runs against a local fake Telegram and a fake exchange. Nothing leaves this machine.',
    `Logs: ${logFile}`,
    '',
    'Demo keys you can paste (they exist only in the fake exchange):',
  ]
  accounts.forEach((a, i) => {
    lines.push(`  ${i + 1}. ${a.title}`, `     API key:    ${a.apiKey}`, `     Secret:     ${a.secret}`)
    if (a.passphrase) lines.push(`     Passphrase: ${a.passphrase}`)
  })
  lines.push('', ...extra, 'Start with /start or /connect. A number taps a button; /quit leaves.', '')
  return lines.join('\n')
}

/** The platform gate's lines: one `curl` to try in another terminal, with the demo's own token. */
export function platformBanner(url: string, token: string): string[] {
  return [
    'The platform gate (the trading platform\'s API) is up too. In another terminal, once a key is connected:',
    `  curl -s -H "Authorization: Bearer ${token}" ${url}/v1/connections`,
    `  The contract: ${url}/v1/openapi.json. /pause and /resume here close and reopen the gate.`,
    '',
  ]
}
