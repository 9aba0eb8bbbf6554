import {describe, expect, it} from 'vitest'
import type {JsonMessage} from '../../src/reporters/json.js'
import {applyEdit, editsFor, matchCase, parseConfig, primaryFinding, segments, summary} from '../../src/server/page/model.js'

function message(start: number, end: number, extra: Partial<JsonMessage> = {}): JsonMessage {
  return {
    ruleId: 'loaded-wording',
    source: 'copydesk',
    severity: 'warning',
    fatal: false,
    reason: 'Unexpected',
    line: 1,
    column: start + 1,
    place: {start: {line: 1, column: start + 1, offset: start}, end: {line: 1, column: end + 1, offset: end}},
    ...extra
  }
}

const text = 'The fanatics, it is claimed, won.'

describe('segments', () => {
  it('covers the whole text in order, cutting at every finding edge', () => {
    const messages = [message(0, 33, {ruleId: 'readability'}), message(4, 12), message(14, 27)]
    const cut = segments(text.length, messages)
    expect(cut.map((segment) => text.slice(segment.start, segment.end)).join('')).toBe(text)
    expect(cut.map((segment) => [text.slice(segment.start, segment.end), segment.findings])).toEqual([
      ['The ', [0]],
      ['fanatics', [0, 1]],
      [', ', [0]],
      ['it is claimed', [0, 2]],
      [', won.', [0]]
    ])
  })

  it('draws a stretch as its narrowest finding', () => {
    const messages = [message(0, 33, {severity: 'error'}), message(4, 12, {severity: 'info'})]
    expect(primaryFinding([0, 1], messages, text.length)).toBe(1)
  })

  it('leaves out findings with no place or an empty one, and clamps the rest to the text', () => {
    const cut = segments(text.length, [{...message(0, 0), place: null}, message(5, 5), message(30, 99)])
    expect(cut.map((segment) => segment.findings)).toEqual([[], [2]])
    expect(cut[1]).toMatchObject({start: 30, end: text.length})
  })
})

describe('edits', () => {
  it('offers the safe fix, labelled with what it removes', () => {
    const withFix = message(0, 3, {fix: {range: [0, 4], text: ''}})
    const [edit] = editsFor(withFix, text)
    expect(edit?.label).toBe('Remove “The”')
    expect(edit && applyEdit(text, edit)).toBe('fanatics, it is claimed, won.')
  })

  it('offers each alternative in place of the words found, keeping their capital', () => {
    const loaded = message(4, 12, {actual: 'fanatics', expected: ['militants', 'supporters']})
    const edits = editsFor(loaded, text)
    expect(edits.map((edit) => edit.label)).toEqual(['Use “militants”', 'Use “supporters”'])
    expect(edits[0] && applyEdit(text, edits[0])).toBe('The militants, it is claimed, won.')
    expect(matchCase('Fanatics', 'militants')).toBe('Militants')
    expect(matchCase('ISIS', 'group')).toBe('group')
  })

  it('offers nothing when the text no longer reads as the finding did', () => {
    const loaded = message(4, 12, {actual: 'zealots', expected: ['militants']})
    expect(editsFor(loaded, text)).toEqual([])
    expect(editsFor(message(0, 3, {fix: {range: [10, 99], text: ''}}), text)).toEqual([])
    expect(editsFor(message(0, 3, {expected: []}), text)).toEqual([])
  })
})

describe('page text', () => {
  it('summarises findings by severity', () => {
    expect(summary([])).toBe('No findings')
    expect(summary([message(0, 1), message(0, 1), message(0, 1, {severity: 'error'}), message(0, 1, {severity: 'info'})])).toBe(
      '1 error, 2 warnings and 1 suggestion'
    )
  })

  it('reads the config box: empty, an object, or a message', () => {
    expect(parseConfig('  ')).toEqual({ok: true, config: undefined})
    expect(parseConfig('{"rules": {}}')).toEqual({ok: true, config: {rules: {}}})
    expect(parseConfig('[1]')).toMatchObject({ok: false, message: expect.stringMatching(/JSON object/)})
    expect(parseConfig('{rules')).toMatchObject({ok: false, message: expect.stringMatching(/not valid JSON/)})
  })
})
