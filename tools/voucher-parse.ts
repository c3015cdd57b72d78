import { readFile } from 'node:fs/promises';
import { analyseVoucherEmail, describeVerdict } from '../domain/intake/parse-voucher-email';

/**
 * `npm run --silent voucher:parse -- <file>` (DOMAIN.md, "Contract: voucher email parsing"):
 * prints the JSON object and exits 0 for a Planning Services voucher notice with its voucher
 * number; otherwise exits 2 with one line on stderr. Never prints a stack trace. `-` reads the
 * email from standard input (a pipe or a redirected file), up to the parser's input limit.
 */
const EXIT_REFUSED = 2;
const MAX_STDIN_BYTES = 8 * 1024 * 1024;

/** Standard input, whole, cut at the limit (the parser would cut it there too). */
async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    chunks.push(bytes);
    size += bytes.length;
    if (size >= MAX_STDIN_BYTES) break;
  }
  return Buffer.concat(chunks).subarray(0, MAX_STDIN_BYTES);
}

async function readInput(file: string): Promise<Buffer | null> {
  try {
    return file === '-' ? await readStdin() : await readFile(file);
  } catch {
    refuse(file === '-' ? 'cannot read standard input' : `cannot read file ${JSON.stringify(file)}`);
    return null;
  }
}

function refuse(message: string): void {
  process.stderr.write(`voucher:parse: ${message.replace(/[\r\n]+/g, ' ')}\n`);
  process.exitCode = EXIT_REFUSED;
}

async function main(args: readonly string[]): Promise<void> {
  const file = args.find((a) => a !== '--');
  if (file === undefined) {
    refuse('usage: npm run --silent voucher:parse -- <file.eml|file.msg|file.txt|file.html|- for standard input>');
    return;
  }
  const bytes = await readInput(file);
  if (bytes === null) return;
  const analysis = await analyseVoucherEmail(bytes);
  if (analysis.verdict !== 'planning_voucher' || analysis.result.voucherNumber === null) {
    refuse(describeVerdict(analysis.verdict));
    return;
  }
  process.stdout.write(`${JSON.stringify(analysis.result, null, 2)}\n`);
  process.exitCode = 0;
}

main(process.argv.slice(2)).catch(() => refuse('internal error while parsing the email'));
