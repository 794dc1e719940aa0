// A minimal multipart/form-data parser for the one multipart request node-sdk sends (`wx.openApi`,
// built with the `form-data` package): string fields stay strings, fields sent with a filename or a
// content type (Buffers) stay Buffers.

export function parseMultipart(body: Buffer, contentType: string): Record<string, string | Buffer> {
  const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType)
  const boundary = match?.[1] ?? match?.[2]
  if (!boundary) throw new Error('multipart boundary missing')
  const delimiter = Buffer.from(`--${boundary}`)
  const fields: Record<string, string | Buffer> = {}
  let pos = body.indexOf(delimiter)
  while (pos !== -1) {
    const start = pos + delimiter.length
    if (body.subarray(start, start + 2).toString() === '--') break
    const next = body.indexOf(delimiter, start)
    if (next === -1) break
    const part = body.subarray(start + 2, next - 2)
    const headerEnd = part.indexOf('\r\n\r\n')
    if (headerEnd !== -1) {
      const headers = part.subarray(0, headerEnd).toString('utf8')
      const value = part.subarray(headerEnd + 4)
      const name = /name="([^"]*)"/i.exec(headers)?.[1]
      const binary = /filename=|content-type:/i.test(headers)
      if (name !== undefined) fields[name] = binary ? Buffer.from(value) : value.toString('utf8')
    }
    pos = next
  }
  return fields
}
