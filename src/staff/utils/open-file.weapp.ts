// WeChat: download the exported file under its name (巴南分会场-…-报名名单.xlsx, into the mini-program's
// user folder) and open it with the system's document viewer, whose menu forwards or saves it under that
// name. Throws when the link no longer answers, so the caller can copy the link instead.
import Taro from '@tarojs/taro'

export async function openExport(url: string, fileName: string): Promise<void> {
  const filePath = `${Taro.env.USER_DATA_PATH}/${fileName}`
  const { statusCode } = await Taro.downloadFile({ url, filePath })
  if (statusCode !== 200) throw new Error(`download answered ${statusCode}`)
  await Taro.openDocument({ filePath, fileType: 'xlsx', showMenu: true })
}
