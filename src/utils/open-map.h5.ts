// Browser (local runtime): open the place on a web map in a new tab; when the browser blocks the new
// tab, show the address in a dialog that offers to copy it.
import type { MapPlace } from './map-place'
import { mapLink } from './map-link'
import { showAddress } from './show-address'

export function openMap(place: MapPlace): void {
  const opened = window.open(mapLink(place), '_blank', 'noopener')
  if (!opened) showAddress(place)
}
