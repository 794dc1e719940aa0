// QrCode: a QR code drawn with Views (no canvas, no network).
export { QrCode } from './qr-code'
