import type {} from '@fastify/rate-limit' // its route `config.rateLimit` typing
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { requireScope } from '../auth.js'
import type { PlatformApiDeps } from '../deps.js'
import { AUTH_ERRORS, ConnectionParams, CredentialsSchema, GateClosed, NotFound, RateLimited } from '../schemas.js'

const CONNECTION_ID = /^[A-Za-z0-9_-]{1,24}$/

/** Requests whose audit record the gate already wrote. */
const audited = new WeakSet<FastifyRequest>()

// Outcomes decided before the handler ran (auth, validation, the rate limit), for the audit trail.
const EDGE_OUTCOME: Record<number, string> = { 400: 'bad_request', 401: 'unauthorized', 403: 'forbidden', 429: 'rate_limited' }

/**
 * POST /v1/connections/:id/credentials (scope `credentials`): the unsealed credentials, only
 * while the connection is online and not paused, else 409 with its state. Never cached, rate
 * limited per token, and every call audited: the gate writes the record in the transaction that
 * serves the credentials; calls refused before the handler are recorded when they end.
 */
export const credentialRoutes: FastifyPluginAsyncZod<{ deps: PlatformApiDeps }> = async (app, { deps }) => {
  const noStore = async (_req: FastifyRequest, reply: FastifyReply): Promise<void> => {
    reply.header('Cache-Control', 'no-store')
  }
  app.post('/v1/connections/:id/credentials', {
    onRequest: [noStore, requireScope(deps.tokens, 'credentials')],
    config: {
      rateLimit: {
        max: deps.settings.credentialsPerMinute,
        timeWindow: 60_000,
        hook: 'preHandler',
        keyGenerator: (req: FastifyRequest) => req.principal?.tokenId ?? req.ip,
      },
    },
    async onResponse(req, reply) {
      if (audited.has(req)) return
      const id = (req.params as { id?: unknown } | undefined)?.id
      deps.audit.add({
        at: Date.now(),
        tokenId: req.principal?.tokenId ?? null,
        // Only something shaped like a connection id: a caller's mistake (a token pasted as the id) must not land in the audit.
        connectionId: typeof id === 'string' && CONNECTION_ID.test(id) ? id : null,
        outcome: EDGE_OUTCOME[reply.statusCode] ?? 'failed',
        httpStatus: reply.statusCode,
        remoteAddress: req.ip,
      })
    },
    schema: {
      summary: 'Read the credentials of an online connection',
      description: 'Only while the connection is online and not paused; otherwise 409 with its status. Audited, rate limited per token, Cache-Control: no-store.',
      security: [{ bearer: [] }],
      params: ConnectionParams,
      response: { 200: CredentialsSchema, 404: NotFound, 409: GateClosed, 429: RateLimited, ...AUTH_ERRORS },
    },
  }, async (req, reply) => {
    audited.add(req) // the gate audits every outcome, a failure included
    const r = deps.gate.credentials(req.params.id, { tokenId: req.principal!.tokenId, remoteAddress: req.ip })
    if (r.outcome === 'not_found') return reply.code(404).send({ error: 'NOT_FOUND' as const })
    if (r.outcome === 'closed') return reply.code(409).send({ error: 'GATE_CLOSED' as const, status: r.status, paused: r.paused })
    const c = r.connection
    return { connectionId: c.id, exchange: c.exchange, market: c.market, apiKey: r.credentials.apiKey, secret: r.credentials.secret, passphrase: r.credentials.passphrase ?? null }
  })
}
