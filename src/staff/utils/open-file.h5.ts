// Local (h5): the export's temporary link opens in a new tab, where the browser downloads it.
export async function openExport(url: string): Promise<void> {
  window.open(url, '_blank', 'noopener')
}
