// The web map link of a place (高德 URI API, which opens the 高德 app where installed): a marker at
// its GCJ-02 coordinates when known, otherwise a search for its address.
import type { MapPlace } from './map-place'

export function mapLink({ name, address, latitude, longitude }: MapPlace): string {
  if (latitude !== undefined && longitude !== undefined) {
    return `https://uri.amap.com/marker?position=${longitude},${latitude}&name=${encodeURIComponent(name)}&coordinate=gaode&callnative=1`
  }
  return `https://uri.amap.com/search?keyword=${encodeURIComponent(address)}&callnative=1`
}
