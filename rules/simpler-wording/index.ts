import retextSimplify from 'retext-simplify'
import {adoptRetext, type Rule} from '../../src/kit/index.js'

export interface SimplerWordingOptions {
  /** Phrases not to warn about, as written in the message (`utilize`, `in order to`). */
  readonly allow: readonly string[]
}

export const rule: Rule<SimplerWordingOptions> = {
  meta: {
    id: 'simpler-wording',
    description: 'Phrases with simpler alternatives',
    severity: 'info',
    fixable: false,
    recommended: true,
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {allow: {type: 'array', items: {type: 'string'}, uniqueItems: true}}
    },
    defaults: {allow: []}
  },
  plugin(options) {
    // retext-simplify's `ignore` takes the phrases of its list, lowercase, as its messages show them.
    const transformer = retextSimplify({ignore: options.allow.map((phrase) => phrase.toLowerCase())})
    return (tree, file) => adoptRetext(rule.meta, transformer, tree, file)
  }
}
