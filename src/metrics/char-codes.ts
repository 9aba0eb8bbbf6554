// The UTF-16 code units the word measures test by number: their hot loops compare character codes
// rather than one-character strings or regular expressions.
export const apostrophe = 0x27
export const digitZero = 0x30
export const digitNine = 0x39
export const capitalA = 0x41
export const capitalZ = 0x5a
export const letterA = 0x61
export const letterD = 0x64
export const letterE = 0x65
export const letterG = 0x67
export const letterL = 0x6c
export const letterR = 0x72
export const letterS = 0x73
export const letterT = 0x74
export const letterY = 0x79
export const letterZ = 0x7a
