import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseVoucherEmail } from '../domain/intake/parse-voucher-email';

/**
 * `npm run bench:intake`: p50/p99 parse time of a 20 KB forwarded email and of a 2 MB one,
 * emails per second on one core, and peak RSS. Targets (the intake issue): p99 < 10 ms at
 * 20 KB, < 300 ms at 2 MB, RSS growth < 100 MB.
 */
const FIXTURE = join(__dirname, '..', 'test', 'fixtures', 'emails', 'en-outlook-forward.txt');

function chatter(bytes: number): string {
  const line = '> Thanks again for the workshop last week; the PO 4500012345 is approved, call +1 425 555 0100.\n';
  return line.repeat(Math.ceil(bytes / line.length));
}

/** A forwarded notice with quoted history below it, as raw MIME (quoted-printable text). */
function forwardedEmail(targetBytes: number): Buffer {
  const notice = readFileSync(FIXTURE, 'utf8');
  const body = `${notice}\n\nFrom: Someone <someone@contoso.example>\nSent: Monday, March 2, 2026 9:00 AM\nSubject: RE: earlier thread\n\n`;
  const headers =
    'From: Jane <jane@contoso.example>\r\nTo: partner@partner.example\r\nSubject: FW: voucher\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n';
  const filler = chatter(Math.max(0, targetBytes - headers.length - body.length));
  return Buffer.from(headers + body + filler).subarray(0, targetBytes);
}

/** A 2 MB email: the same notice in HTML with a 2 MB base64 attachment, the common shape of big mail. */
function emailWithAttachment(targetBytes: number): Buffer {
  const notice = readFileSync(FIXTURE, 'utf8');
  const attachment = Buffer.alloc(Math.floor((targetBytes * 3) / 4) - 4000, 7)
    .toString('base64')
    .replace(/.{76}/g, '$&\r\n');
  const mime = [
    'From: Jane <jane@contoso.example>',
    'To: partner@partner.example',
    'Subject: FW: voucher',
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="b1"',
    '',
    '--b1',
    'Content-Type: text/plain; charset=utf-8',
    '',
    notice,
    '--b1',
    'Content-Type: application/pdf; name="deck.pdf"',
    'Content-Transfer-Encoding: base64',
    'Content-Disposition: attachment; filename="deck.pdf"',
    '',
    attachment,
    '--b1--',
    '',
  ].join('\r\n');
  return Buffer.from(mime);
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function measure(name: string, email: Buffer, runs: number): Promise<void> {
  for (let i = 0; i < 5; i += 1) await parseVoucherEmail(email);
  const times: number[] = [];
  const started = process.hrtime.bigint();
  for (let i = 0; i < runs; i += 1) {
    const t = process.hrtime.bigint();
    const result = await parseVoucherEmail(email);
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
    if (result.voucherNumber === null) throw new Error(`${name}: the voucher was not found`);
  }
  const totalSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  times.sort((a, b) => a - b);
  const kb = (email.length / 1024).toFixed(0);
  process.stdout.write(
    `${name.padEnd(28)} size ${kb.padStart(5)} KB  runs ${String(runs).padStart(4)}  p50 ${percentile(times, 50).toFixed(2).padStart(7)} ms  p99 ${percentile(times, 99).toFixed(2).padStart(7)} ms  ${(runs / totalSeconds).toFixed(0).padStart(6)} emails/s\n`,
  );
}

async function main(): Promise<void> {
  const small = forwardedEmail(20 * 1024);
  const bigText = forwardedEmail(2 * 1024 * 1024);
  const bigAttachment = emailWithAttachment(2 * 1024 * 1024);
  const rssAtStart = process.memoryUsage().rss;
  // One parse of each shape loads the lazily required decoders (charsets, HTML) before the baseline.
  for (const email of [small, bigText, bigAttachment]) await parseVoucherEmail(email);
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  await measure('forwarded email, 20 KB', small, 2000);
  await measure('forwarded email, 2 MB text', bigText, 60);
  await measure('2 MB with attachment', bigAttachment, 60);
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const mb = (n: number): string => (n / 1024 / 1024).toFixed(1);
  process.stdout.write(
    `peak RSS ${mb(peak)} MB; growth ${mb(peak - rssBefore)} MB over the warmed-up baseline of ${mb(rssBefore)} MB ` +
      `(${mb(peak - rssAtStart)} MB over the ${mb(rssAtStart)} MB before the first parse); one core, single-threaded\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:intake failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
