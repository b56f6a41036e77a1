import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The TTF files of the picture's font. They come with the `dejavu-fonts-ttf` package (a dependency),
 * so the text renders the same on a server without any system font; the rasteriser is told to load
 * only these.
 */
export function fontFiles(): string[] {
  const dir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  return [join(dir, 'DejaVuSans.ttf'), join(dir, 'DejaVuSans-Bold.ttf')];
}
