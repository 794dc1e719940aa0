// Global declarations for the mini-program sources: Taro's types, WeChat's API typings, asset modules,
// and constants injected at build time (config/index.ts defineConstants).
/// <reference types="@tarojs/taro" />
/// <reference types="miniprogram-api-typings" />

declare module '*.png'
declare module '*.svg'
declare module '*.scss'

/** CloudBase environment id for the weapp build (empty: the DevTools' default environment). */
declare const CLOUD_ENV: string

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test'
    TARO_ENV: 'weapp' | 'h5'
    TARO_APP_ID: string
  }
}
