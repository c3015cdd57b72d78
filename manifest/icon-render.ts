import sharp from 'sharp';
import type { ValidationIssue } from './validation-issue';

/** Teams' icon sizes (manifest schema, `icons`). */
export const COLOR_ICON_SIZE = 192;
export const OUTLINE_ICON_SIZE = 32;
/** Room left around the glyph in the outline icon, in pixels on each side. */
const OUTLINE_PADDING = 2;
/** How far from pure white a visible outline pixel may be (anti-aliasing rounds a little). */
const WHITE_TOLERANCE = 4;

/** Hides the tile and paints the glyph white: the outline is the color icon's glyph alone (see icon.svg). */
const OUTLINE_STYLESHEET = '.tile { display: none; } .glyph { fill: #FFFFFF; stroke: none; }';

export interface RenderedIcons {
  color: Buffer;
  outline: Buffer;
}

/** Renders color.png (192x192) and outline.png (32x32, white on transparent) from one SVG source. */
export async function renderIcons(svg: Buffer): Promise<RenderedIcons> {
  const color = await sharp(svg)
    .resize(COLOR_ICON_SIZE, COLOR_ICON_SIZE, { fit: 'contain', background: { r: 0, g: 0, b: 0, alpha: 0 } })
    .png()
    .toBuffer();
  const glyphSize = OUTLINE_ICON_SIZE - 2 * OUTLINE_PADDING;
  // Render large, crop to the glyph, then shrink: the glyph fills the small icon instead of floating in the tile's margin.
  const glyph = await sharp(svg, { density: 288, svg: { stylesheet: OUTLINE_STYLESHEET } })
    .trim({ background: { r: 0, g: 0, b: 0, alpha: 0 }, threshold: 0 })
    .resize(glyphSize, glyphSize, { fit: 'contain', background: { r: 255, g: 255, b: 255, alpha: 0 } })
    .png()
    .toBuffer();
  const outline = await sharp(glyph)
    .extend({
      top: OUTLINE_PADDING,
      bottom: OUTLINE_PADDING,
      left: OUTLINE_PADDING,
      right: OUTLINE_PADDING,
      background: { r: 255, g: 255, b: 255, alpha: 0 },
    })
    .png()
    .toBuffer();
  return { color, outline };
}

interface DecodedImage {
  format: string;
  width: number;
  height: number;
  /** RGBA, 4 bytes per pixel. */
  pixels: Buffer;
}

/** The decoded image, or the decoder's reason as text (the caller reports it as a validation issue). */
async function decode(png: Buffer): Promise<DecodedImage | string> {
  try {
    const image = sharp(png);
    const { format } = await image.metadata();
    const { data, info } = await image.ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    return { format, width: info.width, height: info.height, pixels: data };
  } catch (error) {
    return `is not a readable image (${error instanceof Error ? error.message : String(error)})`;
  }
}

/** Teams: the color icon is a 192x192 PNG. */
export async function checkColorIcon(png: Buffer, file: string): Promise<ValidationIssue[]> {
  const image = await decode(png);
  if (typeof image === 'string') return [{ file, path: 'icons.color', message: image }];
  return checkFormatAndSize(image, file, 'icons.color', COLOR_ICON_SIZE);
}

/** Teams: the outline icon is a 32x32 PNG, white on a transparent background. */
export async function checkOutlineIcon(png: Buffer, file: string): Promise<ValidationIssue[]> {
  const image = await decode(png);
  if (typeof image === 'string') return [{ file, path: 'icons.outline', message: image }];
  const issues = checkFormatAndSize(image, file, 'icons.outline', OUTLINE_ICON_SIZE);
  if (issues.length > 0) return issues;
  let visible = 0;
  let coloured = 0;
  for (let i = 0; i < image.pixels.length; i += 4) {
    const [r = 0, g = 0, b = 0, a = 0] = image.pixels.subarray(i, i + 4);
    if (a === 0) continue;
    visible += 1;
    if (Math.min(r, g, b) < 255 - WHITE_TOLERANCE) coloured += 1;
  }
  const total = image.width * image.height;
  const corners = [0, image.width - 1, (image.height - 1) * image.width, total - 1].map((p) => image.pixels[p * 4 + 3] ?? 255);
  if (visible === 0) issues.push({ file, path: 'icons.outline', message: 'is fully transparent: draw the glyph in white' });
  if (coloured > 0)
    issues.push({ file, path: 'icons.outline', message: `must be white on transparent; ${coloured} visible pixels are not white` });
  if (corners.some((alpha) => alpha !== 0) || visible === total) {
    issues.push({ file, path: 'icons.outline', message: 'must have a transparent background (its corners are not transparent)' });
  }
  return issues;
}

function checkFormatAndSize(image: DecodedImage, file: string, path: string, size: number): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (image.format !== 'png') issues.push({ file, path, message: `must be a PNG file, got ${image.format}` });
  if (image.width !== size || image.height !== size) {
    issues.push({ file, path, message: `must be ${size}x${size} pixels, got ${image.width}x${image.height}` });
  }
  return issues;
}
