import { Api, Composer, Context, type NextFunction } from 'grammy'
import type { Update, UserFromGetMe } from 'grammy/types'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { BotComposer } from '../../../src/bot/composer.js'

const me = { id: 42, is_bot: true, first_name: 'Bot', username: 'bfc_bot' } as UserFromGetMe
const api = new Api('1:test')

let updateId = 0
const chat = (type: 'private' | 'group') => (type === 'private' ? { id: 7, type, first_name: 'T' } as const : { id: -7, type, title: 'G' } as const)
function message(text: string, type: 'private' | 'group' = 'private'): Context {
  const command = text.startsWith('/') ? [{ type: 'bot_command' as const, offset: 0, length: text.split(' ')[0]!.length }] : undefined
  const update: Update = { update_id: ++updateId, message: { message_id: updateId, date: 0, chat: chat(type), from: { id: 7, is_bot: false, first_name: 'T' }, text, ...(command ? { entities: command } : {}) } }
  return new Context(update, api, me)
}
function tap(data: string): Context {
  const update: Update = { update_id: ++updateId, callback_query: { id: String(updateId), chat_instance: 'c', from: { id: 7, is_bot: false, first_name: 'T' }, data, message: { message_id: 1, date: 0, chat: chat('private'), text: 'menu' } } }
  return new Context(update, api, me)
}

type Make = () => Composer<Context>
/** The same middleware tree, built on either composer; every step writes to `trace`. */
function tree(make: Make, trace: string[]): Composer<Context> {
  const root = make()
  root.use(async (_ctx, next) => {
    trace.push('log:in')
    await next()
    trace.push('log:out')
  })
  const groups = root.chatType(['group', 'supergroup'])
  groups.command('status', () => void trace.push('group:status'))
  const priv = root.chatType('private')
  priv.command('start', () => void trace.push('start'))
  priv.command('status', async (_ctx, next) => {
    trace.push('status:first')
    await next()
  })
  priv.callbackQuery(/^s:/, () => void trace.push('tap:s'))
  priv.filter(async (ctx) => ctx.msg?.text === 'async please', () => void trace.push('async-filter'))
  // A handler added to a filter's composer after registration still runs.
  const late = priv.command('late')
  late.use(() => void trace.push('late'))
  root.on('message:text', () => void trace.push('fallback:text'))
  root.use(() => void trace.push('end'))
  return root
}

async function run(make: Make, ctx: Context): Promise<string[]> {
  const trace: string[] = []
  await tree(make, trace).middleware()(ctx, async () => void trace.push('next-of-root'))
  return trace
}

afterEach(() => vi.restoreAllMocks())

describe('BotComposer', () => {
  const grammy: Make = () => new Composer<Context>()
  const ours: Make = () => new BotComposer<Context>()
  const updates: Array<[string, () => Context]> = [
    ['a command it handles', () => message('/start')],
    ['a command whose handler calls next', () => message('/status')],
    ['the same command in a group', () => message('/status', 'group')],
    ['a button', () => tap('s:abc')],
    ['a button nobody handles', () => tap('zz')],
    ['an async predicate', () => message('async please')],
    ['a handler added after registration', () => message('/late')],
    ['plain text', () => message('hello')],
  ]
  for (const [what, make] of updates) {
    it(`runs the same middleware in the same order as grammY's Composer: ${what}`, async () => {
      const expected = await run(grammy, make())
      expect(expected.length).toBeGreaterThan(2)
      expect(await run(ours, make())).toEqual(expected)
    })
  }

  it("builds nothing per update: the composers an update walks are the same objects every time (grammY's filters build new ones)", async () => {
    const walked = (seen: Set<unknown>) => vi.spyOn(Composer.prototype, 'middleware').mockImplementation(function (this: Composer<Context>) {
      seen.add(this)
      return (this as unknown as { handler: ReturnType<Composer<Context>['middleware']> }).handler
    })
    const newPerUpdate = async (make: Make): Promise<number> => {
      const root = tree(make, [])
      const first = new Set<unknown>()
      const second = new Set<unknown>()
      walked(first)
      await root.middleware()(message('/status'), async () => {})
      vi.restoreAllMocks()
      walked(second)
      await root.middleware()(message('/status'), async () => {})
      vi.restoreAllMocks()
      expect(first.size).toBeGreaterThan(3)
      return [...second].filter((c) => !first.has(c)).length
    }
    expect(await newPerUpdate(ours)).toBe(0)
    expect(await newPerUpdate(grammy)).toBeGreaterThan(3)
  })

  it('hands middleware a next() that returns a promise, even when what follows is synchronous', async () => {
    const c = new BotComposer<Context>()
    let returned: unknown
    c.use((_ctx, next) => {
      returned = next()
      return returned as Promise<void>
    })
    c.use(() => 'not a promise')
    await c.middleware()(message('x'), async () => {})
    expect(returned).toBeInstanceOf(Promise)
  })

  it('refuses a second call of next(), as grammY does', async () => {
    const c = new BotComposer<Context>()
    const after = vi.fn()
    c.use(async (_ctx, next) => {
      await next()
      await next()
    })
    c.use(after)
    await expect(c.middleware()(message('x'), async () => {})).rejects.toThrow('`next` already called before!')
    expect(after).toHaveBeenCalledTimes(1)
  })

  it('turns an error thrown synchronously after next() into a rejection of that next()', async () => {
    const c = new BotComposer<Context>()
    let caught: unknown
    c.use(async (_ctx, next) => {
      await next().catch((err: unknown) => (caught = err))
    })
    c.use(() => {
      throw new Error('boom')
    })
    await c.middleware()(message('x'), async () => {})
    expect(caught).toEqual(new Error('boom'))
  })

  it("lets errors from its filters' handlers reach an error boundary around it", async () => {
    const bot = new Composer<Context>()
    const features = new BotComposer<Context>()
    const seen: unknown[] = []
    bot.errorBoundary((err) => void seen.push(err.error), features)
    features.chatType('private').command('status', () => {
      throw new Error('handler failed')
    })
    features.filter(async () => {
      throw new Error('predicate failed')
    })
    await bot.middleware()(message('/status'), async () => {})
    await bot.middleware()(message('other'), async () => {})
    expect(seen).toEqual([new Error('handler failed'), new Error('predicate failed')])
  })

  it('passes the outer next on when nothing inside handles the update', async () => {
    const c = new BotComposer<Context>(async (_ctx, next: NextFunction) => next())
    c.command('start', () => {})
    const outer = vi.fn(async () => {})
    await c.middleware()(message('/other'), outer)
    await c.middleware()(message('/start'), outer)
    expect(outer).toHaveBeenCalledTimes(1)
  })
})
