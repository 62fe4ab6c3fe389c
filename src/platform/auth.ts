import type { FastifyReply, FastifyRequest } from 'fastify'
import type { TokenScope } from '../domain/platform-events.js'
import type { Principal, TokenService } from '../services/platform-tokens.js'

declare module 'fastify' {
  interface FastifyRequest {
    /** The verified service token behind this request (null until `requireScope` ran, or when it failed). */
    principal: Principal | null
  }
}

const BEARER = /^Bearer ([\x21-\x7e]{1,200})$/

/**
 * An onRequest hook for a route that needs `scope`: no or an unknown/revoked token is a 401 with
 * no detail (nothing tells a prober which part was wrong); a valid token without the scope is a
 * 403 naming the scope needed. The token comparison is constant-time (see TokenService.verify).
 */
export function requireScope(tokens: TokenService, scope: TokenScope) {
  return async (req: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const m = BEARER.exec(req.headers.authorization ?? '')
    const principal = m ? tokens.verify(m[1]!) : null
    if (!principal) {
      await reply.code(401).header('WWW-Authenticate', 'Bearer realm="backfuture-connect"').send({ error: 'UNAUTHORIZED' })
      return
    }
    req.principal = principal
    if (!principal.scopes.includes(scope)) await reply.code(403).send({ error: 'FORBIDDEN', requiredScope: scope })
  }
}
