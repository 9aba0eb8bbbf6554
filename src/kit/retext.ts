import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {ruleUrl, source} from './report.js'
import type {RuleMeta} from './types.js'

type Transformer = (tree: Root, file: VFile) => void

/**
 * Runs a stock retext transformer and claims its messages for a copydesk rule, so they render
 * like every other finding (rule id, source, docs url). `adjust` may rewrite or drop a message.
 */
export function adoptRetext(
  meta: Pick<RuleMeta, 'id'>,
  transformer: Transformer,
  tree: Root,
  file: VFile,
  adjust?: (message: VFile['messages'][number]) => boolean
): void {
  const before = file.messages.length
  transformer(tree, file)
  const added = file.messages.splice(before)
  for (const message of added) {
    message.ruleId = meta.id
    message.source = source
    message.url = ruleUrl(meta.id)
    // retext sets `actual` from the tree's text; our `actual` is always the flagged source, as users see it.
    const place = message.place
    if (message.actual !== undefined && place && 'start' in place) {
      const {start, end} = place
      if (start.offset !== undefined && end.offset !== undefined)
        message.actual = String(file.value).slice(start.offset, end.offset)
    }
    if (!adjust || adjust(message)) file.messages.push(message)
  }
}
