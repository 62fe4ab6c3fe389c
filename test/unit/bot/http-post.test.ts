import { Agent, createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { httpPost } from '../../../src/bot/http-post.js'

let server: Server
let base = ''
let connections = 0
const bodies: string[] = []
let handler: (req: IncomingMessage, res: ServerResponse, body: string) => void = () => undefined

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString()
      bodies.push(body)
      handler(req, res, body)
    })
  })
  server.on('connection', () => connections++)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/bot123:SECRET-TOKEN`
})
afterAll(() => {
  server.closeAllConnections()
  server.close()
})

describe('httpPost (the Bot API transport\'s client)', () => {
  it('posts the JSON body and parses the answer, over one kept-alive socket', async () => {
    handler = (_req, res, body) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, result: { echo: JSON.parse(body), text: 'é'.repeat(5000) } }))
    const agent = new Agent({ keepAlive: true })
    const before = connections
    for (let i = 0; i < 3; i++) {
      const res = await httpPost(`${base}/sendMessage`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ chat_id: i, text: 'ção' }), agent })
      expect(res.status).toBe(200)
      expect(await res.json()).toEqual({ ok: true, result: { echo: { chat_id: i, text: 'ção' }, text: 'é'.repeat(5000) } })
    }
    expect(connections - before).toBe(1)
    agent.destroy()
  })

  it('an aborted call rejects, and its error never quotes the token', async () => {
    handler = () => undefined // never answers
    const target = new EventTarget() as EventTarget & { aborted: boolean }
    target.aborted = false
    const p = httpPost(`${base}/getUpdates`, { method: 'POST', body: '{}', signal: target as never })
    setTimeout(() => {
      target.aborted = true
      target.dispatchEvent(new Event('abort'))
    }, 20)
    const err = await p.then(() => undefined, (e: Error) => e)
    expect(err).toBeInstanceOf(Error)
    expect(String(err?.message)).not.toContain('SECRET-TOKEN')
  })

  it('a reply cut off mid-body or that is not JSON is an error, not a hang', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' })
      res.write('{"ok":tr')
      setTimeout(() => res.destroy(), 10)
    }
    await expect(httpPost(`${base}/sendMessage`, { method: 'POST', body: '{}' })).rejects.toThrow()
    handler = (_req, res) => res.writeHead(502, { 'content-type': 'text/html' }).end('<html>502 Bad Gateway</html>')
    const res = await httpPost(`${base}/sendMessage`, { method: 'POST', body: '{}' })
    expect(res.status).toBe(502)
    await expect(res.json()).rejects.toThrow()
  })

  it('an upload (a stream body) goes through node-fetch', async () => {
    handler = (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true,"result":true}')
    const res = await httpPost(`${base}/sendDocument`, { method: 'POST', body: Readable.from(['part one, ', 'part two']) })
    expect(await res.json()).toEqual({ ok: true, result: true })
    expect(bodies.at(-1)).toBe('part one, part two')
  })
})
