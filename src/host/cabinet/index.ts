export { createCabinet, type Cabinet, type CabinetOptions, type WidgetSource } from './createCabinet';
export { trackCabinet, findCabinet, mountedCabinets, unmountAllCabinets } from './mountedCabinets';
