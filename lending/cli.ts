// `npm run -s lending -- <schedule|servicing|prepay|rates>`: JSON on stdin → JSON on stdout.
// The only file in lending/ that does I/O. Exit 0 with the result, 2 with {error, message, path}.
import { isLendingError } from './errors.js';
import { runLendingCommand } from './commands.js';

const MAX_INPUT_BYTES = 1_048_576;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_INPUT_BYTES) throw new Error('input larger than 1 MiB');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function main(): Promise<number> {
  const command = process.argv[2] ?? '';
  let input: unknown;
  try {
    input = JSON.parse(await readStdin());
  } catch (e) {
    process.stdout.write(`${JSON.stringify({ error: 'INVALID_JSON', message: (e as Error).message, path: '' })}\n`);
    return 2;
  }
  try {
    process.stdout.write(`${JSON.stringify(runLendingCommand(command, input), null, 2)}\n`);
    return 0;
  } catch (e) {
    if (isLendingError(e)) {
      process.stdout.write(`${JSON.stringify(e.toJSON())}\n`);
      return 2;
    }
    throw e;
  }
}

process.exitCode = await main();
