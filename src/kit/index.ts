// The rule kit: everything a rule may depend on.
export * from './attribution.js'
export * from './document.js'
export * from './patterns.js'
export * from './phrases.js'
export * from './report.js'
export * from './retext.js'
export * from './search.js'
export * from './types.js'
