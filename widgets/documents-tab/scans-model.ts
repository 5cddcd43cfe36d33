// The client's scans in the Documents tab (wire/document-scans.ts): kept with the application for
// every bank; after an upload or a delete the values are read again, so a bank that requires the
// scan counts it. A refusal shows under the field.
import { batch, signal, type Signal } from '@preact/signals';
import type { ScanView } from '../../wire/document-scans.js';
import type { ValuesView } from '../../wire/documents.js';
import type { DocumentsApi } from './api.js';
import { message, scanKey, setIn } from './keyed.js';

interface Shared {
  values: Signal<ValuesView | null>;
  errors: Signal<Record<string, string>>;
  saving: Signal<string | null>;
  /** Where a failure to open a file is told (the packs' line: the scan field has no room for it). */
  openError: Signal<string | null>;
}

export function createScansModel(api: DocumentsApi, s: Shared) {
  const scans = signal<ScanView[]>([]);
  return {
    scans,
    scanKey,

    async uploadScan(code: string, file: { name: string; arrayBuffer(): Promise<ArrayBuffer> }): Promise<void> {
      const key = scanKey(code);
      s.saving.value = key;
      try {
        const kept = await api.uploadScan(code, file.name, new Uint8Array(await file.arrayBuffer()));
        // The scan is kept: the refusal of an earlier file goes in the same render that shows it,
        // not after the values are read again (the person saw both the new file and the old error).
        batch(() => {
          scans.value = kept;
          setIn(s.errors, key, null);
        });
        s.values.value = await api.values();
      } catch (e) {
        setIn(s.errors, key, message(e));
      } finally {
        if (s.saving.value === key) s.saving.value = null;
      }
    },

    async deleteScan(code: string, scanId: string): Promise<void> {
      try {
        const kept = await api.deleteScan(scanId);
        batch(() => {
          scans.value = kept;
          setIn(s.errors, scanKey(code), null);
        });
        s.values.value = await api.values();
      } catch (e) {
        setIn(s.errors, scanKey(code), message(e));
      }
    },

    async openScan(scanId: string): Promise<void> {
      try {
        window.open(URL.createObjectURL(await api.scanFile(scanId)), '_blank', 'noopener');
      } catch (e) {
        s.openError.value = message(e);
      }
    },
  };
}
