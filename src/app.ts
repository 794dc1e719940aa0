// App entry: initialises the platform's backend connection (cloud in WeChat, nothing locally) once, and
// sends a link to a page that does not exist to 页面不存在 (with the way home) instead of a blank screen.
import { PropsWithChildren } from 'react'
import Taro, { useLaunch, usePageNotFound } from '@tarojs/taro'
import { initBackend } from './services/backend-init'
import { routes } from './utils/nav'
import './app.scss'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    initBackend()
  })
  usePageNotFound(() => {
    Taro.redirectTo({ url: routes.notFound }).catch(() => Taro.reLaunch({ url: routes.notFound }))
  })
  return children
}

export default App
