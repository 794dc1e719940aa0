// QrCode: a QR code as a PNG image made on the phone (no canvas, no network).
export { QrCode } from './qr-code'
