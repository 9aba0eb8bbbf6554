import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {parse} from '../src/engine/parse.js'
import {getDocument} from '../src/kit/document.js'
import {
  consensusGrade,
  consensusGradeOf,
  emptyMetrics,
  type Metrics,
  measureSentences,
  sentenceGrade,
  sentenceUnits
} from '../src/metrics/index.js'

function unitsOf(text: string) {
  const file = new VFile({value: text})
  const parsed = parse(file, 'txt')
  file.data.copydesk = {format: 'txt', blocks: parsed.blocks}
  return sentenceUnits(getDocument(parsed.tree, file))
}

function gradesOf(
  fleschKincaidGrade: number,
  gunningFog: number,
  smog: number,
  colemanLiau: number,
  automatedReadability: number
): Metrics {
  return {...emptyMetrics(), fleschKincaidGrade, gunningFog, smog, colemanLiau, automatedReadability}
}

describe('consensusGrade', () => {
  it.each([
    ['in order', gradesOf(1, 2, 3, 4, 5), 3],
    ['reversed', gradesOf(5, 4, 3, 2, 1), 3],
    ['median last', gradesOf(9, 1, 8, 2, 5), 5],
    ['two equal in the middle', gradesOf(7, 7, 2, 9, 1), 7],
    ['three equal', gradesOf(4, 4, 4, 0, 10), 4],
    ['all equal', gradesOf(6.5, 6.5, 6.5, 6.5, 6.5), 6.5],
    ['negative grades', gradesOf(-3.2, -1.5, 0, -7, 2.25), -1.5]
  ])('%s: the middle of the five formulas', (_, metrics, grade) => {
    expect(consensusGrade(metrics)).toBe(grade)
  })
})

describe('grades of sentences', () => {
  const text =
    'The council approved the budget. Extraordinarily complicated administrative reorganisations occasionally necessitate considerable deliberation by committees. He left.\n\nIt rained.'

  it('grades each sentence as its full metrics would', () => {
    const units = unitsOf(text)
    expect(units.map((unit) => sentenceGrade(unit))).toEqual(units.map((unit) => consensusGrade(measureSentences([unit]))))
    expect(new Set(units.map((unit) => sentenceGrade(unit))).size).toBeGreaterThan(1)
  })

  it('grades sentences together as their full metrics would', () => {
    const units = unitsOf(text)
    expect(consensusGradeOf(units)).toBe(consensusGrade(measureSentences(units)))
    expect(consensusGradeOf([])).toBe(0)
  })
})
