import type {Paragraph, Root, Sentence} from 'nlcst'
import {toString as nlcstToString} from 'nlcst-to-string'
import {ParseEnglish} from 'parse-english'
import {visit} from 'unist-util-visit'
import {describe, expect, it} from 'vitest'
import {
  automatedReadability,
  colemanLiau,
  daleChallScore,
  fleschKincaidGrade,
  fleschReadingEase,
  gunningFog,
  type ReadabilityCounts,
  smog
} from '../src/metrics/formulas.js'
import {computeMetrics, countSyllables, emptyMetrics, type Metrics, measureTree} from '../src/metrics/index.js'
import {isComplexWord, isFamiliarWord} from '../src/metrics/words.js'
import {readReference} from './readability-reference.js'

// ---------------------------------------------------------------------------
// Reference data: read from ../shared/eval/readability/ at run time.

interface WordsFormulaCase {
  input: Record<string, number>
  expected: number
}
type WordsFormulaCases = Record<string, {repo: string; cases: WordsFormulaCase[]; formula: string} | string>

interface TextstatCase {
  file: string
  test: string
  params: Record<string, unknown>
}

const wordsCases = JSON.parse(readReference('words_formula_cases.json')) as WordsFormulaCases
const textstatTexts = JSON.parse(readReference('textstat_texts.json')) as Record<string, string>
const textstatCases = (JSON.parse(readReference('textstat_reference_cases.json')) as {cases: TextstatCase[]}).cases
const textstatEasyWords = new Set(
  readReference('textstat_en_easy_words.txt')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
)

function text(id: string): string {
  const value = textstatTexts[id]
  if (value === undefined) throw new Error(`textstat_texts.json has no ${id}`)
  return value
}

/** The text a textstat case is about, by name, or `undefined` for a literal. */
function caseTextId(testCase: TextstatCase): string | undefined {
  const value = testCase.params.text ?? testCase.params.test
  if (typeof value === 'object' && value !== null && '$ref' in value) {
    const ref = (value as {$ref: unknown}).$ref
    if (typeof ref === 'string') return ref
  }
  return undefined
}

/** textstat's expected number for `test` on the named text. */
function textstatValue(test: string, id: string, key = 'expected'): number {
  const found = textstatCases.find((c) => c.test === test && caseTextId(c) === id && key in c.params)
  const value = found?.params[key]
  if (typeof value !== 'number') throw new Error(`No textstat ${test} case for ${id}`)
  return value
}

// ---------------------------------------------------------------------------
// Helpers.

const parser = new ParseEnglish()
const trees = new Map<string, Root>()

function parse(id: string): Root {
  let tree = trees.get(id)
  if (tree === undefined) {
    tree = parser.parse(text(id))
    trees.set(id, tree)
  }
  return tree
}

/** The words of each sentence, read straight off the tree. */
function sentenceWords(tree: Root): string[][] {
  const sentences: string[][] = []
  visit(tree, 'SentenceNode', (sentence) => {
    const words: string[] = []
    visit(sentence, 'WordNode', (word) => {
      words.push(nlcstToString(word))
    })
    sentences.push(words)
  })
  return sentences
}

const SCORES = [
  'fleschReadingEase',
  'fleschKincaidGrade',
  'gunningFog',
  'smog',
  'colemanLiau',
  'automatedReadability',
  'daleChall'
] as const satisfies ReadonlyArray<keyof Metrics>
type Score = (typeof SCORES)[number]

const round6 = (value: number): number => Math.round(value * 1e6) / 1e6
const round2 = (value: number): number => Math.round(value * 100) / 100

// ---------------------------------------------------------------------------

describe('formulas (words/* count cases, exact)', () => {
  // Keys of words_formula_cases.json → our formula, and their count names → ours.
  const formulas: Record<string, (counts: ReadabilityCounts) => number> = {
    flesch: fleschReadingEase,
    'flesch-kincaid': fleschKincaidGrade,
    'gunning-fog': gunningFog,
    'smog-formula': smog,
    'coleman-liau': colemanLiau,
    'automated-readability': automatedReadability,
    'dale-chall-formula': daleChallScore
  }
  const countNames: Record<string, keyof ReadabilityCounts> = {
    sentence: 'sentences',
    word: 'words',
    syllable: 'syllables',
    complexPolysillabicWord: 'complexWords',
    polysillabicWord: 'polysyllables',
    letter: 'letters',
    character: 'characters',
    difficultWord: 'difficultWords'
  }
  const rows = Object.entries(wordsCases).flatMap(([name, entry]) =>
    typeof entry === 'string' ? [] : entry.cases.map((c) => ({name, ...c}))
  )

  it('covers every formula in the reference file', () => {
    expect(new Set(rows.map((row) => row.name))).toEqual(new Set(Object.keys(formulas)))
  })

  it.each(rows)('$name $input → $expected', ({name, input, expected}) => {
    const formula = formulas[name]
    if (formula === undefined) throw new Error(`no formula for ${name}`)
    const counts: Record<string, number> = {words: 0, sentences: 0}
    for (const [key, value] of Object.entries(input)) {
      const ours = countNames[key]
      if (ours === undefined) throw new Error(`unknown count ${key}`)
      counts[ours] = value
    }
    expect(round6(formula(counts as unknown as ReadabilityCounts))).toBe(expected)
  })

  it.each(Object.entries(formulas))('%s is 0, not NaN, without words or sentences', (name, formula) => {
    const full = {syllables: 9, polysyllables: 2, complexWords: 2, letters: 40, characters: 40, difficultWords: 3}
    expect(formula({words: 0, sentences: 0, ...full})).toBe(0)
    expect(formula({words: 10, sentences: 0, ...full})).toBe(0)
    // SMOG reads no word count (words/smog-formula: {sentence: 1} → 3.1291).
    if (name !== 'smog-formula') expect(formula({words: 0, sentences: 2, ...full})).toBe(0)
  })
})

describe('computeMetrics', () => {
  // Word lists built to hit the words/* count cases through the full path.
  const repeat = (word: string, times: number): string[] => Array.from({length: times}, () => word)

  it.each([
    {
      name: 'flesch / flesch-kincaid: 1 sentence, 13 words, 26 syllables',
      sentences: [repeat('water', 13)],
      expected: {words: 13, sentences: 1, syllables: 26, fleschReadingEase: 24.44, fleschKincaidGrade: 13.08}
    },
    {
      name: 'gunning-fog: 1 sentence, 13 words, 2 complex',
      sentences: [[...repeat('cat', 11), 'banana', 'banana']],
      expected: {words: 13, complexWords: 2, gunningFog: round2(11.353846)}
    },
    {
      name: 'smog: 1 sentence, 4 polysyllables',
      sentences: [['cats', ...repeat('banana', 4)]],
      expected: {polysyllables: 4, smog: round2(14.554593)}
    },
    {
      name: 'coleman-liau: 5 sentences, 119 words, 639 letters',
      // 639 = 119 * 5 + 44: 44 six-letter words and 75 five-letter words.
      sentences: Array.from({length: 5}, (_, at) =>
        [...repeat('sixsix', 44), ...repeat('fivef', 75)].filter((_, index) => index % 5 === at)
      ),
      expected: {words: 119, sentences: 5, letters: 639, colemanLiau: round2(14.53042)}
    },
    {
      name: 'dale-chall-formula: 30 words, 2 sentences, 6 difficult',
      sentences: [
        [...repeat('the', 12), 'zeitgeist', 'zeitgeist', 'zeitgeist'],
        [...repeat('the', 12), 'zeitgeist', 'zeitgeist', 'zeitgeist']
      ],
      expected: {words: 30, sentences: 2, daleChall: round2(7.5385)}
    },
    {
      name: 'dale-chall-formula: no difficult words, no +3.6365',
      sentences: [repeat('the', 15), repeat('dog', 15)],
      expected: {daleChall: round2(0.744)}
    }
  ])('$name', ({sentences, expected}) => {
    expect(computeMetrics({sentences, paragraphs: 1})).toMatchObject(expected)
  })

  it('returns zeros, not NaN or Infinity, for empty input', () => {
    const empty = [
      {sentences: [], paragraphs: 0},
      {sentences: [[], ['', '  ']], paragraphs: 2}
    ]
    for (const input of empty) {
      const metrics = computeMetrics(input)
      for (const [key, value] of Object.entries(metrics)) {
        if (key === 'paragraphs') continue
        expect(value, key).toBe(0)
      }
    }
  })

  it('does not count sentences without words, nor blank words', () => {
    const metrics = computeMetrics({sentences: [['The', 'cat', 'sat'], [], [' ']], paragraphs: 1})
    expect(metrics).toMatchObject({sentences: 1, words: 3})
  })

  it('passes paragraphs and passive sentences through', () => {
    const input = {sentences: [['It', 'was', 'done']], paragraphs: 4, passiveSentences: 1}
    expect(computeMetrics(input)).toMatchObject({paragraphs: 4, passiveSentences: 1})
    expect(computeMetrics({sentences: [['Hi']], paragraphs: 1}).passiveSentences).toBe(0)
  })

  it('counts letters without digits or punctuation, characters with digits', () => {
    const metrics = computeMetrics({sentences: [["Didn't", 'T.V.', 'cost', '$500', 'in', '1999', 'café']], paragraphs: 1})
    expect(metrics.letters).toBe(5 + 2 + 4 + 0 + 2 + 0 + 4)
    expect(metrics.characters).toBe(metrics.letters + 3 + 4)
  })

  it('counts letters and figures beyond ASCII, astral letters once each', () => {
    const metrics = computeMetrics({sentences: [['naïve', 'x²', 'Ⅻ', '𝐀𝐁', 'İstanbul']], paragraphs: 1})
    expect(metrics.letters).toBe(5 + 1 + 0 + 2 + 8)
    expect(metrics.characters).toBe(metrics.letters + 1 + 1)
  })

  it.each([
    // Measures are cached packed in 9-bit fields: 511 letters fit, 512 do not.
    {name: '511 letters', word: `${'ab'.repeat(255)}a`, letters: 511},
    {name: '512 letters', word: 'ab'.repeat(256), letters: 512},
    {name: '1,500 letters and figures', word: 'a1'.repeat(750), letters: 750}
  ])('counts a word of $name each time it occurs, as it does a short one', ({word, letters}) => {
    const once = computeMetrics({sentences: [[word]], paragraphs: 1})
    const twice = computeMetrics({sentences: [['Then', word, 'and', word]], paragraphs: 1})
    expect(once.letters).toBe(letters)
    expect(once.characters).toBe(word.length)
    expect(twice).toMatchObject({
      words: 4,
      letters: 4 + 3 + 2 * letters,
      characters: 4 + 3 + 2 * word.length,
      syllables: 2 + 2 * once.syllables
    })
  })

  it('rounds every score to 2 decimals', () => {
    const metrics = measureTree(parse('LONG_TEXT'))
    for (const score of SCORES) {
      expect(Math.abs(metrics[score] * 100 - Math.round(metrics[score] * 100)), score).toBeLessThan(1e-9)
    }
  })
})

describe('measureTree', () => {
  it('gives a text without words the metrics a failed file reports (emptyMetrics)', () => {
    const trees: Root[] = [{type: 'RootNode', children: []}, parser.parse(''), parser.parse('   \n\n  ')]
    for (const tree of trees) {
      expect(measureTree(tree)).toEqual(emptyMetrics())
    }
    expect(computeMetrics({sentences: [], paragraphs: 0})).toEqual(emptyMetrics())
  })

  it('measures the words/automated-readability passage as its test counts it', () => {
    const entry = wordsCases['automated-readability']
    if (entry === undefined || typeof entry === 'string') throw new Error('missing automated-readability')
    const [reference] = entry.cases as Array<WordsFormulaCase & {source_text?: string}>
    if (reference?.source_text === undefined) throw new Error('missing source_text')
    const metrics = measureTree(parser.parse(reference.source_text))
    // "Sentences: 6, words: 151, characters: 623" — characters without punctuation.
    expect(metrics).toMatchObject({
      sentences: reference.input.sentence,
      words: reference.input.word,
      characters: reference.input.character,
      automatedReadability: round2(reference.expected)
    })
  })

  it('counts only paragraphs that contain a word', () => {
    const tree = parser.parse('One two three.\n\n...\n\nFour five. Six!')
    expect(tree.children.filter((node) => node.type === 'ParagraphNode')).toHaveLength(3)
    expect(measureTree(tree)).toMatchObject({paragraphs: 2, sentences: 3, words: 6})
  })

  it('takes a paragraph or a sentence as well as a root', () => {
    const tree = parser.parse('The dog ran. It was fed by the neighbours.')
    const paragraph = tree.children.find((node): node is Paragraph => node.type === 'ParagraphNode')
    const sentence = paragraph?.children.find((node): node is Sentence => node.type === 'SentenceNode')
    if (paragraph === undefined || sentence === undefined) throw new Error('unexpected tree')
    expect(measureTree(paragraph)).toEqual(measureTree(tree))
    expect(measureTree(sentence)).toMatchObject({sentences: 1, words: 3, paragraphs: 0})
  })

  it('agrees with computeMetrics over the same words', () => {
    const tree = parse('LONG_TEXT')
    expect(measureTree(tree, {passiveSentences: 2})).toEqual(
      computeMetrics({sentences: sentenceWords(tree), paragraphs: 3, passiveSentences: 2})
    )
  })
})

describe('countSyllables', () => {
  const singleWords = textstatCases.filter((c) => c.test === 'test_syllable_count' && typeof c.params.text === 'string')

  // textstat takes CMUdict's first pronunciation; the `syllable` package is a
  // heuristic. These are the words where the two legitimately part ways:
  // CMUdict lists "every" as EH1 V ER0 IY0 (3; the 2-syllable EH1 V R IY0 is
  // its second entry) and "marriage" as M EH1 R IH0 JH (2).
  const knownDifferences: Record<string, number> = {every: 2, marriage: 3}

  it('has the textstat single-word cases', () => {
    expect(singleWords.length).toBeGreaterThanOrEqual(25)
  })

  it.each(singleWords.map((c) => c.params))('$text: $n_syllables (±$margin)', ({text: word, n_syllables, margin}) => {
    if (typeof word !== 'string' || typeof n_syllables !== 'number' || typeof margin !== 'number') {
      throw new Error('malformed case')
    }
    const known = knownDifferences[word]
    if (known === undefined) {
      expect(Math.abs(countSyllables(word) - n_syllables)).toBeLessThanOrEqual(margin)
    } else {
      expect(countSyllables(word)).toBe(known)
      expect(Math.abs(known - n_syllables)).toBe(1)
    }
  })

  it.each([
    // Sibilant -es is a syllable: the `syllable` package gets these wrong.
    ['sunglasses', 3],
    ['glasses', 2],
    ['horses', 2],
    ['witnesses', 3],
    ['wishes', 2],
    ['churches', 2],
    ['boxes', 2],
    ['places', 2],
    ['judges', 2],
    ['aches', 1],
    // Parts of a word.
    ['singer-songwriter', 5],
    ['remove_punctuation', 6],
    // Figures and non-words.
    ['500', 1],
    ['—', 0],
    ['', 0]
  ] as const)('%s → %i', (word, expected) => {
    expect(countSyllables(word)).toBe(expected)
  })

  it('counts a part of a word as the word alone, whichever is counted first', () => {
    // Parts are cached by themselves: `year` is counted once for all three.
    expect([countSyllables('five-year'), countSyllables('10-year'), countSyllables('year')]).toEqual([2, 2, 1])
    expect([countSyllables('glasses'), countSyllables('sun-glasses'), countSyllables('sun')]).toEqual([2, 3, 1])
  })

  it('is case-insensitive (one cache entry per lowercased word)', () => {
    expect(countSyllables('INTERPERSONAL')).toBe(countSyllables('interpersonal'))
    expect(countSyllables('Interpersonal')).toBe(5)
  })
})

describe('word classes', () => {
  it.each([
    // [word, sentence-initial, complex?]
    ['interpersonal', false, true],
    ['Interpersonal', true, true], // sentence start: a capital is no sign of a name
    ['Monopoly', false, false], // proper name
    ['developed', false, true], // de·vel·oped: -ed adds no syllable
    ['created', false, false], // cre·at·ed: made 3 by -ed
    ['trespasses', false, false], // made 3 by -es
    ['relaxing', false, false], // made 3 by -ing
    ['stimulating', false, true], // stim·u·lat·ing: 3 without -ing
    ['well-balanced', false, false], // compound of short words
    ['non-threatening', false, false],
    ['cat', false, false]
  ] as const)('Gunning: %s (initial %s) complex %s', (word, initial, expected) => {
    expect(isComplexWord(word, initial)).toBe(expected)
  })

  it.each([
    // [word, sentence-initial, familiar?]
    ['dog', false, true],
    ['dogs', false, true], // regular plural of a listed word
    ['puzzles', false, true],
    ['tried', false, true], // -ied from -y
    ['stopped', false, true], // doubled consonant
    ['making', false, true], // dropped -e
    ['bigger', false, true],
    ["day's", false, true], // possessive
    ["it'll", false, true], // contraction
    ['Chess', false, true], // a name mid-sentence
    ['Anna', true, false], // sentence-initial: cannot tell it is a name
    ['500', false, true], // a figure
    ['birthday-party', false, true], // hyphenated familiar parts
    ['sunglasses', false, false],
    ['relationships', false, false],
    ['interpersonal', false, false]
  ] as const)('Dale–Chall: %s (initial %s) familiar %s', (word, initial, expected) => {
    expect(isFamiliarWord(word, initial)).toBe(expected)
  })
})

// ---------------------------------------------------------------------------
// textstat's test texts, through parse-english and measureTree.

const TEXTS = ['EMPTY_STR', 'SHORT_TEXT', 'EASY_TEXT', 'PUNCT_TEXT', 'LONG_TEXT'] as const

const TEXTSTAT_TESTS: Record<Score, string> = {
  fleschReadingEase: 'test_flesch_reading_ease',
  fleschKincaidGrade: 'test_flesch_kincaid_grade',
  gunningFog: 'test_gunning_fog',
  smog: 'test_smog_index',
  colemanLiau: 'test_coleman_liau_index',
  automatedReadability: 'test_automated_readability_index',
  daleChall: 'test_dale_chall_readability_score'
}

// The target: within ±2 reading-ease points and ±0.5 grade of textstat.
const TOLERANCE: Record<Score, number> = {
  fleschReadingEase: 2,
  fleschKincaidGrade: 0.5,
  gunningFog: 0.5,
  smog: 0.5,
  colemanLiau: 0.5,
  automatedReadability: 0.5,
  daleChall: 0.5
}

/** textstat's word normalisation for its easy-word lookups. */
function textstatWord(word: string): string {
  return word.toLowerCase().replace(/[^\p{L}\p{N}_'\s]/gu, '')
}

/**
 * The scores textstat's documented definitions (PROVENANCE.md) give on OUR
 * tokens. `ours − asTextstat` is the departure by design; what is left,
 * `asTextstat − textstat`, comes from tokenising and syllable counting and
 * must be within TOLERANCE. The departures:
 * - sentences: textstat splits at every `.`/`!`/`?` (so "T.V." and "etc."
 *   end sentences) and drops fragments of ≤ 2 words; parse-english keeps
 *   abbreviations inside the sentence and keeps short fragments ("Didn't").
 *   We take textstat's own sentence count.
 * - Gunning fog: textstat's hard words are words of 3+ syllables NOT on its
 *   easy-word list; Gunning's are words of 3+ syllables except names,
 *   compounds and -es/-ed/-ing forms (`complexWords`).
 * - Coleman–Liau: textstat uses 0.058 for the published 0.0588, and counts
 *   digits (and `_`) as letters; we count letters only.
 * - ARI: textstat's characters are all non-space characters, punctuation
 *   included, over whitespace-separated tokens (its `chars_per_word`); the
 *   published ARI counts letters and numbers.
 * - Dale–Chall: textstat counts every word not on its list as difficult;
 *   the published rules count regular inflections, names and figures as
 *   familiar.
 */
function asTextstat(id: string, ours: Metrics): Record<Score, number> {
  const sentences = textstatValue('test_count_sentences', id)
  const words = sentenceWords(parse(id)).flat()
  const easy = (word: string): boolean => textstatEasyWords.has(textstatWord(word))
  const counts: ReadabilityCounts = {
    words: ours.words,
    sentences,
    syllables: ours.syllables,
    polysyllables: ours.polysyllables,
    complexWords: words.filter((word) => !easy(word) && countSyllables(word) >= 3).length,
    difficultWords: words.filter((word) => !easy(word)).length
  }
  const perWord = (total: number): number => (ours.words === 0 ? 0 : total / ours.words)
  const charactersPerWord = id === 'EMPTY_STR' ? 0 : textstatValue('test_chars_per_word', id)
  return {
    fleschReadingEase: fleschReadingEase(counts),
    fleschKincaidGrade: fleschKincaidGrade(counts),
    gunningFog: gunningFog(counts),
    smog: smog(counts),
    colemanLiau: ours.words === 0 ? 0 : 0.058 * 100 * perWord(ours.characters) - (0.296 * 100 * sentences) / ours.words - 15.8,
    automatedReadability: automatedReadability({...counts, characters: charactersPerWord * ours.words}),
    daleChall: daleChallScore(counts)
  }
}

describe('textstat reference texts: counts', () => {
  it.each(TEXTS)('%s: same words as textstat', (id) => {
    const expected = id === 'EMPTY_STR' ? 0 : textstatValue('test_words_per_sentence', id)
    const sentences = textstatValue('test_count_sentences', id)
    expect(measureTree(parse(id)).words).toBe(Math.round(expected * sentences))
  })

  it('LONG_TEXT: same word and letter counts as textstat', () => {
    const metrics = measureTree(parse('LONG_TEXT'))
    expect(metrics.words).toBe(textstatValue('test_count_words', 'LONG_TEXT', 'n_words'))
    expect(metrics.letters).toBe(textstatValue('test_letter_count', 'LONG_TEXT'))
  })

  it.each(TEXTS.filter((id) => id !== 'EMPTY_STR'))('%s: letters as textstat, less its digits and "_"', (id) => {
    const metrics = measureTree(parse(id))
    const textstatLetters = Math.round(textstatValue('test_letters_per_word', id) * metrics.words)
    const notLetters = (text(id).match(/[\p{N}_]/gu) ?? []).length
    expect(metrics.letters).toBe(textstatLetters - notLetters)
  })

  it.each([
    {id: 'EMPTY_STR', ours: 0},
    {id: 'SHORT_TEXT', ours: 1},
    {id: 'EASY_TEXT', ours: 11},
    // parse-english keeps the closing 1-word fragment "Didn't"; textstat
    // drops fragments of ≤ 2 words.
    {id: 'PUNCT_TEXT', ours: 6},
    // parse-english reads "etc." and "T.V." as abbreviations; textstat
    // ends a sentence at each (the "V." fragment is then dropped).
    {id: 'LONG_TEXT', ours: 15}
  ])('$id: $ours sentences', ({id, ours}) => {
    expect(measureTree(parse(id)).sentences).toBe(ours)
    if (ours !== textstatValue('test_count_sentences', id)) {
      expect(['PUNCT_TEXT', 'LONG_TEXT']).toContain(id)
    }
  })

  // textstat counts syllables with CMUdict/pyphen, we with the `syllable`
  // package: the totals may differ by a word or two.
  it.each(TEXTS.filter((id) => id !== 'EMPTY_STR'))('%s: syllables within 1%% (or 1) of textstat', (id) => {
    const metrics = measureTree(parse(id))
    const textstat = Math.round(textstatValue('test_syllables_per_word', id) * metrics.words)
    expect(Math.abs(metrics.syllables - textstat)).toBeLessThanOrEqual(Math.max(1, 0.01 * textstat))
  })

  it.each(TEXTS.filter((id) => id !== 'EMPTY_STR'))('%s: polysyllables within 1 of textstat', (id) => {
    const expected = textstatValue('test_count_polysyllable_words', id)
    expect(Math.abs(measureTree(parse(id)).polysyllables - expected)).toBeLessThanOrEqual(1)
  })
})

describe('textstat reference texts: scores', () => {
  const rows = TEXTS.flatMap((id) => SCORES.map((score) => ({id, score})))

  it.each(rows)('$id $score', ({id, score}) => {
    const ours = measureTree(parse(id))
    const textstat = textstatValue(TEXTSTAT_TESTS[score], id)
    const departure = ours[score] - asTextstat(id, ours)[score]
    const detail = `${id} ${score}: ours ${ours[score]}, textstat ${textstat}, documented departure ${departure.toFixed(3)}`
    // 0.005: our scores are rounded to 2 decimals.
    expect(Math.abs(ours[score] - departure - textstat), detail).toBeLessThanOrEqual(TOLERANCE[score] + 0.005)
  })

  it('matches textstat outright where no departure applies', () => {
    // SHORT_TEXT and EASY_TEXT: same sentences, words and syllables
    // (±1) as textstat, and Flesch, Flesch–Kincaid and SMOG are defined the
    // same way in both.
    for (const id of ['SHORT_TEXT', 'EASY_TEXT']) {
      const ours = measureTree(parse(id))
      for (const score of ['fleschReadingEase', 'fleschKincaidGrade', 'smog'] as const) {
        const textstat = textstatValue(TEXTSTAT_TESTS[score], id)
        expect(Math.abs(ours[score] - textstat), `${id} ${score}`).toBeLessThanOrEqual(TOLERANCE[score])
      }
    }
  })
})
