// WeChat cannot print a page: say how to get a paper list instead.
import Taro from '@tarojs/taro'

export function printPage(): void {
  Taro.showModal({
    title: '小程序内不能直接打印',
    content: '请在电脑浏览器中打开本页打印，或在「报名名单」中导出 Excel 后打印。',
    showCancel: false,
    confirmText: '知道了',
  }).catch(() => undefined)
}
