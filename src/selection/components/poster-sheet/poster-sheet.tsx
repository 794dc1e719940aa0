// 生成海报: asks the server for the work's mini-program code (selection.shareCode), draws the poster
// (cover, title, 编号, votes, the selection's title, the code, 长按识别小程序码为TA投票) with the
// platform's canvas, and shows it over the page with 保存到相册 (weapp) or 长按保存图片 / 下载图片 (h5).
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { call } from '@/services/client'
import { ActionButton } from '@/components/action-button'
import { SAVE_HINT, SAVE_LABEL, renderPoster, savePoster } from '../../utils/poster-canvas'
import { PosterSurface } from './poster-surface'

type Sheet = { step: 'idle' } | { step: 'making' } | { step: 'ready'; src: string; name: string } | { step: 'failed'; message: string }

export function PosterSheet({ workId }: { workId: string }) {
  const [sheet, setSheet] = useState<Sheet>({ step: 'idle' })
  const [saving, setSaving] = useState(false)

  const make = async () => {
    if (sheet.step === 'making') return
    setSheet({ step: 'making' })
    const code = await call('selection', 'shareCode', { workId })
    if (!code.ok) return setSheet({ step: 'failed', message: code.message })
    try {
      setSheet({ step: 'ready', src: await renderPoster(code.data), name: `海报-${code.data.number}` })
    } catch (error) {
      console.warn('[poster] drawing failed', error)
      setSheet({ step: 'failed', message: '海报生成失败，请检查网络后重试；也可以先用「分享给好友」' })
    }
  }

  const save = async (src: string, name: string) => {
    setSaving(true)
    try {
      if ((await savePoster(src, name)) === 'saved') void Taro.showToast({ title: '已保存到相册', icon: 'success' })
    } catch {
      void Taro.showToast({ title: '保存失败，请稍后重试', icon: 'none' })
    }
    setSaving(false)
  }

  return (
    <View className='poster-sheet'>
      <PosterSurface />
      <ActionButton kind='plain' disabled={sheet.step === 'making'} onClick={() => void make()}>
        {sheet.step === 'making' ? '正在生成海报…' : '生成海报'}
      </ActionButton>
      {sheet.step === 'failed' ? <View className='poster-sheet__error' role='alert'><Text>{sheet.message}</Text></View> : null}
      {sheet.step === 'ready' ? (
        <View className='poster-sheet__mask'>
          <View className='poster-sheet__panel'>
            <Image className='poster-sheet__image' src={sheet.src} mode='widthFix' showMenuByLongpress />
            <Text className='poster-sheet__hint'>{SAVE_HINT}</Text>
            <View className='poster-sheet__actions'>
              <ActionButton disabled={saving} onClick={() => void save(sheet.src, sheet.name)}>{SAVE_LABEL}</ActionButton>
              <ActionButton kind='plain' onClick={() => setSheet({ step: 'idle' })}>关闭</ActionButton>
            </View>
          </View>
        </View>
      ) : null}
    </View>
  )
}
