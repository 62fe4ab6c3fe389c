import rateLimit from '@fastify/rate-limit'
import swagger from '@fastify/swagger'
import Fastify, { LogController } from 'fastify'
import { hasZodFastifySchemaValidationErrors, jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod'
import type { PlatformApiDeps } from './deps.js'
import { connectionRoutes } from './routes/connections.js'
import { credentialRoutes } from './routes/credentials.js'
import { eventRoutes } from './routes/events.js'
import { opsRoutes } from './routes/ops.js'

/** Thrown by the rate limiter (its errorResponseBuilder), answered as 429 by the error handler. */
class RateLimitedError extends Error {
  readonly statusCode = 429
  constructor(readonly retryAfterSeconds: number) {
    super('rate limited')
  }
}

/** The running API: where it listens, and how to stop it. */
export interface PlatformApi {
  app: Awaited<ReturnType<typeof buildPlatformApi>>
  /** The base URL it listens on, e.g. http://127.0.0.1:8787 (the real port when 0 was asked). */
  url: string
  close(): Promise<void>
}

/**
 * Builds the platform API on Fastify 5: our scrubbing pino logger (a child of it, with Fastify's
 * per-request logging off: one line per request of our own, never a body, never a header), zod
 * validation of every input and output, the OpenAPI document generated from the same schemas,
 * and a per-token rate limit on credential reads.
 */
export async function buildPlatformApi(deps: PlatformApiDeps) {
  const logger = deps.logger.child({ component: 'platform-api' })
  const app = Fastify({ loggerInstance: logger, logController: new LogController({ disableRequestLogging: true }), bodyLimit: 4096, trustProxy: false, forceCloseConnections: true, return503OnClosing: true }).withTypeProvider<ZodTypeProvider>()
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  app.decorateRequest('principal', null)
  // No route takes a body; a client that labels an empty POST as JSON (many HTTP libraries do) is not refused for it.
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    if (body === '') return done(null, undefined)
    try {
      done(null, JSON.parse(body as string))
    } catch {
      done(Object.assign(new Error('invalid JSON body'), { statusCode: 400 }), undefined)
    }
  })

  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'unmatched'
    const seconds = reply.elapsedTime / 1000
    deps.metrics.apiRequest(route, req.method, reply.statusCode, seconds)
    const line = { route, method: req.method, status: reply.statusCode, ms: Math.round(reply.elapsedTime), token: req.principal?.name, remoteAddress: req.ip }
    if (reply.statusCode >= 500) logger.error(line, 'platform api request failed')
    else if (reply.statusCode >= 400) logger.info(line, 'platform api request refused')
    else logger.debug(line, 'platform api request')
  })

  app.setErrorHandler(async (err, req, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      // Paths and codes only: a message could quote what the caller sent.
      const issues = err.validation.map((v) => ({ path: `${err.validationContext ?? ''}${v.instancePath}`, code: v.keyword }))
      return reply.code(400).send({ error: 'BAD_REQUEST', issues })
    }
    if (err instanceof RateLimitedError) return reply.code(429).header('Retry-After', String(err.retryAfterSeconds)).send({ error: 'RATE_LIMITED', retryAfterSeconds: err.retryAfterSeconds })
    const status = (err as { statusCode?: number }).statusCode
    if (status && status >= 400 && status < 500) return reply.code(status).send({ error: 'BAD_REQUEST', issues: [] })
    logger.error({ err, route: req.routeOptions.url }, 'platform api handler failed')
    return reply.code(500).send({ error: 'INTERNAL' })
  })
  app.setNotFoundHandler(async (_req, reply) => reply.code(404).send({ error: 'NOT_FOUND' }))

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'BackFuture Connect platform gate', version: '1.0.0', description: 'How the trading platform reads connections, their credentials (only while Online and not paused) and the event feed.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'A service token from `npm run platform-token -- create <name> --scope status|credentials`' } } },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  })
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) => new RateLimitedError(Math.max(1, Math.ceil(ctx.ttl / 1000))),
    onExceeded: (req) => logger.warn({ token: req.principal?.name, route: req.routeOptions.url }, 'platform api rate limit reached'),
  })
  await app.register(connectionRoutes, { deps })
  await app.register(credentialRoutes, { deps })
  await app.register(eventRoutes, { deps })
  await app.register(opsRoutes, { deps })
  app.get('/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger())
  return app
}

/** Builds the API and listens on `settings.host:settings.port`; close() ends long polls first. */
export async function startPlatformApi(deps: PlatformApiDeps): Promise<PlatformApi> {
  const app = await buildPlatformApi(deps)
  await app.listen({ host: deps.settings.host, port: deps.settings.port })
  const address = app.server.address()
  const port = typeof address === 'object' && address ? address.port : deps.settings.port
  const host = deps.settings.host.includes(':') ? `[${deps.settings.host}]` : deps.settings.host
  const url = `http://${host}:${port}`
  deps.logger.info({ url }, 'platform api listening')
  return {
    app,
    url,
    async close() {
      deps.waiters.close()
      await app.close()
    },
  }
}
