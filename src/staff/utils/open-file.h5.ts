// Local (h5): the export's temporary link is followed by a download link (so no pop-up blocker stops
// it), saving the file under its name (巴南分会场-…-报名名单.xlsx).
export async function openExport(url: string, fileName: string): Promise<void> {
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.rel = 'noopener'
  document.body.appendChild(link)
  link.click()
  link.remove()
}
