// WeChat: download the exported file and open it with the system's document viewer.
import Taro from '@tarojs/taro'

export async function openExport(url: string): Promise<void> {
  const { tempFilePath } = await Taro.downloadFile({ url })
  await Taro.openDocument({ filePath: tempFilePath, fileType: 'xlsx', showMenu: true })
}
