import {spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {describe, expect, it} from 'vitest'
import {bin, root} from './spawn.js'

// What the main thread loads decides how long every `copydesk` call takes to start. A loader hook
// (written into a temporary folder) lists each module the main thread loads; worker threads do
// not register it, so their loads are not listed.
const folder = mkdtempSync(path.join(tmpdir(), 'copydesk-startup-'))
const hooks = path.join(folder, 'hooks.mjs')
writeFileSync(
  hooks,
  "export async function load(url, context, next) {\n  if (url.startsWith('file:')) process.stderr.write('LOADED ' + url + '\\n')\n  return next(url, context)\n}\n"
)
const register = path.join(folder, 'register.mjs')
writeFileSync(
  register,
  `import {register} from 'node:module'\nimport {isMainThread} from 'node:worker_threads'\nif (isMainThread) register(${JSON.stringify(pathToFileURL(hooks).href)})\n`
)
const article = path.join(folder, 'story.txt')
writeFileSync(article, 'Headline\n\nThe plan, it is claimed, failed.\n')
const second = path.join(folder, 'other.txt')
writeFileSync(second, 'Headline\n\nIn order to utilize the funds, the minister spoke.\n')
// A folder to walk, with a `.lintignore` that leaves one of its two articles out.
const desk = path.join(folder, 'desk')
mkdirSync(desk)
writeFileSync(path.join(desk, 'kept.txt'), 'Headline\n\nThe plan, it is claimed, failed.\n')
writeFileSync(path.join(desk, 'skipped.txt'), 'Headline\n\nThe plan, it is claimed, failed.\n')
writeFileSync(path.join(desk, '.lintignore'), 'skipped.txt\n')

/** Runs the built CLI; returns its output and the modules its main thread loaded, relative to the package. */
function startup(args: readonly string[]): {status: number | null; stdout: string; loaded: string[]} {
  const result = spawnSync(process.execPath, ['--import', pathToFileURL(register).href, bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: {...process.env, NO_COLOR: '1', FORCE_COLOR: '0'}
  })
  const prefix = pathToFileURL(root).href
  const loaded = result.stderr
    .split('\n')
    .filter((line) => line.startsWith('LOADED '))
    .map((line) => line.slice('LOADED '.length))
    .filter((url) => url.startsWith(prefix))
    .map((url) => url.slice(prefix.length).replace(/^\//, ''))
  return {status: result.status, stdout: result.stdout, loaded}
}

const version = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {version: string}).version
const engine = (file: string): boolean =>
  file.startsWith('dist/src/engine/') && !/\/(format|read|severity|memory)\.js$/.test(file)
const rules = (file: string): boolean => file.startsWith('dist/rules/')
const metrics = (file: string): boolean => file.startsWith('dist/src/metrics/')
const anyReporter = (file: string): boolean => /^dist\/src\/reporters\/(stylish|json|sarif|junit|github|html)\.js$/.test(file)
const workerPool = (file: string): boolean => file.startsWith('node_modules/piscina/')
// CommonJS packages the file walk uses. Imported from an ES module, Node 20 first runs its own
// JavaScript lexer over every CommonJS file of the package to find its exports (about 100 ms of
// CPU for these): they are required instead, which the ES module loader, and so the hook, never sees.
const fileWalk = (file: string): boolean => /^node_modules\/(globby|fast-glob|micromatch|ignore)\//.test(file)

describe('what the main thread loads at start', () => {
  it.each([
    // args, what the user sees on stdout, modules the main thread must load, modules it must not load
    [['--version'], `${version}\n`, ['dist/src/cli/run.js'], [engine, rules, metrics, anyReporter]],
    [['--help'], 'Usage: copydesk', ['dist/src/cli/args.js'], [engine, rules, metrics, anyReporter]],
    // Worker threads lint: the main thread resolves configs (with the rules' metadata, which
    // brings the metrics their defaults name) and prints the report, but never parses or lints.
    [
      ['--jobs', '2', '--format', 'json', article, second],
      '"ruleId":"unattributed-claim"',
      ['dist/src/cli/pool.js', 'dist/src/reporters/json.js', 'node_modules/piscina/dist/main.js'],
      [engine]
    ],
    // One job lints in this thread: the engine must be loaded, which shows the hook sees it; the
    // worker pool is not.
    [
      ['--jobs', '1', '--format', 'json', article],
      '"ruleId":"unattributed-claim"',
      ['dist/src/engine/parse.js', 'dist/src/engine/lint.js', 'dist/src/reporters/json.js'],
      [workerPool]
    ],
    // A folder is walked with its `.lintignore` applied, without the ES module loader's lexing.
    [['--jobs', '1', '--format', 'json', desk], 'kept.txt', ['dist/src/cli/files.js'], [fileWalk]]
  ] as const)('copydesk %j', (args, output, mustLoad, mustNotLoad) => {
    const run = startup(args)
    expect(run.stdout).toContain(output)
    expect(run.stdout).not.toContain('skipped.txt')
    for (const file of mustLoad) expect(run.loaded).toContain(file)
    for (const excluded of mustNotLoad) expect(run.loaded.filter(excluded)).toEqual([])
  })

  it('loads only the reporter of the format asked for', () => {
    const run = startup(['--jobs', '2', '--format', 'sarif', article, second])
    expect(run.stdout).toContain('"ruleId": "unattributed-claim"')
    expect(run.loaded.filter(anyReporter)).toEqual(['dist/src/reporters/sarif.js'])
  })
})
