/**
 * The bare ccxt baseline of the monitor benchmark, in its own process: rounds of spot checks
 * with a fresh ccxt instance each (see ccxt-baseline.ts), timed here. Kept out of the bot's
 * process so the bot's live heap, measured across sweeps, holds only what the sweeps keep:
 * fresh instances leave memory behind for a while (each one's keep-alive agent and sockets) and,
 * under tsx on Node 20, for good (a failed dynamic import through module hooks is never freed).
 */
import type { Credentials, ExchangeId } from '../../src/domain/types.js'
import { bareSpotCheck, type FakeUrls } from './ccxt-baseline.js'

type Request = { type: 'setup'; urls: FakeUrls; exchanges: ExchangeId[]; creds: Credentials[] } | { type: 'run'; count: number; offset: number; concurrency: number } | { type: 'stop' }

let setup: Extract<Request, { type: 'setup' }> | undefined
process.on('message', (m: Request) => {
  if (m.type === 'setup') {
    setup = m
    process.send?.({ type: 'ready' })
  } else if (m.type === 'run') {
    const s = setup!
    const n = s.exchanges.length
    let next = 0
    const cpu0 = process.cpuUsage()
    const t0 = performance.now()
    void Promise.all(
      Array.from({ length: m.concurrency }, async () => {
        for (let i = next++; i < m.count; i = next++) {
          const k = (m.offset + i) % n
          await bareSpotCheck(s.exchanges[k]!, s.creds[k]!, s.urls)
        }
      }),
    ).then(() => {
      const cpu = process.cpuUsage(cpu0)
      process.send?.({ type: 'done', wallMs: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000 })
    })
  } else process.exit(0)
})
process.send?.({ type: 'started' })
