// Packs in the Documents tab (wire/document-packs.ts): the banks and internal documents to include,
// Generate (POST, then polled until final, the list's copy kept current), Retry on a document whose
// step failed (followed the same way), and opening a document or its preview from its bytes.
import { signal } from '@preact/signals';
import type { PackView } from '../../wire/document-packs.js';
import { ApiError, type DocumentsApi } from './api.js';
import { message } from './keyed.js';
import { packedBankIds, preselectedBanks } from './pack-banks.js';
import type { ValuesView } from '../../wire/documents.js';

const POLL_MS = 1000;
/** A pack is polled for at most this long; then the list shows it as the server last said. */
const POLL_LIMIT_MS = 10 * 60_000;
const FINAL = new Set(['done', 'failed']);

export function createPacksModel(api: DocumentsApi, sleep: (ms: number) => Promise<void>) {
  const packs = signal<PackView[] | null>(null);
  const packsUnavailable = signal(false);
  const packError = signal<string | null>(null);
  const packBanks = signal<string[]>([]);
  /** The user ticked or unticked a bank: what they chose is never replaced by a pre-selection. */
  let touched = false;
  const packInternal = signal(true);
  const generating = signal(false);
  const put = (p: PackView) => (packs.value = [p, ...(packs.value ?? []).filter((x) => x.id !== p.id)]);

  async function follow(first: PackView): Promise<void> {
    let pack = first;
    put(pack);
    const until = Date.now() + POLL_LIMIT_MS;
    while (!FINAL.has(pack.status) && Date.now() < until) {
      await sleep(POLL_MS);
      pack = await api.pack(pack.id);
      put(pack);
    }
  }

  return {
    packs,
    packsUnavailable,
    packError,
    packBanks,
    packInternal,
    generating,

    async loadPacks(): Promise<void> {
      try {
        packs.value = await api.packs();
        packsUnavailable.value = false;
      } catch (e) {
        // The pack routes come with the pack generator (wire/document-packs.ts); until a server has
        // them, the section says so instead of a raw "No route".
        if (e instanceof ApiError && e.status === 404 && e.code === 'NOT_FOUND' && e.message.startsWith('No route'))
          packsUnavailable.value = true;
        else packError.value = message(e);
      }
    },

    /** Pre-ticks the banks for this deal (pack-banks.ts); again once the deal's packs are read. */
    preselectBanks(banks: ValuesView['banks'], dealCurrency: string): void {
      if (!touched) packBanks.value = preselectedBanks(banks, dealCurrency, packedBankIds(packs.value));
    },

    togglePackBank(bankId: string, on: boolean): void {
      touched = true;
      const rest = packBanks.value.filter((b) => b !== bankId);
      packBanks.value = on ? [...rest, bankId] : rest;
    },

    /** POSTs the pack, then polls it until it is final. */
    async generate(): Promise<void> {
      if (generating.value || packBanks.value.length === 0) return;
      generating.value = true;
      packError.value = null;
      try {
        await follow(await api.generatePack({ bankIds: packBanks.value, internal: packInternal.value }));
      } catch (e) {
        packError.value = message(e);
      } finally {
        generating.value = false;
      }
    },

    /** Runs a failed document's step again, then follows the pack until it is final again. */
    async retryDocument(packId: string, index: number): Promise<void> {
      if (generating.value) return;
      generating.value = true;
      packError.value = null;
      try {
        await follow(await api.retryDocument(packId, index));
      } catch (e) {
        packError.value = message(e);
      } finally {
        generating.value = false;
      }
    },

    /** Opens a generated document (or its preview) in a new browser tab from its bytes. */
    async openDocument(packId: string, index: number, what: 'file' | 'preview'): Promise<void> {
      try {
        const blob = await api.document(packId, index, what);
        window.open(URL.createObjectURL(blob), '_blank', 'noopener');
      } catch (e) {
        packError.value = message(e);
      }
    },
  };
}
