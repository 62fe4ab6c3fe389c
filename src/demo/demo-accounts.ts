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
  const add = (title: string, creds: Omit<DemoAccount, 'title'>, extra: Record<string, unknown>): DemoAccount => {
    ex.addAccount({ ...creds, ...extra })
    return { title, ...creds }
  }
  const ip = '203.0.113.7'
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
