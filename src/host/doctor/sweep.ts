/**
 * What the doctor checks when a story's play is over: backend requests no handler answered
 * (unmocked-request, attributed to the widget whose code started them) and, in a test run, the
 * cleanups: the cabinet is unmounted there and then, so leaks fail the story's test. (In the
 * Storybook UI the cabinet stays on screen; leaks are reported when it unmounts.)
 */
import type { Cabinet } from '../cabinet/createCabinet';
import type { UnhandledRequest } from '../backend/unhandledRequests';
import { describeUnhandled } from './describeUnhandled';
import { requestOwner } from './resources';

export async function doctorSweep(cabinets: readonly Cabinet[], unhandled: readonly UnhandledRequest[], unmount: boolean): Promise<void> {
  for (const request of unhandled) {
    const owner = requestOwner(request.url);
    const cabinet = cabinets.find((c) => owner?.startsWith(`${c.amd.name}/`)) ?? cabinets[0];
    if (!cabinet) continue;
    const widget = owner ? owner.slice(cabinet.amd.name.length + 1) : 'a widget of this story';
    cabinet.doctor.report('unmocked-request', widget, describeUnhandled(widget, request));
  }
  if (unmount) await Promise.all(cabinets.map((cabinet) => cabinet.unmount()));
}
