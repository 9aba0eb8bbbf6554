import {describe, expect, it} from 'vitest'
import {lintText} from '../../src/engine/lint.js'
import {formatGithub} from '../../src/reporters/github.js'
import {copydesk} from '../cli/spawn.js'
import {folder} from '../folder.js'
import {only} from '../helpers.js'

interface Command {
  command: string
  properties: Record<string, string>
  message: string
}

/** Reads a workflow command line the way the Actions runner does (ActionCommand.TryParseV2). */
function parse(line: string): Command {
  const match = /^::([a-z]+) ([^:]*)::(.*)$/s.exec(line)
  if (!match) throw new Error(`not a workflow command: ${line}`)
  const decode = (value: string) =>
    value.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%')
  const properties: Record<string, string> = {}
  for (const pair of (match[2] ?? '').split(',')) {
    const at = pair.indexOf('=')
    properties[pair.slice(0, at)] = decode(pair.slice(at + 1))
  }
  return {command: match[1] ?? '', properties, message: decode(match[3] ?? '')}
}

const config = only({'loaded-wording': 'error', 'unattributed-claim': 'warning', 'simpler-wording': 'info'})

describe('--format github', () => {
  it('writes one annotation per finding: severity, file, range and rule', () => {
    const report = lintText({
      text: 'Headline\n\nThe fanatics, it is claimed, failed in order to hide.\n',
      path: 'desk/a.txt',
      config
    })
    const lines = formatGithub([report]).trimEnd().split('\n')
    expect(lines).toHaveLength(report.messages.length)
    const commands = lines.map(parse)
    expect(commands.find((command) => command.properties.title?.includes('loaded-wording'))).toEqual({
      command: 'error',
      properties: {file: 'desk/a.txt', line: '3', endLine: '3', col: '5', endColumn: '13', title: 'copydesk(loaded-wording)'},
      message: report.messages.find((message) => message.ruleId === 'loaded-wording')?.reason
    })
    expect(new Set(commands.map((command) => command.command))).toEqual(new Set(['error', 'warning', 'notice']))
  })

  it('escapes what the runner would otherwise read as syntax, in messages and properties', () => {
    const report = lintText({text: 'The fanatics failed.\n', path: 'a, b: 100%.txt', config})
    const message = report.messages[0]!
    message.reason = 'Line one: 50% done,\r\nline two :: ::error::not a command'
    const line = formatGithub([{...report, messages: [message]}]).trimEnd()
    expect(line.split('\n')).toHaveLength(1)
    expect(line).not.toContain('a, b')
    const command = parse(line)
    expect(command.properties.file).toBe('a, b: 100%.txt')
    expect(command.message).toBe('Line one: 50% done,\r\nline two :: ::error::not a command')
  })

  it('gives columns only on one-line findings, where GitHub uses them', () => {
    const report = lintText({text: 'Headline\n\nThe fanatics failed.\n', path: 'a.txt', config})
    const message = report.messages[0]!
    if (message.place && 'start' in message.place) message.place.end = {line: 4, column: 2, offset: 30}
    expect(parse(formatGithub([{...report, messages: [message]}]).trimEnd()).properties).toEqual({
      file: 'a.txt',
      line: '3',
      endLine: '4',
      title: 'copydesk(loaded-wording)'
    })
  })

  it('annotates a file that could not be read, without a line', () => {
    const dir = folder({'binary.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2])})
    const run = copydesk(['--format', 'github', 'binary.txt'], {cwd: dir})
    expect(run.status).toBe(2)
    const command = parse(run.stdout.trimEnd())
    expect(command.command).toBe('error')
    expect(command.properties).toEqual({file: 'binary.txt', title: 'copydesk'})
  })
})
