import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {lintText} from '../../src/engine/lint.js'
import type {Format} from '../../src/kit/types.js'
import {findings, only} from '../helpers.js'

const defaults = only({'loaded-wording': 'warning'})
const withOptions = (options: Record<string, unknown>) => only({'loaded-wording': ['warning', options]})

/** The flagged spans of one rule, as `text@start`. */
function flagged(text: string, format: Format = 'txt', config = defaults): string[] {
  return findings(text, format, config)
    .filter((finding) => finding.ruleId === 'loaded-wording')
    .map((finding) => `${finding.text}@${finding.start}`)
}

function messages(text: string, config = defaults, format: Format = 'txt') {
  return lintText({text, format, config}).messages.filter((message) => message.ruleId === 'loaded-wording')
}

describe('loaded-wording: invalid', () => {
  it.each([
    ['an emotive verb', 'The minister slammed the report.', ['slammed@13']],
    ['another inflection', 'The minister slams the report.', ['slams@13']],
    ['a label at the start of a sentence', 'Thugs attacked a pensioner.', ['Thugs@0']],
    ['a possessive, flagged without its ending', "The tyrant's palace was stormed.", ['tyrant@4']],
    ['a curly possessive', 'The tyrant’s palace was stormed.', ['tyrant@4']],
    ['a multi-word idiom', 'Opposition MPs are calling for his scalp.', ['for his scalp@27']],
    ['a phrasal verb', 'The star lashed out at critics.', ['lashed out@9']],
    ['an adjective at the start, not followed by a name', 'Bloody clashes left ten dead.', ['Bloody@0']],
    ['a Title Case headline', 'Minister Slams Council Over Library Cuts', ['Slams@9']],
    ['admitted as a verb of attribution', 'The firm admitted that it had misled customers.', ['admitted@9']],
    ['admitted before a reported clause', 'The director admitted the budget had been cut.', ['admitted@13']],
    ['admitted closing a quotation', '"We got it wrong," the director admitted.', ['admitted@32']],
    ['claimed with no one disputing it', 'The mayor claimed the scheme had cut congestion.', ['claimed@10']],
    ['a sentence adverb at the start', 'Clearly, the policy has failed.', ['Clearly@0']],
    ['a sentence adverb set off by commas', 'The policy, sadly, has failed.', ['sadly@12']],
    ['an adjective before its noun', 'The evil regime fell in 1989.', ['evil@4']],
    ['a label in the words of a paraphrase', 'Critics say the plan is a power grab.', ['power grab@26']],
    ['every finding in a sentence', 'Thugs slammed the iconic gates.', ['Thugs@0', 'slammed@6', 'iconic@18']],
    ['claims as a verb after a name', 'Yukos claims its shareholders were ignored.', ['claims@6']],
    ['claim after a plural subject and an adverb', 'Critics now claim that the plan failed.', ['claim@12']],
    ['claim after a determiner and its noun', 'The company claims its filter is safe.', ['claims@12']],
    ['claimed with an infinitive for its report', 'The group claimed to represent every farmer.', ['claimed@10']],
    ['a progressive said-word, which is no passive', 'The firm is claiming that the fault was fixed.', ['claiming@12']],
    ['a said-word with an adverb before its report', 'Activists are claiming now that the park is unsafe.', ['claiming@14']],
    [
      'a said-word whose only dispute is inside the quotation',
      'He said, claiming: “Patients cannot be denied care.”',
      ['claiming@9']
    ],
    ['a sentence adverb before a capitalised name', 'Fortunately, President Obama signed the bill.', ['Fortunately@0']],
    ['a label used as a noun', 'Police raided the compound of the doomsday cult.', ['cult@43']],
    ['another form of a label', 'The march descended into thuggery.', ['thuggery@25']]
  ])('%s', (_name, text, expected) => {
    expect(flagged(text)).toEqual(expected)
  })
})

describe('loaded-wording: valid', () => {
  it.each([
    ['a name mid-sentence', 'Crowds marked Bloody Sunday in Derry.'],
    ['a name at the start of a sentence', 'Bloody Sunday is remembered every January.'],
    ['a title', 'She starred in a film called Tyrant last year.'],
    ['a word that only looks like a form', 'The slammer door closed behind him.'],
    ['admitted in its hospital sense', 'The hospital admitted eleven people overnight.'],
    ['admitted with a relative clause on its object', 'The country admitted two preachers who had been banned.'],
    ['a passive admission', 'He was admitted to hospital with burns.'],
    ['claimed in its other senses', 'The group claimed responsibility for the attack.'],
    ['claimed with its dispute reported', 'She claimed the sale would raise £2m, a figure the council disputed.'],
    ['an agentless claim, which unattributed-claim reports', 'The plan, it is claimed, failed.'],
    ['an agentless claim with an adverb', 'It was widely claimed that the plan had failed.'],
    ['an adverb of manner, not of comment', 'The peak was clearly visible from the town.'],
    ['a noun of moral writing', 'The sermon was about good and evil.'],
    ['an info-strength word by default', 'The regime closed the border on Monday.'],
    ['neutral wording', 'The minister criticised the report on Tuesday.'],
    ['claims as a noun after a verb', 'Insurers face claims of more than £60m.'],
    ['claims after a preposition', 'He responded to claims that he had lied.'],
    ['a name used as an adjective before claims', 'The minister hit back at Labour claims he had lied.'],
    ['claims after a capitalised participle', 'Following claims that the vote was rigged, police investigated.'],
    ['a relative clause on the noun claims', 'The claims that were rejected cost £2m.'],
    ['claims as a noun with its own phrase', 'Asylum claims from Syria were rejected.'],
    ['a label as an adjective before its noun', 'The film has a cult following in Japan.'],
    ['cult in its sense of worship', 'The temple served the cult of Mithras.'],
    ['a literal firestorm', 'Bombing raids created a firestorm that destroyed the city.'],
    ['a quoted name after "known as", which is no scare quote', 'Children born this way are known as “snowflake children”.']
  ])('%s', (_name, text) => {
    expect(flagged(text)).toEqual([])
  })
})

describe('loaded-wording: quotations', () => {
  it.each([
    ['attributed in the same sentence', '"It\'s a bloody disgrace," said Maureen Tate.'],
    ['attributed after the quote, curly marks', '“These thugs must be stopped,” the mayor said.'],
    ['introduced by a colon', 'He said: "These thugs must be stopped."'],
    ['the next sentence of an attributed quote', '“Nobody wanted this,” he told councillors. “It is a disgraceful mess.”'],
    ['attributed by the sentence after it', '“It was a disgraceful mess.” That was how the mayor described the day.'],
    ['a quote continued into the next paragraph', 'He said: “The thugs came at night.\n\n“They were fanatics, all of them.”'],
    ['a quote running over lines without reopening', 'She said: “They came at night\nand the thugs broke every window.”'],
    ['a short quote with a speaker', 'The mayor slated what she called “a disgraceful failure”.'],
    ['unattributed speech, reported by unattributed-claim instead', '‘These thugs have wrecked our town and nobody cares.’'],
    ['a quoted name that is not loaded', 'Nicknamed ‘The Ghost’, he has not been seen since 2014.'],
    ['a quoted verdict with a verb of opinion', 'The MP defended the preacher as an “outstanding human being”.'],
    ['a quoted phrase with a progressive verb of saying', 'A congressman is saying there was “terrorist infiltration”.']
  ])('leaves the speaker’s words alone: %s', (_name, text) => {
    expect(flagged(text)).toEqual([])
  })

  it('flags loaded words inside attributed quotes with checkQuotes', () => {
    expect(flagged('"It\'s a bloody disgrace," said Maureen Tate.', 'txt', withOptions({checkQuotes: true}))).toEqual([
      'bloody@8'
    ])
  })

  it.each([
    ['a loaded word in scare quotes', 'The ‘regime’ closed the border.', '‘regime’@4', 'regime'],
    ['straight scare quotes', 'Police moved the "thugs" on.', '"thugs"@17', 'thugs'],
    ['a short loaded phrase', 'The council’s ‘power grab’ was approved.', '‘power grab’@14', 'power grab'],
    [
      'next to a sentence with a speaker',
      'The mayor said the agency failed. Its ‘whitewash’ was published.',
      '‘whitewash’@38',
      'whitewash'
    ],
    [
      'so-called with quotes, as one finding',
      'They set up sleeper cells – so-called ‘crocodile cells’ – in Syria.',
      'so-called ‘crocodile cells’@28',
      'crocodile cells'
    ],
    [
      'scare quotes despite an agentless said',
      'The fanatics are said to run ‘sleeper cells’ – so-called ‘crocodile cells’.',
      'so-called ‘crocodile cells’@47',
      'crocodile cells'
    ]
  ])('reports scare quotes: %s', (_name, text, expected, inner) => {
    const found = messages(text).filter((message) => message.reason.startsWith('Scare quotes'))
    expect(
      found.map((message) => `${message.actual}@${message.place && 'start' in message.place ? message.place.start.offset : -1}`)
    ).toEqual([expected])
    expect(found[0]?.reason).toBe(`Scare quotes around \`${inner}\`: say who calls it that, or drop the quotes`)
  })

  it('tells scare quotes from quoted speech all through a long story', () => {
    // Attributed, scare-quoted and so-called quotations, repeated: each is found at its own place.
    const story =
      'Rain fell all week.\n\n' +
      '“It was a disgrace,” the mayor said of the agency’s response.\n\n' +
      'The agency’s ‘whitewash’ was published on Friday.\n\n' +
      'They set up sleeper cells – so-called ‘crocodile cells’ – in the valley.\n\n'
    const repeats = 300
    const text = `Flood latest\n\n${story.repeat(repeats)}`
    const found = messages(text).filter((message) => message.reason.startsWith('Scare quotes'))
    const at = (copy: number, quote: string) => 14 + copy * story.length + story.indexOf(quote)
    expect(found).toHaveLength(2 * repeats)
    const spans = found.map(
      (message) => `${message.actual}@${message.place && 'start' in message.place ? message.place.start.offset : -1}`
    )
    for (const copy of [0, 1, 150, repeats - 1]) {
      expect(spans.slice(2 * copy, 2 * copy + 2)).toEqual([
        `‘whitewash’@${at(copy, '‘whitewash’')}`,
        `so-called ‘crocodile cells’@${at(copy, 'so-called')}`
      ])
    }
  })

  it('reads quotation marks written as HTML entities', () => {
    const html =
      '<p>&ldquo;It was like a bloody war zone,&rdquo; said Kerry Osei.</p>\n<p>Holmbridge&rsquo;s mayor slammed the agency.</p>'
    expect(flagged(html, 'html')).toEqual(['slammed@97'])
  })

  it('reads quotations in Markdown', () => {
    expect(flagged('# Floods\n\n"It was a bloody mess," she said. The iconic bridge shut.\n', 'md')).toEqual(['iconic@48'])
  })
})

describe('loaded-wording: messages', () => {
  it('names the word, the alternatives and the reason, at the exact place', () => {
    const [message] = messages('Headline\n\nThe minister slammed the report.\n')
    expect(message).toMatchObject({
      reason: 'Unexpected loaded wording `slammed`, use `criticised` or `criticise`',
      actual: 'slammed',
      expected: ['criticised', 'criticise'],
      line: 3,
      column: 14,
      fatal: false
    })
    expect(message?.note).toMatch(/criticism/)
  })

  it('asks for a sentence adverb to be deleted, offering no swap', () => {
    const [message] = messages('Sadly, the dog could not be saved.')
    expect(message).toMatchObject({reason: 'Unexpected loaded wording `Sadly`, delete it', expected: []})
  })
})

describe('loaded-wording: options', () => {
  it('strength "info" adds the context-dependent entries, one severity lower', () => {
    const found = findings('The regime closed the border.', 'txt', withOptions({strength: 'info'}))
    expect(found).toMatchObject([{ruleId: 'loaded-wording', text: 'regime', start: 4, severity: 'info'}])
  })

  it('allow turns off a whole entry by its phrase, in any case', () => {
    expect(flagged('The minister slammed and slams it.', 'txt', withOptions({allow: ['Slam']}))).toEqual([])
  })

  it('allow turns off a single form', () => {
    expect(flagged('The minister slammed and slams it.', 'txt', withOptions({allow: ['slams']}))).toEqual(['slammed@13'])
  })

  it('words adds entries with their alternatives', () => {
    const [message] = messages('Fans were gobsmacked by the result.', withOptions({words: {gobsmacked: ['surprised']}}))
    expect(message).toMatchObject({
      actual: 'gobsmacked',
      expected: ['surprised'],
      reason: 'Unexpected loaded wording `gobsmacked`, use `surprised`'
    })
  })

  it('words can override the alternatives of a lexicon form', () => {
    const [message] = messages('The minister slammed the report.', withOptions({words: {slammed: ['attacked']}}))
    expect(message?.expected).toEqual(['attacked'])
  })
})

describe('loaded-wording: seeds', () => {
  const seed = (name: string) => readFileSync(new URL(`../../seeds/${name}`, import.meta.url), 'utf8')
  const words = (name: string, format: Format) =>
    findings(seed(name), format, only({'loaded-wording': 'warning'}))
      .filter((finding) => finding.ruleId === 'loaded-wording')
      .map((finding) => `${finding.line}:${finding.text}`)

  it('the founding seed: the narrator’s labels, not the quoted speakers', () => {
    expect(words('000_3513509d732e560b.txt', 'txt')).toEqual([
      '14:fanatics',
      '14:so-called ‘crocodile cells’',
      '30:claim',
      '54:fanatics',
      '56:bloody',
      '56:fanatics',
      '78:tyrant',
      '82:for his scalp'
    ])
  })

  it('council-budget.md: the deliberate words, none of the attributed quotes or controls', () => {
    expect(words('council-budget.md', 'md')).toEqual(['37:fanatics', '56:lashed out', '60:admitted', '62:slammed', '67:tyrant'])
  })

  it('flood-response.html: the deliberate words; the quote in entities and the hospital sense are left alone', () => {
    expect(words('flood-response.html', 'html')).toEqual([
      '36:fanatics',
      '36:iconic',
      '46:slammed',
      '46:admitted',
      '48:lashed out'
    ])
  })
})
