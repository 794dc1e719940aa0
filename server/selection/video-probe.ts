// Server-side re-check of a video's size and duration, which the client reports from chooseMedia: the
// file's real size from a ranged GET of its temp URL, and its duration from the MP4 `mvhd` box when it is
// within the first or last 256 KB (where encoders put `moov`). When the box is not found, the reported
// duration stands and the human reviewer watches the video anyway.
import { get as httpGet } from 'node:http'
import { get as httpsGet } from 'node:https'

const PROBE_BYTES = 256 * 1024

export interface VideoFacts {
  size: number | null
  duration: number | null
}

/** A ranged GET with Node's own http(s), so it also works on CloudBase's Node 16 runtime (no fetch). */
function ranged(url: string, range: string): Promise<{ bytes: Buffer; total: number | null }> {
  const get = url.startsWith('https:') ? httpsGet : httpGet
  return new Promise((resolve, reject) => {
    const req = get(url, { headers: { range }, timeout: 10_000 }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('error', reject)
      res.on('end', () => {
        const ok = res.statusCode === 200 || res.statusCode === 206
        const contentRange = res.headers['content-range']
        const total = contentRange ? Number(contentRange.split('/')[1]) : Number(res.headers['content-length'])
        resolve({ bytes: ok ? Buffer.concat(chunks) : Buffer.alloc(0), total: ok && Number.isFinite(total) && total > 0 ? total : null })
      })
    })
    req.on('timeout', () => req.destroy(new Error('video probe timed out')))
    req.on('error', reject)
  })
}

/** Duration in seconds from the first `mvhd` box found in a buffer. */
export function mvhdDuration(buf: Buffer): number | null {
  const at = buf.indexOf('mvhd', 0, 'latin1')
  if (at < 4) return null
  const version = buf[at + 4]
  const body = at + 8
  if (version === 1 && buf.length >= body + 28) {
    const timescale = buf.readUInt32BE(body + 16)
    const duration = Number(buf.readBigUInt64BE(body + 20))
    return timescale > 0 ? duration / timescale : null
  }
  if (version === 0 && buf.length >= body + 16) {
    const timescale = buf.readUInt32BE(body + 8)
    const duration = buf.readUInt32BE(body + 12)
    return timescale > 0 ? duration / timescale : null
  }
  return null
}

export async function probeVideo(url: string): Promise<VideoFacts> {
  try {
    const head = await ranged(url, `bytes=0-${PROBE_BYTES - 1}`)
    let duration = mvhdDuration(head.bytes)
    if (duration === null && head.total !== null && head.total > PROBE_BYTES) {
      duration = mvhdDuration((await ranged(url, `bytes=-${PROBE_BYTES}`)).bytes)
    }
    return { size: head.total, duration }
  } catch (error) {
    console.warn('[selection] video probe failed', error)
    return { size: null, duration: null }
  }
}
