/** Byte sizes used by the data layer's limits, in one place. */

/** One kibibyte, 1024 bytes. */
export const KIB = 1024
/** One mebibyte, 1024 × 1024 bytes. */
export const MIB = 1024 * KIB

/** `n` bytes as mebibytes with one decimal, e.g. `"64.0 MiB"`, for messages. */
export function mib(n: number): string {
  return `${(n / MIB).toFixed(1)} MiB`
}
