import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { readFeed } from '../../services/events.js'
import { requireScope } from '../auth.js'
import type { PlatformApiDeps } from '../deps.js'
import { eventDto } from '../dto.js'
import { AUTH_ERRORS, CursorGone, EventPageSchema, EventsQuery } from '../schemas.js'

/**
 * GET /v1/events (scope `status`): the feed after a cursor, held open up to `wait` seconds
 * when there is nothing yet (long poll). It answers as soon as an event commits, when the wait
 * ends, when the client goes away, or at shutdown.
 */
export const eventRoutes: FastifyPluginAsyncZod<{ deps: PlatformApiDeps }> = async (app, { deps }) => {
  app.get('/v1/events', {
    onRequest: requireScope(deps.tokens, 'status'),
    schema: {
      summary: 'Event feed (long poll)',
      description: 'Events after `after`, oldest first. With `wait`, an empty answer is held until an event commits or the wait ends. 410 when the cursor is older than the events kept (or newer than any): resync from /v1/connections and continue from `newest`.',
      security: [{ bearer: [] }],
      querystring: EventsQuery,
      response: { 200: EventPageSchema, 410: CursorGone, ...AUTH_ERRORS },
    },
  }, async (req, reply) => {
    const { after, wait, limit } = req.query
    const cursor = after === undefined ? undefined : Number(after)
    const deadline = Date.now() + wait * 1000
    const gone = new AbortController()
    reply.raw.once('close', () => gone.abort())
    for (;;) {
      const page = readFeed(deps.events, cursor, limit)
      if (!page.ok) return reply.code(410).send({ error: page.reason, oldest: page.oldest === null ? null : String(page.oldest), newest: String(page.newest) })
      const left = deadline - Date.now()
      if (page.events.length > 0 || left <= 0 || deps.waiters.closed || gone.signal.aborted) return { events: page.events.map(eventDto), cursor: String(page.cursor) }
      // Read and park in the same tick: an event committed after the read wakes this request.
      await deps.waiters.park(left, gone.signal)
    }
  })
}
