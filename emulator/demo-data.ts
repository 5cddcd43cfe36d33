// Demo portal content (filled in by a later slice).
import type { EmulatorState } from './state.js';

export function seedDemoData(_state: EmulatorState): void {}
