// Wiring only: the "Widget doctor" panel (src/doctor/doctorPanel.ts).
import { registerDoctorPanel } from './doctor/doctorPanel';

registerDoctorPanel();
