// CRC-32 (IEEE 802.3, the zlib/PNG polynomial) of a string's UTF-8 bytes, as 8 hex digits: the
// checksum of every db.jsonl record. Node's native zlib.crc32 is used where it exists (Node ≥ 20.15);
// older Node 20 releases get the classic table implementation, which gives the same answer.
// A damage check, not a signature: CRC-32 catches every single-byte change and every burst up to 32
// bits, and random damage with probability 1 − 2⁻³²; whoever can write the file could rewrite any
// unkeyed hash too, so a cryptographic one would add cost and no protection.
import zlib from 'zlib'

let table: Uint32Array | null = null

function tableCrc32(bytes: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256)
    for (let n = 0; n < 256; n += 1) {
      let c = n
      for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
      table[n] = c >>> 0
    }
  }
  let crc = 0xffffffff
  for (const byte of bytes) crc = (table[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8)
  return (crc ^ 0xffffffff) >>> 0
}

type NativeCrc32 = (data: string | Uint8Array, value?: number) => number
const native = (zlib as unknown as { crc32?: NativeCrc32 }).crc32

/** The portable implementation, exported so a test can hold it against the native one. */
export function crc32Portable(text: string): number {
  return tableCrc32(Buffer.from(text, 'utf8'))
}

export function crc32(text: string): number {
  return native ? native(text) >>> 0 : crc32Portable(text)
}

export function crc32Hex(text: string): string {
  return crc32(text).toString(16).padStart(8, '0')
}
