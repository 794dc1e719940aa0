// App entry: initialises the platform's backend connection (cloud in WeChat, nothing locally) once.
import { PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
import { initBackend } from './services/backend-init'
import './app.scss'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    initBackend()
  })
  return children
}

export default App
