/**
 * node-fetch 2 (grammY's own fetch on Node) ships no types. grammY's declarations name this
 * module too, and have always seen it untyped, so it stays loosely typed here; the transport
 * narrows it where it is used.
 */
declare module 'node-fetch' {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const fetch: (url: any, init?: any) => Promise<any>
  export default fetch
}
