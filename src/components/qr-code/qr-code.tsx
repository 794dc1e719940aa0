// A check-in code as a QR code image (a PNG data URL made on the phone, see utils/qr.ts) as wide as the
// card allows, at most 480px in the 750 design, scaled without smoothing; the code text is shown
// beneath for staff who type it. Works the same in WeChat and on h5, offline.
import { useMemo } from 'react'
import { Image, Text, View } from '@tarojs/components'
import { qrDataUrl } from '../../utils/qr'

export function QrCode({ text, label = '签到二维码' }: { text: string; label?: string }) {
  const src = useMemo(() => qrDataUrl(text), [text])
  return (
    <View className='qr-code'>
      <View className='qr-code__frame' aria-label={label} role='img'>
        <Image className='qr-code__image' src={src} mode='widthFix' />
      </View>
      <Text className='qr-code__text' userSelect>{text}</Text>
    </View>
  )
}
