// Moving the application to a newer catalog version, only when the user asks: the diff by label
// first, then the move from the version whose diff was seen (the server refuses if it moved meanwhile).
import { batch, computed, signal, type Signal } from '@preact/signals';
import type { ApplicationView, CatalogField, MovePreviewView } from '../../wire/document-catalog.js';
import type { ValuesView } from '../../wire/documents.js';
import type { DocumentsApi } from './api.js';
import { message } from './keyed.js';

interface Shared {
  application: Signal<ApplicationView | null>;
  fields: Signal<CatalogField[]>;
  values: Signal<ValuesView | null>;
  latestVersion: Signal<number | null>;
}

export function createMoveModel(api: DocumentsApi, s: Shared) {
  const movePreview = signal<MovePreviewView | null>(null);
  const moveError = signal<string | null>(null);
  /** The labels of both versions' fields, so the diff names fields as people know them. */
  const moveLabels = signal<ReadonlyMap<string, CatalogField['label']>>(new Map());
  const newerVersion = computed(() => {
    const pinned = s.application.value?.catalogVersion;
    const latest = s.latestVersion.value;
    return pinned !== undefined && latest !== null && latest > pinned ? latest : null;
  });
  return {
    newerVersion,
    movePreview,
    moveError,
    moveLabels,

    async reviewMove(): Promise<void> {
      const to = newerVersion.value;
      if (to === null) return;
      moveError.value = null;
      try {
        const [preview, target] = await Promise.all([api.previewMove(to), api.catalogVersion(to)]);
        batch(() => {
          moveLabels.value = new Map([...s.fields.value, ...target].map((f) => [f.code, f.label]));
          movePreview.value = preview;
        });
      } catch (e) {
        moveError.value = message(e);
      }
    },

    cancelMove(): void {
      movePreview.value = null;
    },

    async confirmMove(): Promise<void> {
      const p = movePreview.value;
      if (!p) return;
      try {
        const app = await api.move(p.from, p.to);
        const [catalog, v] = await Promise.all([api.catalogVersion(app.catalogVersion), api.values()]);
        batch(() => {
          s.application.value = app;
          s.fields.value = catalog;
          s.values.value = v;
          movePreview.value = null;
        });
      } catch (e) {
        moveError.value = message(e);
      }
    },
  };
}
