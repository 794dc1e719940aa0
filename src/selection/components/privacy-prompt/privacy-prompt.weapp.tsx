// WeChat's custom privacy prompt: when a privacy API (chooseMedia) needs the user's authorization, WeChat
// holds the call and fires onNeedPrivacyAuthorization; this overlay explains why, links the
// 《小程序隐私保护指引》 (openPrivacyContract), and answers with 同意 (a button of open-type
// agreePrivacyAuthorization, whose id WeChat checks) or 拒绝, which lets the held call go on or fail.
// The listener is app-wide and the last registration wins, so the page registers it whenever it shows.
import { useEffect, useRef, useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'

type Resolve = (option: Taro.onNeedPrivacyAuthorization.ResolveOption) => void
const AGREE_ID = 'privacy-agree'

export function PrivacyPrompt() {
  const [open, setOpen] = useState(false)
  const held = useRef<Resolve[]>([])

  const listen = () => {
    if (typeof Taro.onNeedPrivacyAuthorization !== 'function') return
    Taro.onNeedPrivacyAuthorization((resolve) => {
      held.current.push(resolve)
      resolve({ event: 'exposureAuthorization' })
      setOpen(true)
    })
  }
  useEffect(listen, [])
  useDidShow(listen)

  const answer = (option: Taro.onNeedPrivacyAuthorization.ResolveOption) => {
    const all = held.current
    held.current = []
    setOpen(false)
    for (const resolve of all) resolve(option)
  }
  const refuse = () => {
    answer({ event: 'disagree' })
    Taro.showToast({ title: '未同意隐私保护指引，暂时不能选择照片或视频', icon: 'none' }).catch(() => undefined)
  }
  const openContract = () => Taro.openPrivacyContract({
    fail: () => void Taro.showToast({ title: '打不开隐私保护指引，请稍后再试', icon: 'none' }).catch(() => undefined),
  })

  if (!open) return null
  return (
    <View className='privacy-prompt' catchMove>
      <View className='privacy-prompt__panel' role='dialog'>
        <Text className='privacy-prompt__title'>用户隐私保护提示</Text>
        <View className='privacy-prompt__body'>
          <Text>上传作品需要从相册选择或拍摄照片、视频。请先阅读</Text>
          <Text className='privacy-prompt__link' onClick={openContract}>《小程序隐私保护指引》</Text>
          <Text>，同意后才能选择；不同意也可以继续浏览作品和投票。</Text>
        </View>
        <View className='privacy-prompt__buttons'>
          <Button className='privacy-prompt__button' onClick={refuse}>拒绝</Button>
          <Button
            id={AGREE_ID}
            className='privacy-prompt__button privacy-prompt__button--agree'
            openType='agreePrivacyAuthorization'
            onAgreePrivacyAuthorization={() => answer({ event: 'agree', buttonId: AGREE_ID })}
          >
            同意
          </Button>
        </View>
      </View>
    </View>
  )
}
