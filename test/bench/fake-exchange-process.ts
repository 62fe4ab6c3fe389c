/**
 * The fake exchange in its own process for the monitor benchmark, so the CPU we measure is the
 * bot's alone. Driven over IPC: create accounts, report CPU and request count, stop.
 */
import type { ExchangeId } from '../../src/domain/types.js'
import { FakeExchangeServer } from '../fakes/exchange-server.js'

type Request = { type: 'accounts'; exchanges: ExchangeId[] } | { type: 'stats' } | { type: 'stop' }

const ip = process.env['BENCH_IP'] ?? '203.0.113.7'
const fake = await new FakeExchangeServer().start()
fake.callerIp = ip
const reply = (m: unknown) => process.send?.(m)

process.on('message', (m: Request) => {
  if (m.type === 'accounts') {
    const list = m.exchanges.map((exchange) => {
      const a = fake.addAccount({ exchange, ipWhitelist: [ip] })
      return { apiKey: a.apiKey, secret: a.secret, ...(a.passphrase ? { passphrase: a.passphrase } : {}) }
    })
    reply({ type: 'accounts', list })
  } else if (m.type === 'stats') {
    const cpu = process.cpuUsage()
    reply({ type: 'stats', cpuMs: (cpu.user + cpu.system) / 1000, requests: fake.requestCount(), connections: fake.connectionCount() })
  } else {
    void fake.stop().then(() => process.exit(0))
  }
})
reply({ type: 'ready', urls: fake.exchangeUrls })
