import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { requireScope } from '../auth.js'
import type { PlatformApiDeps } from '../deps.js'
import { z } from 'zod'
import { Forbidden, Health, Readiness, Unauthorized } from '../schemas.js'

/** GET /healthz (the process answers), /readyz (it can do its job), /metrics (Prometheus text, scope `status`). */
export const opsRoutes: FastifyPluginAsyncZod<{ deps: PlatformApiDeps }> = async (app, { deps }) => {
  app.get('/healthz', { schema: { summary: 'Liveness', response: { 200: Health } } }, async () => ({ ok: true }))

  app.get('/readyz', {
    schema: { summary: 'Readiness: database open, Telegram reachable (or webhook registered)', response: { 200: Readiness, 503: Readiness } },
  }, async (_req, reply) => {
    const r = await deps.ready()
    const body = { ready: r.database && r.telegram, checks: { database: r.database ? 'ok' as const : 'fail' as const, telegram: r.telegram ? 'ok' as const : 'fail' as const } }
    return reply.code(body.ready ? 200 : 503).send(body)
  })

  app.get('/metrics', {
    onRequest: requireScope(deps.tokens, 'status'),
    schema: {
      summary: 'Prometheus metrics (text exposition format)',
      security: [{ bearer: [] }],
      response: { 200: { description: 'Prometheus text exposition', content: { 'text/plain': { schema: z.string() } } }, 401: Unauthorized, 403: Forbidden },
    },
  }, async (_req, reply) => {
    const { body, contentType } = await deps.metrics.render()
    return reply.type(contentType).send(body)
  })
}
