/**
 * What the production bundle loads in place of `whatwg-url` (build.config.mjs aliases it).
 * node-fetch 2 requires it at load but uses it only where Node has no URL of its own
 * (`Url.URL || whatwgUrl.URL`), which no supported Node lacks; it and its Unicode table (tr46)
 * were 340 KB of the bundle parsed at every start.
 */
export const URL = globalThis.URL
/** Exported for completeness: node-fetch reads only URL. */
export const URLSearchParams = globalThis.URLSearchParams
