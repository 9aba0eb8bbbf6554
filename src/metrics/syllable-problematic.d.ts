// The `syllable` package's table of words its expressions miscount (no types of its own).
declare module 'syllable/problematic.js' {
  export const problematic: Record<string, number>
}
