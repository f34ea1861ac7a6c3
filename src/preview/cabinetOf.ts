/** For play functions and tests: the story's cabinet, once every widget has mounted. */
import type { Cabinet } from '../host/cabinet/createCabinet';
import { findCabinet } from '../host/cabinet/mountedCabinets';

export async function cabinetOf(canvasElement: Element): Promise<Cabinet> {
  const cabinet = findCabinet(canvasElement);
  if (!cabinet) throw new Error('No workbench cabinet in this canvas: does the story use the workbench render?');
  await cabinet.ready;
  return cabinet;
}
