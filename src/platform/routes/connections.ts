import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { requireScope } from '../auth.js'
import type { PlatformApiDeps } from '../deps.js'
import { connectionDto } from '../dto.js'
import { AUTH_ERRORS, ConnectionListQuery, ConnectionListSchema, ConnectionParams, ConnectionSchema, NotFound } from '../schemas.js'

/** GET /v1/connections and /v1/connections/:id (scope `status`): every user's connections, never a credential. */
export const connectionRoutes: FastifyPluginAsyncZod<{ deps: PlatformApiDeps }> = async (app, { deps }) => {
  const auth = requireScope(deps.tokens, 'status')
  app.get('/v1/connections', {
    onRequest: auth,
    schema: {
      summary: 'List connections',
      description: 'Every connection of every trader, ordered by id; filter by status or exchange, page with cursor.',
      security: [{ bearer: [] }],
      querystring: ConnectionListQuery,
      response: { 200: ConnectionListSchema, ...AUTH_ERRORS },
    },
  }, async (req) => {
    const { status, exchange, cursor, limit } = req.query
    const page = deps.gate.list({ status, exchange, after: cursor, limit: limit + 1 })
    const more = page.length > limit
    const shown = page.slice(0, limit)
    return { connections: shown.map(connectionDto), nextCursor: more ? shown.at(-1)!.id : null }
  })

  app.get('/v1/connections/:id', {
    onRequest: auth,
    schema: {
      summary: 'One connection',
      security: [{ bearer: [] }],
      params: ConnectionParams,
      response: { 200: ConnectionSchema, 404: NotFound, ...AUTH_ERRORS },
    },
  }, async (req, reply) => {
    const c = deps.gate.get(req.params.id)
    if (!c) return reply.code(404).send({ error: 'NOT_FOUND' as const })
    return connectionDto(c)
  })
}
