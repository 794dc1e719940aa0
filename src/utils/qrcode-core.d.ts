// Types for the encoder core of the `qrcode` package (its own typings cover only the full entry).
declare module 'qrcode/lib/core/qrcode' {
  export interface QrCodeModules {
    size: number
    get(row: number, col: number): number | boolean
  }
  export function create(data: string | Array<{ data: ArrayLike<number>; mode: 'byte' }>, options?: { errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H' }): { modules: QrCodeModules; version: number }
}
