/** Sends a cabinet's findings to the "Widget doctor" panel, now and on every new one. */
import { addons } from 'storybook/preview-api';
import type { Cabinet } from '../cabinet/createCabinet';
import { DOCTOR_EVENT } from './channelEvents';

export function reportToPanel(storyId: string, cabinet: Cabinet): void {
  const emit = () => {
    try {
      addons.getChannel().emit(DOCTOR_EVENT, { storyId, findings: [...cabinet.doctor.findings] });
    } catch {
      // No channel (a test run without the Storybook manager): the console and the test report it.
    }
  };
  emit();
  cabinet.doctor.listen(emit);
}
