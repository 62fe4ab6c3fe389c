/** htx (not built yet). */
import { json, type FakeResponse, type RouteContext } from './http.js'

/** Answers one htx request. */
export function htxRoute(_ctx: RouteContext): FakeResponse {
  return json(404, {})
}
