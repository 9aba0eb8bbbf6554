import {describe, expect, it} from 'vitest'
import {findings, only} from '../helpers.js'

const config = only({'passive-voice': 'warning'})
const check = (text: string) => findings(`Headline\n\n${text}\n`, 'txt', config).map(({text, severity}) => ({text, severity}))

describe('passive-voice', () => {
  const invalid: Array<[string, string, string, 'warning' | 'info']> = [
    ['regular participle', 'The man was arrested on Tuesday.', 'was arrested', 'warning'],
    ['plural', 'Three people were killed in the flood.', 'were killed', 'warning'],
    ['irregular participle with particle', 'A hard drive was left behind in the desert.', 'was left behind', 'warning'],
    ['regular with particle', 'ISIS was pushed out of its last holdout.', 'was pushed out', 'warning'],
    ['have been', 'The budget had been reduced to a holdout.', 'had been reduced', 'warning'],
    ['have been, plural', 'Women have been stopped from joining.', 'have been stopped', 'warning'],
    ['not between', 'The victims were not identified.', 'were not identified', 'warning'],
    ['contracted not', "The victims weren't named.", "weren't named", 'warning'],
    ['contracted are, curly apostrophe', 'They’re being investigated.', 'They’re being investigated', 'warning'],
    ['adverb between', 'The road was quickly closed.', 'was quickly closed', 'warning'],
    ['modal', 'More homes could be flooded tonight.', 'could be flooded', 'warning'],
    ['being', 'The case is being investigated.', 'is being investigated', 'warning'],
    ['get passive', 'Two fans got hurt in the crush.', 'got hurt', 'warning'],
    ['hyphenated re- verb', 'The mayor was re-elected.', 'was re-elected', 'warning'],
    ['by a time is not an agent', 'The report was published by Friday.', 'was published', 'warning'],
    ['by an amount is not an agent', 'The budget had been reduced by a third.', 'had been reduced', 'warning'],
    ['by + -ing is a means', 'The fire was started by throwing a flare.', 'was started', 'warning'],
    ['agent', 'The rescue was coordinated by the fire service.', 'was coordinated', 'info'],
    ['agent a few words on', 'He was hit on the head by a bottle.', 'was hit', 'info']
  ]
  it.each(invalid)('%s', (_name, text, expected, severity) => {
    expect(check(text)).toEqual([{text: expected, severity}])
  })

  const valid: Array<[string, string]> = [
    ['active voice', 'Police arrested the man on Tuesday.'],
    ['adjectival: interested in', 'She is interested in the job.'],
    ['adjectival: tired', 'He was tired after the match.'],
    ['degree adverb marks an adjective', 'They were very worried.'],
    ['un- adjective', 'The driver was unharmed.'],
    ['idiom: set to', 'The council is set to vote.'],
    ['idiom: known as', 'The group is known as IS.'],
    ['used to + -ing', 'She is used to working late.'],
    ['existential there', 'There were reported cases of flu.'],
    ['not a participle', 'The car was red.'],
    ['well- compound', 'The risk is well-known.'],
    ['intransitive', 'The river has risen and prices have fallen.'],
    ['comma breaks the verb group', 'The plan was, critics said, flawed.'],
    ['inside a quotation', '"We were misled," she said.'],
    ['hearsay belongs to unattributed-claim: it is claimed', 'The plan, it is claimed, failed.'],
    ['hearsay belongs to unattributed-claim: is said to', 'The group is said to be planning attacks.'],
    ['hearsay: has been rumoured to', 'He has been rumoured to be dead.']
  ]
  it.each(valid)('%s', (_name, text) => {
    expect(check(text)).toEqual([])
  })

  it('reports exact positions', () => {
    const found = findings('Headline\n\nThe man was arrested.\n', 'txt', config)
    expect(found).toMatchObject([{ruleId: 'passive-voice', text: 'was arrested', start: 18, end: 30, line: 3, column: 9}])
  })

  it('reads through inline markup', () => {
    expect(findings('# Title\n\nThe road was *closed* today.\n', 'md', config).map((f) => f.text)).toEqual(['was *closed'])
    expect(findings('<p>The road was <em>closed</em> today.</p>', 'html', config).map((f) => f.text)).toEqual(['was <em>closed'])
  })

  it('allow takes participles or phrases', () => {
    const allowing = only({'passive-voice': ['warning', {allow: ['was born', 'pushed out']}]})
    const text = 'Headline\n\nShe was born in 1990. ISIS was pushed out. He was arrested.\n'
    expect(findings(text, 'txt', allowing).map((f) => f.text)).toEqual(['was arrested'])
  })

  it('withAgent: false leaves passives with an agent alone', () => {
    const quiet = only({'passive-voice': ['warning', {withAgent: false}]})
    expect(findings('Headline\n\nIt was built by the council.\n', 'txt', quiet)).toEqual([])
  })

  it('hearsay: true reports hearsay passives too', () => {
    const loud = only({'passive-voice': ['warning', {hearsay: true}]})
    expect(findings('Headline\n\nIt is claimed that he left.\n', 'txt', loud).map((f) => f.text)).toEqual(['is claimed'])
  })

  it('quotations: true checks quoted speech too', () => {
    const loud = only({'passive-voice': ['warning', {quotations: true}]})
    expect(findings('Headline\n\n"We were misled," she said.\n', 'txt', loud).map((f) => f.text)).toEqual(['were misled'])
  })
})
