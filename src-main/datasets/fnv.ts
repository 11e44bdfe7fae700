/**
 * The 32-bit FNV-1a hash (Fowler–Noll–Vo; offset basis and prime from the
 * published FNV parameters), the one hash of the data layer: for interning
 * cell bytes, for keys of integer columns and for ids derived from names.
 */

/** FNV-1a 32-bit offset basis. */
export const FNV_OFFSET = 0x811c9dc5
/** FNV-1a 32-bit prime. */
export const FNV_PRIME = 0x01000193

/** One FNV-1a step: mixes `x` (a byte or a 32-bit integer) into hash `h`. */
export function fnvStep(h: number, x: number): number {
  return Math.imul(h ^ x, FNV_PRIME)
}

/** FNV-1a of bytes [start, end) of `b`. */
export function fnvBytes(b: Uint8Array, start: number, end: number): number {
  let h = FNV_OFFSET
  for (let k = start; k < end; k++) h = fnvStep(h, b[k]!)
  return h
}

/** FNV-1a of a text's UTF-8 bytes, as 8 hex digits. */
export function fnvHex(text: string): string {
  const b = new TextEncoder().encode(text)
  return (fnvBytes(b, 0, b.length) >>> 0).toString(16).padStart(8, '0')
}
