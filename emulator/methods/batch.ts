// v2 batch — doc: settings/how-to-call-rest-api/batch.md (contract.md §2.4).
import qs from 'qs';
import type { MethodTable } from '../rest/registry.js';
import { RestError } from '../rest/errors.js';
import { invoke } from '../rest/dispatch.js';
import { bump } from '../stats.js';
import { isRecord, isYes, param } from '../util.js';

export const MAX_BATCH = 50;

/** PHP json_encode of an array: [] when empty, a list when keys are 0..n-1, else an object. */
export function phpArray(map: Map<string, unknown>): unknown {
  if (map.size === 0) return [];
  const keys = [...map.keys()];
  if (keys.every((k, i) => k === String(i))) return [...map.values()];
  return Object.fromEntries(map);
}

/** Replaces `$result[key][field]…` with the value from an earlier sub-call (URL-encoded). */
export function substitute(query: string, results: Map<string, unknown>): string {
  return query.replace(/\$result((?:\[[^\]]*\])+)/g, (whole, path: string) => {
    const keys = [...path.matchAll(/\[([^\]]*)\]/g)].map((m) => m[1]!);
    let cur: unknown = results.get(keys[0]!);
    for (const k of keys.slice(1)) {
      if (Array.isArray(cur)) cur = cur[Number(k)];
      else if (isRecord(cur)) cur = cur[k];
      else return whole;
    }
    if (cur === undefined) return whole;
    return encodeURIComponent(typeof cur === 'object' ? JSON.stringify(cur) : String(cur));
  });
}

export const batchMethods: MethodTable = {
  batch: {
    scope: [],
    notInBatch: true,
    skipOperating: true,
    handler: async ({ core, auth }, params) => {
      const cmd = param(params, 'cmd');
      const entries: [string, string][] = Array.isArray(cmd)
        ? cmd.map((c, i) => [String(i), String(c)])
        : isRecord(cmd)
          ? Object.entries(cmd).map(([k, v]) => [k, String(v)])
          : [];
      if (entries.length > MAX_BATCH) throw new RestError(400, 'ERROR_BATCH_LENGTH_EXCEEDED', 'Max batch length exceeded');
      const halt = isYes(param(params, 'halt'));
      const result = new Map<string, unknown>();
      const resultError = new Map<string, unknown>();
      const resultTotal = new Map<string, unknown>();
      const resultNext = new Map<string, unknown>();
      const resultTime = new Map<string, unknown>();
      for (const [key, command] of entries) {
        const q = command.indexOf('?');
        const method = q < 0 ? command : command.slice(0, q);
        const query = q < 0 ? '' : substitute(command.slice(q + 1), result);
        const subParams = qs.parse(query, { depth: 10, arrayLimit: 1000, parameterLimit: 10_000 }) as Record<string, unknown>;
        delete subParams.auth;
        core.stats.batchSubCalls++;
        try {
          const out = await invoke(core, method, subParams, auth, { inBatch: true });
          result.set(key, out.result);
          if (out.total !== undefined) resultTotal.set(key, out.total);
          if (out.next !== undefined) resultNext.set(key, out.next);
          resultTime.set(key, out.time);
        } catch (err) {
          if (!(err instanceof RestError)) throw err;
          bump(core.stats.rejected, err.code === '' ? '(empty)' : err.code);
          resultError.set(key, { error: err.code, error_description: err.description });
          if (halt) break;
        }
      }
      return {
        result: phpArray(result),
        result_error: phpArray(resultError),
        result_total: phpArray(resultTotal),
        result_next: phpArray(resultNext),
        result_time: phpArray(resultTime),
      };
    },
  },
};
