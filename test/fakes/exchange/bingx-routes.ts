/** bingx (not built yet). */
import { json, type FakeResponse, type RouteContext } from './http.js'

/** Answers one bingx request. */
export function bingxRoute(_ctx: RouteContext): FakeResponse {
  return json(404, {})
}
