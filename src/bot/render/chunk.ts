/** Telegram refuses texts over 4,096 characters; raw HTML is longer than what it counts, so this is safe. */
export const MESSAGE_LIMIT = 4000

/**
 * Packs blocks (cards, paragraphs) into as few messages as fit under the limit, splitting an
 * oversized block between lines. Our HTML tags never span lines, so every piece stays valid.
 */
export function packMessages(blocks: readonly string[], limit = MESSAGE_LIMIT): string[] {
  const out: string[] = []
  let current = ''
  const push = (piece: string, sep: string) => {
    if (!current) current = piece
    else if (current.length + sep.length + piece.length <= limit) current += sep + piece
    else {
      out.push(current)
      current = piece
    }
  }
  for (const block of blocks) {
    if (block.length <= limit) {
      push(block, '\n\n')
      continue
    }
    for (const line of block.split('\n')) push([...line].slice(0, limit).join(''), current ? '\n' : '')
  }
  if (current) out.push(current)
  return out
}
