// A place to show on a map: what openMap needs on every platform.
export interface MapPlace {
  name: string
  address: string
  latitude?: number
  longitude?: number
}
