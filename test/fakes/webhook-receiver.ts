import { createHmac, timingSafeEqual } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/** One POST the receiver got, with whether its signature checked out under the secret. */
export interface ReceivedPush {
  id: string
  kind: string
  body: Record<string, unknown>
  signatureValid: boolean
  answered: number
}

/**
 * A local stand-in for the trading platform's webhook endpoint: verifies each push's HMAC the
 * way a real receiver should (README: "For the trading platform"), records it, and answers
 * with the status the test scripts (`answers`, one per push; 200 once they run out).
 */
export async function startWebhookReceiver(secret: string) {
  const received: ReceivedPush[] = []
  const answers: Array<number | { status: number; headers: Record<string, string> }> = []
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8')
      const sig = String(req.headers['x-bfc-signature'] ?? '')
      const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(sig)
      const expected = m ? createHmac('sha256', secret).update(`${m[1]}.${raw}`).digest() : Buffer.alloc(32)
      const signatureValid = !!m && timingSafeEqual(expected, Buffer.from(m[2]!, 'hex'))
      const next = answers.shift() ?? 200
      const { status, headers } = typeof next === 'number' ? { status: next, headers: {} } : next
      received.push({ id: String(req.headers['x-bfc-event-id']), kind: String(req.headers['x-bfc-event-kind']), body: JSON.parse(raw) as Record<string, unknown>, signatureValid, answered: status })
      res.writeHead(status, headers).end()
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/hooks/bfc`,
    received,
    /** Scripts the next answers, in order. */
    answers,
    close: () => new Promise<void>((r) => server.close(() => r())),
  }
}
