import { readFile } from 'node:fs/promises';
import { analyseVoucherEmail, describeVerdict } from '../domain/intake/parse-voucher-email';

/**
 * `npm run --silent voucher:parse -- <file>` (DOMAIN.md, "Contract: voucher email parsing"):
 * prints the JSON object and exits 0 for a Planning Services voucher notice with its voucher
 * number; otherwise exits 2 with one line on stderr. Never prints a stack trace.
 */
const EXIT_REFUSED = 2;

function refuse(message: string): void {
  process.stderr.write(`voucher:parse: ${message.replace(/[\r\n]+/g, ' ')}\n`);
  process.exitCode = EXIT_REFUSED;
}

async function main(args: readonly string[]): Promise<void> {
  const file = args.find((a) => a !== '--');
  if (file === undefined) {
    refuse('usage: npm run --silent voucher:parse -- <file.eml|file.msg|file.txt|file.html>');
    return;
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    refuse(`cannot read file ${JSON.stringify(file)}`);
    return;
  }
  const analysis = await analyseVoucherEmail(bytes);
  if (analysis.verdict !== 'planning_voucher' || analysis.result.voucherNumber === null) {
    refuse(describeVerdict(analysis.verdict));
    return;
  }
  process.stdout.write(`${JSON.stringify(analysis.result, null, 2)}\n`);
  process.exitCode = 0;
}

main(process.argv.slice(2)).catch(() => refuse('internal error while parsing the email'));
