// WeChat: download the exported file and open it with the system's document viewer (which can forward
// or save it). Throws when the link no longer answers, so the caller can copy the link instead.
import Taro from '@tarojs/taro'

export async function openExport(url: string): Promise<void> {
  const { tempFilePath, statusCode } = await Taro.downloadFile({ url })
  if (statusCode !== 200) throw new Error(`download answered ${statusCode}`)
  await Taro.openDocument({ filePath: tempFilePath, fileType: 'xlsx', showMenu: true })
}
