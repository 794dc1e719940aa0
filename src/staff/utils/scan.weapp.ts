// WeChat: the door scanner opens the camera (QR codes only). Null when the staff member cancels.
import Taro from '@tarojs/taro'

/** True where the page offers a camera scan; false where the code is typed or pasted instead. */
export const canScan = true

export async function scanCheckInCode(): Promise<string | null> {
  try {
    const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
    return res.result.trim() || null
  } catch {
    return null
  }
}
