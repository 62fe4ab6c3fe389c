import { Composer, type Context, type Middleware, type MiddlewareFn, type NextFunction } from 'grammy'

/**
 * grammY's Composer with a cheaper middleware chain, for the bot's features (the tree every
 * update walks). grammY's own `filter` (behind `command`, `on`, `callbackQuery`, `chatType`…) is
 * `branch` → `lazy`, which builds a new Composer, an array and closures at every filter an update
 * passes, matched or not; and its `use` links middleware with two async functions per link, so
 * each link passed costs two promises and two closures. A /status walks some thirty links: that
 * garbage was a quarter of everything the bot allocated per update (bench:status). Here a filter
 * tests its predicate in place, and a link is one plain closure that hands back the middleware's
 * own result. Semantics are grammY's: middleware runs in registration order, the predicate is
 * asked once per update (awaited when it returns a promise), `next` returns a promise and may be
 * called once, errors reach the enclosing error boundary, and middleware added to a composer
 * after it was registered still runs.
 */
export class BotComposer<C extends Context> extends Composer<C> {
  constructor(...middleware: Array<Middleware<C>>) {
    super()
    if (middleware.length > 0) this.chain = middleware.map(flatten).reduce(link)
  }

  /** grammY keeps the chain in a private field; it is read and replaced only here. */
  private get chain(): MiddlewareFn<C> {
    return (this as unknown as { handler: MiddlewareFn<C> }).handler
  }

  private set chain(fn: MiddlewareFn<C>) {
    ;(this as unknown as { handler: MiddlewareFn<C> }).handler = fn
  }

  override use(...middleware: Array<Middleware<C>>): Composer<C> {
    const composer = new BotComposer<C>(...middleware)
    this.chain = link(this.chain, flatten(composer))
    return composer
  }

  override filter<D extends C>(predicate: (ctx: C) => ctx is D, ...middleware: Array<Middleware<D>>): Composer<D>
  override filter(predicate: (ctx: C) => boolean | Promise<boolean>, ...middleware: Array<Middleware<C>>): Composer<C>
  override filter(predicate: (ctx: C) => boolean | Promise<boolean>, ...middleware: Array<Middleware<C>>): Composer<C> {
    const inner = new BotComposer<C>(...middleware)
    // `inner.middleware()` is read per update: handlers added to `inner` later must run too.
    const run = (ok: boolean, ctx: C, next: NextFunction) => (ok ? inner.middleware()(ctx, next) : next())
    this.use((ctx, next) => {
      const ok = predicate(ctx)
      return typeof ok === 'boolean' ? run(ok, ctx, next) : ok.then((yes) => run(yes, ctx, next))
    })
    return inner
  }
}

function flatten<C extends Context>(mw: Middleware<C>): MiddlewareFn<C> {
  return typeof mw === 'function' ? mw : (ctx, next) => mw.middleware()(ctx, next)
}

/** `first`, then `andThen` when `first` calls next: one closure per link, `next` still a promise and single-use. */
function link<C extends Context>(first: MiddlewareFn<C>, andThen: MiddlewareFn<C>): MiddlewareFn<C> {
  return (ctx, next) => {
    let called = false
    return first(ctx, () => {
      if (called) return Promise.reject(new Error('`next` already called before!'))
      called = true
      try {
        // A native promise passes through Promise.resolve as it is: nothing allocated.
        return Promise.resolve(andThen(ctx, next)) as Promise<void>
      } catch (err) {
        return Promise.reject(err)
      }
    })
  }
}
