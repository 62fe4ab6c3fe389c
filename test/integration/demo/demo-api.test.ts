import { spawn } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../../helpers/run-script.js'

/**
 * `npm start` with no BOT_TOKEN, as a newcomer runs it: the demo also starts the platform API on
 * a free local port and prints one curl line with a demo token; that line works as printed.
 */
describe('the demo starts the platform gate', () => {
  it('prints a curl line whose URL and token answer; /quit stops everything', { timeout: 120_000 }, async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp' },
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    let out = ''
    child.stdout.on('data', (c: Buffer) => (out += c.toString()))
    child.stderr.on('data', (c: Buffer) => (out += c.toString()))
    const exited = new Promise<number | null>((r) => child.once('exit', r))
    try {
      const line = await new Promise<string>((resolve, reject) => {
        const look = () => {
          const l = out.split('\n').find((x) => x.trim().startsWith('curl '))
          if (l) resolve(l.trim())
        }
        child.stdout.on('data', look)
        void exited.then(() => reject(new Error(`the demo exited before printing a curl line:\n${out}`)))
      })
      const m = /^curl -s -H "Authorization: Bearer (bfcpt_[0-9a-f_]+)" (http:\/\/127\.0\.0\.1:\d+)\/v1\/connections$/.exec(line)
      expect(m, line).not.toBeNull()
      const [, token, base] = m!
      const res = await fetch(`${base}/v1/connections`, { headers: { authorization: `Bearer ${token}` } })
      expect(res.status).toBe(200)
      expect(await res.json()).toEqual({ connections: [], nextCursor: null })
      expect((await fetch(`${base}/readyz`)).status).toBe(200)
      expect(out.indexOf('curl ')).toBeLessThan(out.indexOf('Start with /start'))
      child.stdin.write('/quit\n')
      expect(await exited).toBe(0)
    } finally {
      child.kill()
    }
  })
})
