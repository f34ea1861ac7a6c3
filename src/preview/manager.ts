// Wiring only: the "Widget doctor" panel (src/preview/doctorPanel.ts).
import { registerDoctorPanel } from './doctorPanel';

registerDoctorPanel();
