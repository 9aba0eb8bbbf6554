import type {Root} from 'nlcst'
import type {VFile} from 'vfile'

/** How much a finding matters; `off` turns a rule off. */
export type Severity = 'off' | 'info' | 'warning' | 'error'
export type ActiveSeverity = Exclude<Severity, 'off'>
export const severities: readonly Severity[] = ['off', 'info', 'warning', 'error']

/** The formats copydesk reads, chosen by file extension. */
export type Format = 'txt' | 'md' | 'html'

/** A JSON schema object, as Ajv takes it. Kept loose on purpose: schemas are data. */
export interface JsonSchema {
  readonly [key: string]: unknown
}

/** What every rule declares about itself: the single home of its defaults. */
export interface RuleMeta<Options extends object = object> {
  /** Kebab-case id: also the folder under rules/ and the config key. */
  readonly id: string
  readonly description: string
  readonly severity: ActiveSeverity
  /** Whether the rule offers safe fixes that `--fix` applies. */
  readonly fixable: boolean
  /** Whether `copydesk:recommended` turns the rule on (every rule is on in `copydesk:strict`). */
  readonly recommended: boolean
  /** JSON schema of the options object (type object, no additional properties). */
  readonly schema: JsonSchema
  readonly defaults: Options
}

/** A rule: metadata plus a unified-style attacher returning a transformer. */
export interface Rule<Options extends object = object> {
  readonly meta: RuleMeta<Options>
  readonly plugin: (options: Options) => (tree: Root, file: VFile) => void
}

/** Any rule, as the registry holds them. */
export interface AnyRule {
  readonly meta: RuleMeta<object>
  readonly plugin: (options: never) => (tree: Root, file: VFile) => void
}

/** A safe, mechanical edit: replace `range` (UTF-16 offsets) of the file with `text`. */
export interface Fix {
  readonly range: readonly [number, number]
  readonly text: string
}

/** The kind of a block of the source document, whatever its format. */
export type BlockKind = 'heading' | 'paragraph' | 'list-item' | 'quote' | 'caption' | 'table' | 'code' | 'html' | 'other'

/** A block (a line of plain text, or a block element of Markdown or HTML). */
export interface Block {
  readonly kind: BlockKind
  /** Start and end offsets in the file. */
  readonly start: number
  readonly end: number
  /** The block's text content (markup removed, entities decoded). */
  readonly text: string
  /** Index among the document's blocks. */
  readonly index: number
  /** Enclosing elements that mark furniture in HTML (aside, nav, figure, footer, header, form), or class names. */
  readonly containers: readonly string[]
  /** HTML only: the source range of the element each entry of `containers` comes from (-1 when unknown). */
  readonly containerRanges?: readonly (readonly [number, number])[]
  /** HTML only: the source range of the block element whose whole content this block is, tags included. */
  readonly element?: readonly [number, number]
  /** Heading depth (1–6), when the block is a heading. */
  readonly depth?: number
  /** Plain text only: the paragraph (blank-line separated run of lines) this line belongs to. */
  readonly paragraph?: number
}

/** Data the engine puts on each file before the rules run. */
export interface CopydeskData {
  readonly format: Format
  readonly blocks: readonly Block[]
}

declare module 'vfile' {
  interface DataMap {
    copydesk: CopydeskData
  }
}
