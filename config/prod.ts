// Production overrides: the builds WeChat DevTools uploads and the local gateway serves.
import type { UserConfigExport } from '@tarojs/cli'

export default {
  mini: {},
  h5: {},
} satisfies UserConfigExport<'webpack5'>
