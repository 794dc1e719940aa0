// Browser (local runtime): no native map, so show the address in a dialog and offer to copy it.
import type { MapPlace } from './map-place'
import { showAddress } from './show-address'

export function openMap(place: MapPlace): void {
  showAddress(place)
}
