// Local upload: the h5 app reads the chosen file (a blob: URL from the file chooser) and POSTs its bytes
// to the gateway, which stores it in the local service and answers with a fileID. XMLHttpRequest rather
// than fetch, because only it reports upload progress (a video may be tens of MB).
import { fail, type Result } from '@/contract'

export interface Uploaded {
  fileID: string
}

/** `onProgress` gets whole percentages (0–100) while the bytes go up. */
export async function uploadFile(tempFilePath: string, onProgress?: (percent: number) => void): Promise<Result<Uploaded>> {
  let blob: Blob
  try {
    blob = await (await fetch(tempFilePath)).blob()
  } catch {
    return fail('INVALID_INPUT', '读取不到这个文件，请重新选择')
  }
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', '/api/upload')
    xhr.withCredentials = true
    xhr.setRequestHeader('content-type', blob.type || 'application/octet-stream')
    xhr.upload.onprogress = (e) => {
      if (onProgress && e.lengthComputable && e.total > 0) onProgress(Math.floor((e.loaded / e.total) * 100))
    }
    xhr.onload = () => {
      try {
        const body = JSON.parse(xhr.responseText) as Result<Uploaded>
        resolve(body.ok ? { ok: true, data: { fileID: body.data.fileID } } : body)
      } catch {
        resolve(fail('NETWORK', '上传失败，请检查网络后重试'))
      }
    }
    xhr.onerror = () => resolve(fail('NETWORK', '上传失败，请检查网络后重试'))
    xhr.send(blob)
  })
}
