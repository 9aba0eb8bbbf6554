import {describe, expect, it} from 'vitest'
import {phraseKey} from '../../rules/simpler-wording/index.js'
import data from '../../rules/simpler-wording/phrases.json' with {type: 'json'}
import {findings, only} from '../helpers.js'

const config = only({'simpler-wording': 'info'})
const check = (text: string) => findings(`Headline\n\n${text}\n`, 'txt', config).map((f) => f.text)

describe('simpler-wording', () => {
  it.each([
    ['In order to save money, it closed.', ['In order to']],
    ['Work will commence on Monday.', ['commence']],
    ['They utilise a number of vans.', ['utilise', 'a number of']],
    ['He left prior to the vote.', ['prior to']],
    ['She met him on a daily basis.', ['on a daily basis']]
  ])('%s', (text, expected) => {
    expect(check(text)).toEqual(expected)
  })

  it.each([
    ['it is', 'It is raining.'],
    ['there are', 'There are 400 homes at risk.'],
    ['remain', 'The man remained in custody.'],
    ['option', 'It was the least bad option.'],
    ['previously', 'ISIS has previously claimed attacks.'],
    ['objective', 'One objective is recruitment.'],
    ['forward', 'Wexbridge Forward campaigned.'],
    ['the number of', 'The number of children rose.'],
    ['in order', 'The accounts were in order.']
  ])('leaves news wording alone: %s', (_name, text) => {
    expect(check(text)).toEqual([])
  })

  it('leaves quoted speech alone', () => {
    expect(check('"We will commence work," she said.')).toEqual([])
  })

  it('reports the place, the words as read and the alternatives', () => {
    const found = findings('Headline\n\nWork will commence soon.\n', 'txt', config)
    expect(found).toMatchObject([{text: 'commence', start: 20, end: 28, line: 3, column: 11, severity: 'info'}])
  })

  it('allow takes the phrases as the messages show them, in any case', () => {
    const allowing = only({'simpler-wording': ['info', {allow: ['Utilise', 'in  order to']}]})
    expect(
      findings('Headline\n\nIn order to win, they utilise vans and commence.\n', 'txt', allowing).map((f) => f.text)
    ).toEqual(['commence'])
  })

  describe('the phrase list', () => {
    const phrases: Record<string, {replace: string[]; omit?: boolean}> = data.phrases
    const dropped: Record<string, string> = data.dropped
    it('has no duplicate keys once normalised', () => {
      const keys = Object.keys(phrases).map(phraseKey)
      expect(new Set(keys).size).toBe(keys.length)
    })
    it('never lists a dropped phrase, and gives every drop a reason', () => {
      for (const [phrase, reason] of Object.entries(dropped)) {
        expect(phrases[phrase], phrase).toBeUndefined()
        expect(reason.length, phrase).toBeGreaterThan(10)
      }
    })
    it('offers an alternative or removal for every phrase', () => {
      for (const [phrase, pattern] of Object.entries(phrases)) {
        expect(pattern.replace.length > 0 || pattern.omit === true, phrase).toBe(true)
      }
    })
  })
})
