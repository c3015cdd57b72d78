import { convert, type HtmlToTextOptions } from 'html-to-text';

/**
 * HTML bodies to text with html-to-text (a real parser, not patterns over tags). Tables become
 * rows whose cells are three or more spaces apart, which is how the field finder reads them;
 * scripts, styles and images are dropped; link targets are not printed, so a mailto: or a
 * tracking URL is never taken for a value.
 */
const MAX_HTML_CHARS = 4_000_000;

const OPTIONS: HtmlToTextOptions = {
  wordwrap: false,
  preserveNewlines: false,
  limits: { maxInputLength: MAX_HTML_CHARS, maxDepth: 200, ellipsis: '' },
  selectors: [
    { selector: 'table', format: 'dataTable', options: { maxColumnWidth: 400, colSpacing: 3, rowSpacing: 0, uppercaseHeaderCells: false } },
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
    { selector: 'script', format: 'skip' },
    { selector: 'style', format: 'skip' },
    { selector: 'head', format: 'skip' },
    { selector: 'title', format: 'skip' },
    { selector: 'noscript', format: 'skip' },
    { selector: 'iframe', format: 'skip' },
    { selector: 'object', format: 'skip' },
    { selector: 'svg', format: 'skip' },
    ...(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'] as const).map((h) => ({ selector: h, options: { uppercase: false } })),
  ],
};

export function htmlToText(html: string): string {
  return convert(html.length > MAX_HTML_CHARS ? html.slice(0, MAX_HTML_CHARS) : html, OPTIONS);
}

/** Whether a text is an HTML document or fragment rather than plain text that mentions a tag. */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 4000).toLowerCase();
  if (/<!doctype html|<html[\s>]|<body[\s>]/.test(head)) return true;
  const tags = head.match(/<\/?(div|p|br|table|tr|td|span|b|strong|font|blockquote)[\s/>]/g);
  return (tags?.length ?? 0) >= 2;
}
