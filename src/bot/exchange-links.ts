import type { ExchangeId } from '../domain/types.js'

/**
 * Each exchange's API-management page, for the URL button under every checklist and fix: the
 * trader lands where the switch is instead of hunting through menus. A `Record` over every
 * exchange id, so a new exchange does not compile without its page.
 */
export const API_MANAGEMENT_URL: Record<ExchangeId, string> = {
  binance: 'https://www.binance.com/en/my/settings/api-management',
  bybit: 'https://www.bybit.com/app/user/api-management',
  okx: 'https://www.okx.com/account/my-api',
  kucoin: 'https://www.kucoin.com/account/api',
  mexc: 'https://www.mexc.com/user/openapi',
  bitget: 'https://www.bitget.com/account/newapi',
  gate: 'https://www.gate.io/myaccount/apikeys',
  htx: 'https://www.htx.com/en-us/apikey/',
  bingx: 'https://bingx.com/en/account/api/',
  coinbase: 'https://portal.cdp.coinbase.com/projects/api-keys',
}

/** The brand label of an exchange as the bot shows it everywhere ("KuCoin", never "KUCOIN"). */
export function labelOf(deps: { connections: { adapter(id: string): { label: string } } }): (id: ExchangeId) => string {
  return (id) => deps.connections.adapter(id).label
}
