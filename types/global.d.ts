// Global declarations for the mini-program sources: Taro's types, WeChat's API typings, asset modules,
// and constants injected at build time (config/index.ts defineConstants).
/// <reference types="@tarojs/taro" />
/// <reference types="miniprogram-api-typings" />

declare module '*.png'
declare module '*.svg'
declare module '*.scss'

/** CloudBase environment id for the weapp build (empty: the DevTools' default environment). */
declare const CLOUD_ENV: string

/** Subscribe-message template ids asked for at clinic sign-up: CLINIC_TEMPLATE_REMINDER and
 * CLINIC_TEMPLATE_PROMOTED at build time (the same ids the `clinic` function sends with); empty: not configured. */
declare const CLINIC_SUBSCRIBE_TEMPLATE_IDS: string[]
/** The reminder subscribe-message template (event reminders ask for it alone); '' when not configured. */
declare const REMINDER_TEMPLATE_ID: string

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test'
    TARO_ENV: 'weapp' | 'h5'
    TARO_APP_ID: string
  }
}
