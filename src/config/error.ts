/**
 * Bad configuration: names the file, the key path and what was expected. On its own so that the
 * CLI can recognise it without loading the config loader (and its schema validator) up front.
 */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly keyPath: string,
    readonly expected: string
  ) {
    super(`${file}: ${keyPath ? `${keyPath}: ` : ''}${expected}`)
    this.name = 'ConfigError'
  }
}
