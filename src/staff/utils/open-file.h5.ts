// Local (h5): the export's temporary link is followed by a download link, so no pop-up blocker stops it.
export async function openExport(url: string): Promise<void> {
  const link = document.createElement('a')
  link.href = url
  link.download = ''
  link.rel = 'noopener'
  document.body.appendChild(link)
  link.click()
  link.remove()
}
