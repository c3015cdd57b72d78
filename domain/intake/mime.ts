import MsgReader from '@kenjiuno/msgreader';
import { simpleParser, type ParsedMail } from 'mailparser';
import { htmlToText, looksLikeHtml } from './html';

/**
 * Decodes what a customer sends into the texts to read: a raw MIME message (.eml, any transfer
 * encoding and charset, decoded by mailparser), an Outlook .msg (msgreader), an HTML body or
 * plain text. A MIME or .msg message yields its plain part, its HTML part turned into text, and
 * the same for each message attached to it (Outlook's "forward as attachment").
 */
export interface DecodedInput {
  /** Texts in reading order: the message's own parts first, then attached messages. */
  texts: string[];
  /** False for binary content that is no message at all. */
  readable: boolean;
}

const MAX_NESTING = 3;
const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
// Headers that a plain-text paste of a forward never has, but a raw message always has one of.
const MIME_HEADERS =
  /^(mime-version|content-type|content-transfer-encoding|received|message-id|return-path|dkim-signature|x-[a-z0-9-]+|delivered-to|authentication-results|thread-index):/i;

/** A raw MIME message: a header section of "Name: value" lines that names MIME or transport headers. */
export function looksLikeMime(head: string): boolean {
  const lines = head.replace(/^\s+/, '').split(/\r?\n/, 60);
  let mimeHeaders = 0;
  for (const line of lines) {
    if (line === '') break;
    if (/^[ \t]/.test(line)) continue;
    if (!/^[A-Za-z0-9-]+:/.test(line)) return false;
    if (MIME_HEADERS.test(line)) mimeHeaders += 1;
  }
  return mimeHeaders > 0;
}

/** Binary content: many control bytes in the first 64 KB. */
function looksBinary(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, 65_536);
  let control = 0;
  for (const b of sample) if (b < 9 || (b > 13 && b < 32)) control += 1;
  return sample.length > 0 && control / sample.length > 0.05;
}

function decodeBytes(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8: Western European mail clients write Windows-1252.
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

function textsOfBody(text: string): string[] {
  return [looksLikeHtml(text) ? htmlToText(text) : text];
}

function decodeMsg(bytes: Buffer): string[] {
  const reader = new MsgReader(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const data = reader.getFileData();
  if (data.error) return [];
  const texts: string[] = [];
  if (data.body) texts.push(data.body);
  if (data.bodyHtml) texts.push(htmlToText(data.bodyHtml));
  else if (data.html) texts.push(htmlToText(decodeBytes(Buffer.from(data.html))));
  return texts;
}

async function decodeMime(source: Buffer | string, depth: number): Promise<string[]> {
  const mail: ParsedMail = await simpleParser(source, {
    skipHtmlToText: true,
    skipTextToHtml: true,
    skipImageLinks: true,
    skipTextLinks: true,
  });
  const texts: string[] = [];
  if (mail.text) texts.push(mail.text);
  if (typeof mail.html === 'string' && mail.html !== '') texts.push(htmlToText(mail.html));
  for (const attachment of mail.attachments) {
    const name = (attachment.filename ?? '').toLowerCase();
    if (attachment.contentType === 'message/rfc822' || name.endsWith('.eml')) {
      if (depth < MAX_NESTING) texts.push(...(await decodeMime(attachment.content, depth + 1)));
    } else if (attachment.contentType === 'application/vnd.ms-outlook' || name.endsWith('.msg')) {
      texts.push(...decodeMsg(attachment.content));
    }
  }
  return texts;
}

/** Decodes any supported input; never throws on malformed content, reporting it unreadable instead. */
export async function decodeInput(input: Buffer | string, maxBytes: number): Promise<DecodedInput> {
  if (typeof input === 'string') {
    const text = input.length > maxBytes ? input.slice(0, maxBytes) : input;
    if (looksLikeMime(text.slice(0, 8000))) return { texts: await decodeMime(text, 0), readable: true };
    return { texts: textsOfBody(text), readable: true };
  }
  const bytes = input.length > maxBytes ? input.subarray(0, maxBytes) : input;
  if (bytes.subarray(0, 8).equals(OLE_SIGNATURE)) return { texts: decodeMsg(bytes), readable: true };
  if (looksBinary(bytes)) return { texts: [], readable: false };
  if (looksLikeMime(bytes.subarray(0, 8000).toString('latin1'))) return { texts: await decodeMime(bytes, 0), readable: true };
  return { texts: textsOfBody(decodeBytes(bytes)), readable: true };
}
