import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import data from '../../rules/stray-widget-text/phrases.json' with {type: 'json'}
import {lintText} from '../../src/engine/lint.js'
import type {Format} from '../../src/kit/types.js'
import {findings, only} from '../helpers.js'

const on = only({'stray-widget-text': 'warning'})
const rule = (options: Record<string, unknown>) => only({'stray-widget-text': ['warning', options]})

/** A short news story around the line under test, so the rule sees body copy that ends in full stops. */
function story(line: string): string {
  return [
    'Council votes to close four libraries',
    '',
    'Councillors in Wexford voted on Tuesday night to close four libraries and cut the youth budget by a third.',
    '',
    line,
    '',
    'The council said the closures would save about £1.1m a year once the buildings were sold.',
    '',
    'Opposition members said they would ask the auditor to look again at the figures before April.',
    '',
    'A campaign group has collected more than 6,000 signatures against the plan since November.',
    ''
  ].join('\n')
}
const at = story('').indexOf('\n\n\n') + 2

function flagged(text: string, format: Format = 'txt', config = on) {
  return findings(text, format, config).filter((finding) => finding.ruleId === 'stray-widget-text')
}
function fixed(text: string, format: Format = 'txt', config = on): string {
  return lintText({text, format, config, fix: true}).output ?? text
}
function reasons(text: string, format: Format = 'txt', config = on): string[] {
  return lintText({text, format, config})
    .messages.filter((m) => m.ruleId === 'stray-widget-text')
    .map((m) => m.reason)
}

describe('stray-widget-text: whole blocks', () => {
  const invalid: {line: string; kind: string}[] = [
    {line: 'Share this article', kind: 'share widget'},
    {line: 'Comments (12)', kind: 'share widget'},
    {line: 'e-mail', kind: 'share widget'},
    {line: 'Tweet', kind: 'share widget'},
    {line: 'Share on: Facebook Twitter WhatsApp', kind: 'share widget'},
    {line: 'Read more', kind: 'call to action'},
    {line: 'Click here', kind: 'call to action'},
    {line: 'Scroll down for video', kind: 'call to action'},
    {line: 'Sign up for our newsletter', kind: 'call to action'},
    {line: 'Follow us on Instagram', kind: 'call to action'},
    {line: 'Source: Read Full Article', kind: 'call to action'},
    {line: 'Read more: Parents fight to keep youth club open', kind: 'call to action'},
    {line: 'Subscribe to the Chronicle and never miss a council story.', kind: 'call to action'},
    {line: 'ADVERTISEMENT', kind: 'ad marker'},
    {line: 'Sponsored', kind: 'ad marker'},
    {line: 'Related stories', kind: 'related-links list'},
    {line: 'On ExampleTimes.com: Mayor faces questions over budget', kind: 'related-links list'},
    {line: 'Pictured: The council leader outside the town hall on Tuesday', kind: 'photo caption or credit'},
    {line: 'Image copyright Getty Images', kind: 'photo caption or credit'},
    {line: 'Photo: AP', kind: 'photo caption or credit'},
    {line: 'Jo Bloggs/Wexford Echo/Getty Images', kind: 'photo caption or credit'},
    {line: 'Protesters outside the town hall before the vote (Image: GETTY)', kind: 'photo caption or credit'},
    {line: 'Campaigners hold placards before the meeting (pictured) on Tuesday evening', kind: 'photo caption or credit'},
    {line: 'This undated handout photo shows the Marsh Lane library reading room.', kind: 'photo caption or credit'},
    {line: '(Wexford Borough Council)', kind: 'photo caption or credit'},
    {line: 'By Jane Doe and Sam Roe | Published 09:10 GMT, 4 March 2025', kind: 'byline or timestamp'},
    {line: 'By . Local Democracy Reporter . PUBLISHED: . 10:02 GMT, 4 March 2025 .', kind: 'byline or timestamp'},
    {line: 'Last updated at 2:18 PM on 30th December 2024', kind: 'byline or timestamp'},
    {line: 'March 9, 2025 | by Ola Nordmann', kind: 'byline or timestamp'},
    // Listed phrases still match with a bullet, brackets, a count, odd spacing or closing marks around them.
    {line: '• Share this article »', kind: 'share widget'},
    {line: 'Comments (2 of 14)', kind: 'share widget'},
    {line: 'Share\u00a0this  article', kind: 'share widget'},
    {line: 'Tweet:', kind: 'share widget'},
    {line: '[Read more]', kind: 'call to action'},
    {line: '- Read more...', kind: 'call to action'},
    {line: 'Sponsored |', kind: 'ad marker'},
    {line: 'Advertisement ›', kind: 'ad marker'},
    {line: 'Related stories 3', kind: 'related-links list'},
    // Credits that close a caption: after a colon, in brackets before the full stop, after a slash or `via`.
    {line: 'Protesters outside the town hall before the vote. Credit: Wexford Echo', kind: 'photo caption or credit'},
    {line: 'The Marsh Lane reading room in 1960 (AP Photo/Jo Bloggs, File).', kind: 'photo caption or credit'},
    {line: 'Campaigners gather outside the town hall on Tuesday via Getty Images', kind: 'photo caption or credit'},
    {line: 'REUTERS/Jo Bloggs', kind: 'photo caption or credit'}
  ]
  it.each(invalid)('flags `$line` as a $kind, at its exact place', ({line, kind}) => {
    const text = story(line)
    expect(flagged(text)).toEqual([
      expect.objectContaining({text: line, start: at, end: at + line.length, line: 5, column: 1, severity: 'warning'})
    ])
    expect(reasons(text)[0]).toContain(`Unexpected ${kind} \``)
  })

  it.each(invalid)('removes `$line` with its paragraph break, and a second run finds nothing', ({line}) => {
    const output = fixed(story(line))
    expect(output).toBe(story('').replace('\n\n\n\n', '\n\n'))
    expect(flagged(output)).toEqual([])
  })

  const valid = [
    'Residents can e-mail the council or read more about the plans on its website, a spokeswoman said.',
    'The council’s advertisement for a chief executive closes on Friday.',
    'Share prices in the council’s pension fund fell by 4% last year, according to its accounts.',
    'By the end of the year the library service will have lost a third of its staff.',
    'Libraries and youth centres',
    'WEXFORD, England, 4 March (Reuters) - Councillors voted on Tuesday night to close the libraries.',
    'Click through the council’s budget papers and the cuts are plain to see, the opposition leader said.',
    'He paused, then added: “We will see…”',
    // A colon, a bracket or a slash in running copy is no credit.
    'The leader said: "We have no choice but to close them."',
    'Supporters said the figures were wrong (and the auditor agreed).',
    'The helpline will run 24/7 until the libraries close in April.'
  ]
  it.each(valid)('leaves story copy alone: `%s`', (line) => {
    expect(flagged(story(line))).toEqual([])
  })
})

describe('stray-widget-text: the top of the article', () => {
  const top = [
    'Wexford closes four libraries',
    '',
    'Council tax will rise by 4.99% after a four-hour meeting that ended in uproar',
    '',
    '  • Four of the borough’s nine libraries will close by September',
    '  • Band D council tax will rise by 4.99%',
    '  • e-mail',
    '',
    'Councillors in Wexford voted on Tuesday night to close four libraries and cut the youth budget by a third.',
    '',
    'The council said the closures would save about £1.1m a year once the buildings were sold.',
    ''
  ].join('\n')

  it('keeps the headline, standfirst and summary bullets; removes the share item among them', () => {
    expect(flagged(top)).toEqual([expect.objectContaining({text: '• e-mail', line: 7, column: 3})])
    expect(fixed(top)).toBe(top.replace('  • e-mail\n', ''))
  })
})

describe('stray-widget-text: captions and related links in context', () => {
  const body = (lines: string[]) =>
    [
      'Storm floods Holmbridge',
      '',
      'Three people died after the River Aldern burst its banks overnight, the Environment Agency said.',
      '',
      'The river peaked at 6.2 metres at 3am, half a metre above the old record set in 2007.',
      '',
      ...lines.flatMap((line) => [line, '']),
      'Police named two of the dead as Frank and Joan Gilroy, whose bungalow filled within minutes.',
      '',
      'The army sent 120 soldiers to help fill sandbags and move elderly residents to the leisure centre.',
      '',
      'The council opened a rest centre at 1am and said it would stay open all week.',
      ''
    ].join('\n')

  it('flags a run of captions that end without a full stop', () => {
    const lines = [
      'Firefighters steer a boat along Station Road, foreground, early on Tuesday morning',
      'Volunteers pose for a photo beside the sandbag wall outside the parish church on Monday'
    ]
    const text = body(lines)
    expect(flagged(text).map((finding) => [finding.text, finding.line])).toEqual([
      [lines[0], 7],
      [lines[1], 9]
    ])
    expect(fixed(text)).toBe(body([]))
  })

  it('flags a headline run after a related-links header, and ellipsis-cut headlines', () => {
    const lines = [
      'More on this story',
      'Holmbridge told to brace for more rain as second storm nears',
      'Castleford villagers fill 5,000 sandbags in a single night',
      'What to do if your home has flooded: insurers’ advice on…'
    ]
    expect(flagged(body(lines)).map((finding) => finding.line)).toEqual([7, 9, 11, 13])
  })

  it('leaves a short subheading without a full stop alone', () => {
    expect(flagged(body(['Questions over warnings']))).toEqual([])
  })

  it('leaves a lone long line without a full stop alone when the page shows no other caption', () => {
    expect(
      flagged(
        body(['The agency had known about a weak section of embankment near the rugby club since 2019 and did nothing about it'])
      )
    ).toEqual([])
  })
})

describe('stray-widget-text: furniture glued into a paragraph', () => {
  const byline = 'By . Jane Doe . PUBLISHED: . 14:11 EST, 25 October 2013 . | . UPDATED: . 15:36 EST, 25 October 2013 . '
  const rest = 'A council has voted to close four libraries. Scroll down for video . The vote followed a four-hour meeting . '
  const text = `${byline}${rest}Campaigners said they would fight on.`

  it('finds the byline and timestamp at the start, and the widget line inside', () => {
    expect(flagged(text).map((finding) => finding.text)).toEqual([byline.trimEnd(), 'Scroll down for video .'])
  })

  it('cuts them out and keeps the story', () => {
    const output = fixed(text)
    expect(output).toBe(
      'A council has voted to close four libraries. The vote followed a four-hour meeting . Campaigners said they would fight on.'
    )
    expect(flagged(output)).toEqual([])
  })

  // No time is asserted; the generous timeout only keeps a regression (a pass over the rest of
  // the line for every sentence) from hanging the suite.
  it('finds a widget line after thousands of sentences with no break, on a one-line page', {timeout: 600_000}, () => {
    const copy = 'The council closed the library in secret, campaigners said on Tuesday night. '.repeat(3000)
    const widget = 'Share this article .'
    const long = `${byline}${copy}. ${widget} Councillors will meet again in April.`
    const start = long.indexOf(widget)
    expect(flagged(long)).toEqual([
      expect.objectContaining({text: byline.trimEnd(), start: 0, line: 1, column: 1}),
      expect.objectContaining({text: widget, start, end: start + widget.length, line: 1, column: start + 1})
    ])
  })
})

describe('stray-widget-text: Markdown', () => {
  const md = [
    '# Council closes libraries',
    '',
    '*Council tax will rise by 4.99% after a four-hour meeting*',
    '',
    'Councillors voted on Tuesday night to close four libraries and cut the youth budget by a third.',
    '',
    '![Protesters outside the town hall](protest.jpg)',
    '',
    'Protesters gather outside the town hall before the vote on Tuesday',
    '',
    '## What happens next',
    '',
    'The council said the closures would save about £1.1m a year once the buildings were sold.',
    '',
    '- Council chief’s pay deal sparks anger as…',
    '- Libraries to open three days a week after…',
    '',
    'Opposition members said they would ask the auditor to look again at the figures.',
    '',
    'A campaign group has collected more than 6,000 signatures against the plan.',
    ''
  ].join('\n')

  it('flags the caption under the image and the related list; keeps headings, standfirst and the image', () => {
    expect(flagged(md, 'md').map((finding) => finding.line)).toEqual([9, 15, 16])
  })

  it('removes the list items with their bullets and the caption with its blank line', () => {
    const output = fixed(md, 'md')
    expect(output).not.toContain('Protesters gather')
    expect(output).not.toContain('…')
    expect(output).toContain('![Protesters outside the town hall](protest.jpg)\n\n## What happens next')
    expect(output).toContain('once the buildings were sold.\n\nOpposition members')
  })
})

describe('stray-widget-text: HTML', () => {
  const html = [
    '<article>',
    '  <h1>Council closes libraries</h1>',
    '  <p class="byline">By Jane Doe | Published 09:10 GMT, 4 March 2025</p>',
    '  <div class="share-bar"><a href="#">Share</a><a href="#">Tweet</a></div>',
    '  <p>Councillors voted on Tuesday night to close four libraries and cut the youth budget by a third.</p>',
    '  <figure>',
    '    <img src="protest.jpg" alt="">',
    '    <figcaption>Protesters gather outside the town hall</figcaption>',
    '  </figure>',
    '  <p>The council said the closures would save about &pound;1.1m a year.</p>',
    '  <aside class="related"><h3>Related</h3><ul><li><a href="/a">Pay deal sparks anger</a></li></ul></aside>',
    '  <p>Opposition members said they would ask the auditor to look again.</p>',
    '</article>',
    ''
  ].join('\n')

  it('names each piece, with the text a reader sees', () => {
    expect(reasons(html, 'html')).toEqual([
      'Unexpected byline or timestamp `By Jane Doe | Published 09:10 GMT, 4 March 2025` in the copy, remove it',
      'Unexpected share widget `Share Tweet` in the copy, remove it',
      'Unexpected photo caption or credit `Protesters gather outside the town hall` in the copy, remove it',
      'Unexpected related-links list `Related` in the copy, remove it',
      'Unexpected related-links list `Pay deal sparks anger` in the copy, remove it'
    ])
  })

  it('removes whole elements: the byline paragraph, the share bar, the figure with its image, the aside', () => {
    expect(fixed(html, 'html')).toBe(
      [
        '<article>',
        '  <h1>Council closes libraries</h1>',
        '  <p>Councillors voted on Tuesday night to close four libraries and cut the youth budget by a third.</p>',
        '  <p>The council said the closures would save about &pound;1.1m a year.</p>',
        '  <p>Opposition members said they would ask the auditor to look again.</p>',
        '</article>',
        ''
      ].join('\n')
    )
  })
})

describe('stray-widget-text: options', () => {
  it('`phrases` adds furniture of the user’s own', () => {
    const text = story('Wexford Echo Live Desk')
    expect(flagged(text)).toEqual([])
    expect(flagged(text, 'txt', rule({phrases: ['Wexford Echo Live Desk']}))).toHaveLength(1)
  })

  it('`allow` keeps a block the desk wants', () => {
    expect(flagged(story('Read more'), 'txt', rule({allow: ['read more']}))).toEqual([])
  })

  it('a label that starts with a slash is literal, not a pattern', () => {
    const options = rule({phrases: ['/r/wexfordnews']})
    expect(flagged(story('/r/wexfordnews'), 'txt', options)).toHaveLength(1)
  })

  it('a literal phrase stays literal: `.` and `*` are not wildcards', () => {
    const options = rule({phrases: ['Wexford Echo.com Live Desk', 'Echo*Desk']})
    expect(flagged(story('Wexford Echo.com Live Desk'), 'txt', options)).toHaveLength(1)
    expect(flagged(story('Wexford EchoXcom Live Desk'), 'txt', options)).toEqual([])
    expect(flagged(story('Echo Live Desk'), 'txt', options)).toEqual([])
  })

  it('a `/pattern/flags` phrase must match the whole block, bullets and end punctuation aside', () => {
    const options = rule({phrases: ['/(wexford|kilkenny) echo live desk/i']})
    expect(flagged(story('Kilkenny Echo Live Desk'), 'txt', options).map((f) => f.text)).toEqual(['Kilkenny Echo Live Desk'])
    expect(flagged(story('• Wexford Echo Live Desk:'), 'txt', options)).toHaveLength(1)
    // Only part of the block: running copy that happens to contain the words is left alone.
    const copy = 'Readers wrote to say they liked the Kilkenny Echo live desk and its reports.'
    expect(flagged(story(copy), 'txt', options)).toEqual([])
    // Without the `i` flag, case counts.
    expect(flagged(story('Kilkenny Echo Live Desk'), 'txt', rule({phrases: ['/kilkenny echo live desk/']}))).toEqual([])
  })

  it('a `/pattern/` in `allow` keeps the blocks it matches', () => {
    expect(flagged(story('Read more'), 'txt', rule({allow: ['/read\\s+more/i']}))).toEqual([])
    expect(flagged(story('Share this article'), 'txt', rule({allow: ['/read\\s+more/i']}))).toHaveLength(1)
  })

  it('a pattern that backtracks catastrophically elsewhere runs in linear time here', () => {
    // `(a+)+$` against `aaaa…b` takes exponential time in a backtracking engine; RE2 does not backtrack.
    const options = rule({phrases: ['/(a+)+$/']})
    expect(flagged(story(`${'a'.repeat(50_000)}b`), 'txt', options)).toEqual([])
    expect(flagged(story('a'.repeat(50_000)), 'txt', options)).toHaveLength(1)
  })

  it('the user’s own phrases are reported whatever `kinds` says', () => {
    const options = rule({kinds: ['share'], phrases: ['Wexford Echo Live Desk']})
    expect(flagged(story('Wexford Echo Live Desk'), 'txt', options)).toHaveLength(1)
  })

  it('`kinds` limits what is checked', () => {
    expect(flagged(story('Advertisement'), 'txt', rule({kinds: ['share']}))).toEqual([])
    expect(flagged(story('Share this article'), 'txt', rule({kinds: ['share']}))).toHaveLength(1)
  })
})

describe('stray-widget-text: data', () => {
  it('has no duplicate phrase within or across kinds', () => {
    const seen = new Map<string, string>()
    for (const [kind, entry] of Object.entries(data.kinds)) {
      for (const phrase of entry.blocks) {
        expect(seen.get(phrase), `${phrase} in ${kind}`).toBeUndefined()
        seen.set(phrase, kind)
      }
      expect(new Set(entry.leads).size).toBe(entry.leads.length)
    }
  })

  const examples = Object.values(data.kinds).flatMap((entry) => entry.examples.map((example) => [entry.label, example] as const))
  it.each(examples)('finds its own %s example `%s`', (label, example) => {
    expect(reasons(story(example))).toEqual([expect.stringContaining(`Unexpected ${label} \``)])
  })
})

describe('stray-widget-text: the founding seed', () => {
  const seed = readFileSync(new URL('../../seeds/000_3513509d732e560b.txt', import.meta.url), 'utf8')
  it('finds every piece of furniture and nothing in the headline, standfirst or bullets', () => {
    expect(flagged(seed).map((finding) => finding.line)).toEqual([8, 22, 24, 26, 36, 38, 46, 48, 50, 64, 74, 76, 88])
  })
  it('fixes it in one run, and a second run changes nothing', () => {
    const output = fixed(seed)
    expect(flagged(output)).toEqual([])
    expect(fixed(output)).toBe(output)
    expect(output.startsWith('ISIS fighters plot more attacks in Europe after losing territory\n\nISIS fighters plot')).toBe(true)
  })
})
