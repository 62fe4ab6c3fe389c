/** coinbase (not built yet). */
import { json, type FakeResponse, type RouteContext } from './http.js'

/** Answers one coinbase request. */
export function coinbaseRoute(_ctx: RouteContext): FakeResponse {
  return json(404, {})
}
