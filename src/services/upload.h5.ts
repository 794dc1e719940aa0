// Local upload: the h5 app reads the chosen file (a blob: URL from Taro.chooseMedia/chooseImage) and
// POSTs its bytes to the gateway, which stores it in the local service and answers with a fileID.
import { fail, ok, type Result } from '@/contract'

export interface Uploaded {
  fileID: string
}

export async function uploadFile(tempFilePath: string): Promise<Result<Uploaded>> {
  try {
    const blob = await (await fetch(tempFilePath)).blob()
    const res = await fetch('/api/upload', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': blob.type || 'application/octet-stream' },
      body: blob,
    })
    const body = (await res.json()) as Result<Uploaded>
    return body.ok ? ok({ fileID: body.data.fileID }) : body
  } catch {
    return fail('NETWORK', '上传失败，请检查网络后重试')
  }
}
