import { MAX_FILE_BYTES } from '../parse/limits.js';
import { parseFile } from '../worker/parse-file.js';
import type { PaymentFileParser } from './parser-port.js';

/** The parser in the calling thread (tests and scripts); the server uses worker/worker-pool.ts. */
export const paymentFileParser: PaymentFileParser = {
  maxFileBytes: MAX_FILE_BYTES,
  async parse(file, mapping, locale, hooks) {
    hooks?.onStart?.();
    return parseFile({ fileName: file.fileName, content: new Uint8Array(file.content).buffer, mapping, locale });
  },
};
