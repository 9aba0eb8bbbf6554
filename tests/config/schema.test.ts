import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {readmeWithRules, schemaText} from '../../src/generate.js'
import {rules} from '../../src/registry.js'

describe('lintrc.schema.json', () => {
  it('is generated from the rules and up to date (run `npm run generate`)', () => {
    const committed = readFileSync(new URL('../../lintrc.schema.json', import.meta.url), 'utf8')
    expect(committed).toBe(schemaText())
  })

  it('README.md’s rules table is generated from the rules and up to date', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
    expect(readme).toBe(readmeWithRules(readme))
  })

  it('has an entry for every rule, each with the rule’s own options schema', () => {
    const schema = JSON.parse(schemaText())
    expect(Object.keys(schema.properties.rules.properties).sort()).toEqual(rules.map((rule) => rule.meta.id).sort())
  })

  it('the repo’s own .lintrc.json follows it', async () => {
    const {resolveConfigFile} = await import('../../src/config/load.js')
    expect(() => resolveConfigFile(new URL('../../.lintrc.json', import.meta.url).pathname)).not.toThrow()
  })
})

describe('rule metadata', () => {
  it.each(rules.map((rule) => [rule.meta.id, rule] as const))(
    '%s: kebab-case id, defaults valid against its schema',
    async (id, rule) => {
      expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/)
      const {Ajv} = await import('ajv')
      const {patternFormat, patternProblem} = await import('../../src/kit/patterns.js')
      const ajv = new Ajv({strictTuples: false}).addFormat(patternFormat, (text: string) => patternProblem(text) === undefined)
      const validate = ajv.compile(rule.meta.schema)
      expect(validate(rule.meta.defaults), JSON.stringify(validate.errors)).toBe(true)
      expect(rule.meta.description.length).toBeGreaterThan(10)
    }
  )
})
