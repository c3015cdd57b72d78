/** Why a download gave no file: the link failed, or the file is larger than the limit. */
export type DownloadResult =
  { ok: true; data: Buffer; contentType: string } | { ok: false; reason: 'failed' } | { ok: false; reason: 'too-large'; size: number };

/**
 * Fetches Teams' short-lived `downloadUrl` (TEAMS.md, files), reading at most `maxBytes` + 1 bytes
 * so an oversized file is refused without being held in memory whole.
 */
export async function download(url: string, maxBytes: number, timeoutMs = 30_000): Promise<DownloadResult> {
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
  } catch {
    // Unreachable, refused or timed out: the person is told to send it again; the job records it.
    return { ok: false, reason: 'failed' };
  }
  if (!res.ok || !res.body) return { ok: false, reason: 'failed' };
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body.cancel();
    return { ok: false, reason: 'too-large', size: declared };
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res.body) {
    size += chunk.byteLength;
    if (size > maxBytes) return { ok: false, reason: 'too-large', size };
    chunks.push(Buffer.from(chunk));
  }
  return { ok: true, data: Buffer.concat(chunks), contentType: res.headers.get('content-type') ?? '' };
}
