import fc from 'fast-check'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { pack, unpack, type Action } from '../../src/bot/callback-data.js'
import type { BotContext } from '../../src/bot/context.js'
import { looksLikeCredential } from '../../src/bot/credential-sniff.js'
import { escapeHtml } from '../../src/bot/html.js'
import { NAME_MAX, nameProblem, normalizeName } from '../../src/domain/names.js'
import { EXCHANGE_IDS, LOCALES, MARKETS } from '../../src/domain/types.js'
import { createExchangeRegistry } from '../../src/exchanges/registry.js'
import { maskKey } from '../../src/secrets/redact.js'
import { fakeCredentials } from '../fakes/exchange-server.js'
import type { ChatMessage } from '../fakes/telegram-server.js'
import { EGRESS_IP, startE2E, type E2E } from '../helpers/e2e.js'
import { runConnect, toKeyPrompt, toNamePrompt, tr } from '../helpers/e2e-flows.js'
import { connectionsTable, errorLogs, htmlBreaks } from '../helpers/hostile.js'

// ── generators ─────────────────────────────────────────────────────────────────────────────
const PIECES = [
  "'; DROP TABLE connections;--", "' OR '1'='1", 'Robert"); --',
  '<b>', '</i>', '<a href="tg://x">', '<code>', '&amp;', '&lt;', '&', '<', '>', '"', "'", '*_[]()~`', '**', '__', '||',
  '\u202e', '\u200f', '\u200e', '\u2066', '\u2069', '\u200b', '\u200d', '\ufeff', '\u00a0', '\u3000',
  'а', 'е', 'Α', 'ｍｅｘｃ', 'ＭＥＸＣ', 'Ⅿ', 'ᴍ', 'e\u0301', '\u0301',
  '\u0000', '\u0007', '\u001b[31m', '\u007f', '\u0085', '\r\n', '\n', '\t', '\u2028',
  '${x}', '{ $name }', '{$name}', '%s', '%n', '\\', '\\u0000', '..', '../', '#',
  'Main', 'mx0v', '😀', '👨‍👩‍👧', '🏳️‍🌈', 'ﷺ', '𝔘', 'İ', 'ß',
]
const piece = fc.constantFrom(...PIECES)
const mixed = fc.array(fc.oneof(piece, fc.string({ maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 6 })), { minLength: 1, maxLength: 10 }).map((a) => a.join(''))
const fourKb = fc.tuple(piece, fc.string({ unit: 'grapheme', maxLength: 8 })).map(([p, s]) => (p + s + 'x').repeat(4096).slice(0, 4096))
/** Texts as a hostile user would type them: never empty after Telegram's trim, never a command. */
const hostileText = fc
  .oneof({ weight: 5, arbitrary: mixed }, { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 80 }) }, { weight: 1, arbitrary: fourKb })
  .map((s) => s.replace(/^[\s/]+/, ''))
  .filter((s) => s.trim().length > 0)

/** The bot's own credential sniffer with the real adapters: hostile text that looks like a key is taken away, by design. */
const sniffCtx = { deps: { connections: { exchanges: () => createExchangeRegistry({ urls: {} }).listAdapters() } } } as unknown as Pick<BotContext, 'deps'>
const sniffed = (text: string) => looksLikeCredential(sniffCtx, text)

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/
const RUNS = { numRuns: 40, endOnFailure: true }

// ── pure functions ─────────────────────────────────────────────────────────────────────────
describe('hostile input: pure functions', () => {
  const anyString = fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), mixed, fourKb)

  it('name normalization is idempotent and an accepted name carries no markup, control, bidi or invisible character', () => {
    fc.assert(
      fc.property(anyString, (raw) => {
        const n = normalizeName(raw)
        expect(normalizeName(n)).toBe(n)
        if (nameProblem(n) === null) {
          expect([...n].length).toBeLessThanOrEqual(NAME_MAX)
          expect(n).not.toMatch(/[<>&"'`*[\]()~\\/]|[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u)
          expect(n).toBe(n.trim())
          expect(escapeHtml(n)).toBe(n)
        }
      }),
      { numRuns: 2000 },
    )
  })

  it('callback unpack never throws; whatever it accepts packs back to the same bytes', () => {
    const codes = ['fx', 'fm', 'fr', 'fs', 'fc', 'fo', 'fk', 'c', 't', 's', 'rn', 'rp', 'd', 'dy', 'dn', 'l', 'n']
    const structured = fc.tuple(fc.constantFrom(...codes), fc.array(fc.oneof(piece, fc.string({ maxLength: 30 }), fc.constantFrom(...EXCHANGE_IDS, ...MARKETS, ...LOCALES, '0', '1')), { maxLength: 3 })).map(([c, parts]) => [c, ...parts].join(':'))
    fc.assert(
      fc.property(fc.oneof(anyString, structured), (data) => {
        const a = unpack(data)
        if (a !== null) expect(pack(a)).toBe(data)
      }),
      { numRuns: 3000 },
    )
  })

  it('every packed action fits Telegram\'s 64 bytes and unpacks to itself', () => {
    const id = fc.stringMatching(/^[A-Za-z0-9_-]{1,24}$/)
    const action: fc.Arbitrary<Action> = fc.oneof(
      fc.record({ a: fc.constantFrom('exchange' as const, 'ready' as const), flow: id, exchange: fc.constantFrom(...EXCHANGE_IDS) }),
      fc.record({ a: fc.constantFrom('market' as const, 'suggested' as const), flow: id, exchange: fc.constantFrom(...EXCHANGE_IDS), market: fc.constantFrom(...MARKETS) }),
      fc.record({ a: fc.constantFrom('cancel' as const, 'restart' as const, 'continue' as const), flow: id }),
      fc.constant({ a: 'connect' as const }),
      fc.record({ a: fc.constantFrom('test' as const, 'status' as const, 'rename' as const, 'replace' as const, 'delete' as const, 'delete-yes' as const, 'delete-no' as const), id }),
      fc.record({ a: fc.constant('lang' as const), locale: fc.constantFrom(...LOCALES) }),
      fc.record({ a: fc.constant('notify' as const), on: fc.boolean() }),
    )
    fc.assert(
      fc.property(action, (a) => {
        expect(Buffer.byteLength(pack(a))).toBeLessThanOrEqual(64)
        expect(unpack(pack(a))).toEqual(a)
      }),
      { numRuns: 1000 },
    )
  })

  it('adapters\' validateField never throws, and refuses any value with whitespace, control or invisible characters', () => {
    const adapters = createExchangeRegistry({ urls: {} }).listAdapters()
    const dirty = fc.tuple(fc.string({ maxLength: 40 }), fc.constantFrom(' ', '\t', '\n', '\u0000', '\u0001', '\u007f', '\u200b', '\u202e', '\ufeff', '\u00a0', '\u2028'), fc.string({ maxLength: 40 })).map(([a, c, b]) => a + c + b)
    fc.assert(
      fc.property(fc.constantFrom(...adapters), fc.oneof(anyString, dirty), dirty, (adapter, any, bad) => {
        for (const { field } of adapter.credentialFields) {
          expect(() => adapter.validateField(field, any, { apiKey: any, secret: any })).not.toThrow()
          expect(adapter.validateField(field, bad), `${adapter.id} ${field} ${JSON.stringify(bad)}`).not.toBeNull()
        }
      }),
      { numRuns: 1000 },
    )
  })

  it('the masked key never shows more than 8 characters of the key', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (key) => {
        const shown = maskKey(key).replace('…', '').replace(/•/g, '')
        expect(shown.length).toBeLessThanOrEqual(8)
      }),
      { numRuns: 1000 },
    )
  })
})

// ── through the real bot ───────────────────────────────────────────────────────────────────
describe('hostile input through the real bot', () => {
  let e: E2E
  let nextId = 90_000
  const rejections: unknown[] = []
  const onRejection = (reason: unknown) => void rejections.push(reason)
  const newUser = (firstName = 'Hostile') => e.tg.createUser({ id: nextId++, firstName, languageCode: 'en' })
  /** The bot's own texts never came out malformed: no HTML Telegram refuses, no broken UTF-16. */
  const expectWellFormedReplies = () => {
    expect(htmlBreaks(e), 'a reply broke its own HTML').toEqual([])
    const texts = e.tg.calls.filter((c) => c.method === 'sendMessage' || c.method === 'editMessageText').map((c) => String(c.payload.text ?? ''))
    expect(texts.filter((t) => LONE_SURROGATE.test(t)), 'a reply cut a character in half').toEqual([])
  }

  beforeAll(async () => {
    process.on('unhandledRejection', onRejection)
    e = await startE2E()
  })
  afterEach(() => {
    expectWellFormedReplies()
    expect(rejections, 'unhandled promise rejections').toEqual([])
    expect(errorLogs(e), 'an update failed').toEqual([])
  })
  afterAll(async () => {
    await e.close()
    process.off('unhandledRejection', onRejection)
  })

  it('connection names: each is answered, accepted only if valid, and the name step never writes the database', async () => {
    const user = newUser()
    let prompt = await toNamePrompt(e, user)
    const table = connectionsTable(e.dbPath)
    await fc.assert(
      fc.asyncProperty(hostileText, async (text) => {
        const sent = e.tg.sendText(user, text)
        const reply = await e.next(user)
        const valid = nameProblem(normalizeName(text)) === null
        if (sniffed(text)) {
          // Looks like a key: deleted and never a name (kept for the key step if it is a MEXC key).
          expect(e.tg.isDeleted(user, sent.messageId)).toBe(true)
          expect([tr('en', 'flow-credential-not-now'), tr('en', 'flow-credential-kept-name', { fields: 'API key' }), tr('en', 'flow-credential-kept-name', { fields: 'secret key' })]).toContain(reply.text)
        } else if (reply.text.startsWith('Paste the MEXC API key')) {
          expect(valid, `accepted ${JSON.stringify(text)}`).toBe(true)
          expect((await e.say(user, '/cancel')).text).toContain('Cancelled')
          prompt = await toNamePrompt(e, user)
        } else {
          expect(valid && reply.text.includes('You already have'), `refusal of ${JSON.stringify(text.slice(0, 80))}: ${reply.text}`).toBe(false)
          expect([tr('en', 'name-EMPTY'), tr('en', 'name-TOO_LONG'), tr('en', 'name-BAD_CHARS')]).toContain(reply.text)
        }
        expect(connectionsTable(e.dbPath)).toBe(table)
      }),
      RUNS,
    )
    expect(prompt.text).toContain('Name this connection')
    await e.say(user, '/cancel')
  }, 40_000)

  for (const field of ['apiKey', 'secret', 'passphrase'] as const) {
    it(`${field} at its prompt: every message is deleted, a bad value re-asked, nothing saved unless the full key was accepted and tested`, async () => {
      const user = newUser()
      const creds = fakeCredentials('kucoin')
      e.ex.addAccount({ exchange: 'kucoin', ...creds, ipWhitelist: [EGRESS_IP] })
      const toPrompt = async (): Promise<ChatMessage> => {
        let ask = await toKeyPrompt(e, user, 'KuCoin')
        for (const f of ['apiKey', 'secret'] as const) {
          if (f === field) break
          e.tg.sendText(user, creds[f])
          await e.next(user) // got it
          ask = await e.next(user)
        }
        return ask
      }
      await toPrompt()
      let table = connectionsTable(e.dbPath)
      await fc.assert(
        fc.asyncProperty(hostileText, async (text) => {
          const sent = e.tg.sendText(user, text)
          const reply = await e.next(user)
          expect(e.tg.isDeleted(user, sent.messageId), 'the message at a credential prompt is deleted').toBe(true)
          if (reply.text.startsWith('That does not look like a valid')) {
            if (text.length >= 8) expect(reply.text, 'the value is never echoed').not.toContain(text)
            expect(connectionsTable(e.dbPath), 'a refused value changes nothing').toBe(table)
            return
          }
          expect(reply.text).toContain('Got the')
          const next = await e.next(user)
          if (field === 'passphrase') {
            // The last field: the key is tested (the fake refuses the passphrase) and saved offline.
            const report = await e.tg.waitFor(() => (next.history.length > 0 ? next : null), 10_000)
            if (text.length >= 8) expect(report.text, 'the value is never echoed').not.toContain(text)
            for (const c of e.app.connections.list(user.id)) e.app.connections.remove(user.id, c.id)
            table = connectionsTable(e.dbPath)
          } else {
            expect((await e.say(user, '/cancel')).text).toContain('Cancelled')
            expect(connectionsTable(e.dbPath)).toBe(table)
          }
          await toPrompt()
        }),
        { ...RUNS, numRuns: 30 },
      )
      await e.say(user, '/cancel')
      expect(e.app.intake.size()).toBe(0)
    }, 40_000)
  }

  it('command arguments: /status, /test, /rename, /replace, /delete with any text → "not found" with a picker, nothing changes', async () => {
    const user = newUser()
    const creds = fakeCredentials('mexc')
    e.ex.addAccount({ exchange: 'mexc', ...creds })
    await runConnect(e, user, { exchange: 'mexc', credentials: { apiKey: creds.apiKey, secret: creds.secret }, name: 'Main' })
    const table = connectionsTable(e.dbPath)
    const cmd = fc.constantFrom('status', 'test', 'rename', 'replace', 'delete')
    const arg = hostileText.filter((s) => normalizeName(s).toLowerCase() !== 'main' && !/^\s*main\s*$/i.test(s.normalize('NFC')))
    await fc.assert(
      fc.asyncProperty(cmd, arg, async (c, a) => {
        const reply = await e.say(user, `/${c} ${a}`)
        if (sniffed(`/${c} ${a}`)) {
          // An argument that looks like a key: the command is deleted, not run, and nothing echoed.
          expect(reply.text).toBe(tr('en', 'command-credential-deleted'))
          return
        }
        // Never echoed back: a mistyped secret would be repeated in the chat.
        expect(reply.text, `/${c} ${JSON.stringify(a.slice(0, 80))}`).toBe(tr('en', 'connection-not-found'))
        expect(reply.keyboard?.flat().map((b) => b.text)).toEqual(['Main'])
        expect(connectionsTable(e.dbPath)).toBe(table)
      }),
      // Named cases on top of the random ones: an emoji across the 64-character echo limit, SQL, markup.
      { ...RUNS, examples: [['status', `${'a'.repeat(63)}😀`], ['delete', "'; DROP TABLE connections;--"], ['rename', '<b>Main</b>'], ['test', '&amp; </i>']] },
    )
  }, 40_000)

  it('commands typed mid-flow with hostile tails are never echoed, and the flow survives them', async () => {
    const user = newUser()
    await toNamePrompt(e, user)
    const command = fc.tuple(fc.constantFrom('x', 'status', 'a_b', 'delete'), hostileText).map(([c, tail]) => `/${c}${tail.replace(/^[\s@]+/, '')}`.slice(0, 4096))
    await fc.assert(
      fc.asyncProperty(command, async (text) => {
        const reply = await e.say(user, text)
        if (sniffed(text)) expect(reply.text).toBe(tr('en', 'command-credential-deleted'))
        else {
          // Not run (or, for a plain /status, answered by /status itself), never repeated back.
          expect([tr('en', 'flow-command-mid-flow'), tr('en', 'no-connections')], JSON.stringify(text.slice(0, 80))).toContain(reply.text)
        }
      }),
      { ...RUNS, numRuns: 30, examples: [[`/xy${'😀'.repeat(40)}`], ['/x<b>&amp;</i>']] },
    )
    expect((await e.say(user, '/cancel')).text).toContain('Cancelled')
  }, 40_000)

  it('callback data: random strings and mangled action codes are answered and change nothing', async () => {
    const user = newUser()
    const creds = fakeCredentials('mexc')
    e.ex.addAccount({ exchange: 'mexc', ...creds })
    await runConnect(e, user, { exchange: 'mexc', credentials: { apiKey: creds.apiKey, secret: creds.secret }, name: 'Mine' })
    const table = connectionsTable(e.dbPath)
    const codes = fc.constantFrom('fx', 'fm', 'fr', 'fs', 'fc', 't', 's', 'rn', 'rp', 'd', 'dy', 'dn')
    const data = fc.oneof(
      fc.string({ unit: 'binary', minLength: 1, maxLength: 64 }),
      fc.tuple(codes, hostileText).map(([c, x]) => `${c}:${x}`.slice(0, 64)),
      fc.tuple(codes, fc.stringMatching(/^[A-Za-z0-9_-]{1,24}$/)).map(([c, x]) => `${c}:${x}`),
    )
    await fc.assert(
      fc.asyncProperty(data, async (d) => {
        const on = await e.say(user, '/help')
        const q = e.tg.forgeCallback(user, on, d)
        await e.tg.waitFor(() => e.tg.callbackAnswer(q))
        expect(connectionsTable(e.dbPath)).toBe(table)
      }),
      { ...RUNS, numRuns: 60 },
    )
    expect((await e.say(user, '/help')).text).toContain('Commands')
  }, 40_000)

  it('hostile first names and usernames: /start, /connect and /connections still answer in well-formed HTML', async () => {
    await fc.assert(
      fc.asyncProperty(hostileText.map((s) => s.slice(0, 64)), async (name) => {
        const user = newUser(name)
        expect((await e.say(user, '/start')).text).toContain('BackFuture Connect')
        expect((await e.say(user, '/connections')).text).toContain('no connections')
      }),
      { ...RUNS, numRuns: 30 },
    )
  }, 40_000)
})
