// A check-in code as a QR code built from Views: each row's runs of dark modules are absolutely
// placed by percentages inside a square (as wide as the card allows, at most 480px in the 750 design),
// with a white quiet zone around it. Works the same in WeChat
// and on h5, offline; the code text is shown beneath for staff who type it.
import { useMemo } from 'react'
import { Text, View } from '@tarojs/components'
import { qrRuns } from '../../utils/qr'

/** A percentage rounded to 4 decimals (runs get +0.05% so neighbours meet without hairline gaps). */
const pct = (n: number) => `${Math.round(n * 10000) / 10000}%`

export function QrCode({ text, label = '签到二维码' }: { text: string; label?: string }) {
  const matrix = useMemo(() => qrRuns(text), [text])
  const unit = 100 / matrix.size
  return (
    <View className='qr-code'>
      <View className='qr-code__frame' aria-label={label} role='img'>
        <View className='qr-code__square'>
          <View className='qr-code__matrix' data-size={matrix.size}>
            {matrix.runs.map((run) => (
              <View
                key={`${run.y}-${run.x}`}
                className='qr-code__run'
                style={{
                  left: pct(run.x * unit),
                  top: pct(run.y * unit),
                  width: pct(run.length * unit + 0.05),
                  height: pct(unit + 0.05),
                }}
              />
            ))}
          </View>
        </View>
      </View>
      <Text className='qr-code__text' userSelect>{text}</Text>
    </View>
  )
}
