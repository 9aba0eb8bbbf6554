import {describe, expect, it} from 'vitest'
import {entries} from '../../rules/loaded-wording/index.js'
import {findings, only} from '../helpers.js'

// Every entry is exercised, whatever its strength, and quotations too, so the examples test the words.
const config = only({'loaded-wording': ['warning', {strength: 'info'}]})
const categories = [
  'label',
  'emotive-verb',
  'said-word',
  'emotive-adjective',
  'editorial-adverb',
  'puffery',
  'intensifier',
  'idiom'
]
const keys = new Set(['phrase', 'forms', 'category', 'expected', 'reason', 'strength', 'context', 'plainObjects', 'examples'])
const lowercaseWords = /^[a-z0-9][a-z0-9' -]*[a-z0-9]$/

function flaggedWords(sentence: string): string[] {
  return findings(sentence, 'txt', config)
    .filter((finding) => finding.ruleId === 'loaded-wording')
    .map((finding) => finding.text.toLowerCase())
}

describe('loaded-wording lexicon: schema', () => {
  it.each(entries.map((entry) => [entry.phrase, entry] as const))('%s', (_phrase, entry) => {
    expect(Object.keys(entry).every((key) => keys.has(key))).toBe(true)
    expect(entry.phrase).toMatch(lowercaseWords)
    expect(entry.forms.length).toBeGreaterThan(0)
    for (const form of entry.forms) {
      expect(form).toMatch(lowercaseWords)
      // The matcher strips `'s`; a possessive form would never match.
      expect(form.endsWith("'s")).toBe(false)
    }
    expect(new Set(entry.forms).size).toBe(entry.forms.length)
    expect(categories).toContain(entry.category)
    expect(['warning', 'info']).toContain(entry.strength)
    expect([undefined, 'attribution', 'sentence-adverb', 'before-noun', 'as-noun', 'qualifier']).toContain(entry.context)
    expect(entry.expected.length).toBeLessThanOrEqual(4)
    // Only editorialising adverbs are fixed by deletion; everything else offers a neutral word.
    if (entry.expected.length === 0) expect(entry.category).toBe('editorial-adverb')
    for (const word of entry.expected) expect(entry.forms).not.toContain(word.toLowerCase())
    expect(entry.reason).toMatch(/^[A-Z].{20,}[.)]$/)
    expect(entry.examples.bad.length).toBeGreaterThan(0)
    expect(entry.examples.good.length).toBeGreaterThan(0)
  })
})

describe('loaded-wording lexicon: no duplicates or overlaps', () => {
  it('has unique phrases', () => {
    const phrases = entries.map((entry) => entry.phrase)
    expect(phrases.filter((phrase, index) => phrases.indexOf(phrase) !== index)).toEqual([])
  })

  it('lists each form in one entry only', () => {
    const owner = new Map<string, string>()
    const clashes: string[] = []
    for (const entry of entries) {
      for (const form of entry.forms) {
        const other = owner.get(form)
        if (other !== undefined) clashes.push(`${form}: ${other} and ${entry.phrase}`)
        owner.set(form, entry.phrase)
      }
    }
    expect(clashes).toEqual([])
  })

  it('never offers a flagged form of another entry as an alternative', () => {
    const forms = new Set(entries.flatMap((entry) => entry.forms))
    const offered = entries.flatMap((entry) =>
      entry.expected.filter((word) => forms.has(word.toLowerCase())).map((word) => `${entry.phrase} → ${word}`)
    )
    expect(offered).toEqual([])
  })
})

describe('loaded-wording lexicon: examples run through the rule', () => {
  const cases = entries.flatMap((entry) => [
    ...entry.examples.bad.map((sentence) => ['bad', entry.phrase, sentence, entry.forms] as const),
    ...entry.examples.good.map((sentence) => ['good', entry.phrase, sentence, entry.forms] as const)
  ])

  it.each(cases)('%s %s: %s', (kind, _phrase, sentence, forms) => {
    const flagged = flaggedWords(sentence)
    if (kind === 'bad') expect(flagged.some((word) => forms.includes(word.replace(/[’']s$/, '')))).toBe(true)
    else expect(flagged).toEqual([])
  })
})
