import {spawnSync} from 'node:child_process'
import {fileURLToPath} from 'node:url'

export const root = fileURLToPath(new URL('../..', import.meta.url))
export const bin = fileURLToPath(new URL('../../dist/src/bin.js', import.meta.url))

export interface Run {
  readonly status: number | null
  readonly stdout: string
  readonly stderr: string
}

/** Runs the built `copydesk` as a user would. */
export function copydesk(
  args: readonly string[],
  options: {cwd?: string; input?: string | Buffer; uid?: number; gid?: number; env?: Readonly<Record<string, string>>} = {}
): Run {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? root,
    ...(options.uid === undefined ? {} : {uid: options.uid}),
    ...(options.gid === undefined ? {} : {gid: options.gid}),
    input: options.input ?? '',
    encoding: 'utf8',
    env: {...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...options.env}
  })
  return {status: result.status, stdout: result.stdout, stderr: result.stderr}
}
