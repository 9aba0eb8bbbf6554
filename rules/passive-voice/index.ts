import retextPassive from 'retext-passive'
import {adoptRetext, type Rule} from '../../src/kit/index.js'

export interface PassiveVoiceOptions {
  /** Phrases not to warn about, such as `was born`. */
  readonly allow: readonly string[]
}

export const rule: Rule<PassiveVoiceOptions> = {
  meta: {
    id: 'passive-voice',
    description: 'Passive constructions, agentless ones above all ("was arrested")',
    severity: 'warning',
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
    const transformer = retextPassive({ignore: options.allow})
    return (tree, file) => adoptRetext(rule.meta, transformer, tree, file)
  }
}
