/** gate (not built yet). */
import { json, type FakeResponse, type RouteContext } from './http.js'

/** Answers one gate request. */
export function gateRoute(_ctx: RouteContext): FakeResponse {
  return json(404, {})
}
