import { refuse, type Refusal } from '../refusal';

/**
 * What a customer planning deliverable may be (DOMAIN.md, Engagement facts): an office document,
 * PDF, Visio drawing or ZIP of at most 25 MB, or an https link to SharePoint or OneDrive.
 */
export const MAX_DELIVERABLE_BYTES = 25 * 1024 * 1024;

export const ALLOWED_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  vsdx: 'application/vnd.ms-visio.drawing',
  zip: 'application/zip',
};
const ALIASES: Record<string, string[]> = { zip: ['application/x-zip-compressed'], vsdx: ['application/vnd.ms-visio.drawing.main+xml'] };
const GENERIC = ['application/octet-stream', ''];

/** The normalised content type of an allowed file, or a refusal. */
export function checkFile(fileName: string, contentType: string, size: number): Refusal | { contentType: string } {
  const ext = fileName.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? '';
  const expected = ALLOWED_TYPES[ext];
  const type = contentType.toLowerCase().split(';')[0]?.trim() ?? '';
  const typeOk = expected !== undefined && (type === expected || GENERIC.includes(type) || (ALIASES[ext] ?? []).includes(type));
  if (!expected || !typeOk) return refuse('FILE_TYPE_NOT_ALLOWED', { fileName, allowed: Object.keys(ALLOWED_TYPES) });
  if (size === 0) return refuse('FILE_EMPTY', { fileName });
  if (size > MAX_DELIVERABLE_BYTES) return refuse('FILE_TOO_LARGE', { fileName, size, maxBytes: MAX_DELIVERABLE_BYTES });
  return { contentType: expected };
}

const LINK_HOSTS = [/\.sharepoint\.com$/, /^onedrive\.live\.com$/, /^1drv\.ms$/, /\.sharepoint-df\.com$/];

/** Only https links to SharePoint or OneDrive. */
export function checkLink(url: string): Refusal | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return refuse('LINK_NOT_ALLOWED', { url });
  }
  const hostOk = LINK_HOSTS.some((h) => h.test(parsed.hostname.toLowerCase()));
  return parsed.protocol === 'https:' && hostOk && !parsed.username && !parsed.password ? null : refuse('LINK_NOT_ALLOWED', { url });
}
