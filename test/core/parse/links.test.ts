import { describe, expect, it } from 'vitest';
import { cleanUrl, extractLinks } from '../../../src/core/parse/links.js';

describe('extractLinks', () => {
  it.each([
    ['code at \\url{https://github.com/wenlinyao/HDFlow.}.', ['https://github.com/wenlinyao/HDFlow']],
    ['available at https://github.com/VITA-Group/M3ViT.', ['https://github.com/VITA-Group/M3ViT']],
    ['(https://github.com/LZY-the-boys/Twin-Mergin.)', ['https://github.com/LZY-the-boys/Twin-Mergin']],
    ['(data: https://huggingface.co/datasets/zixianma/mnms) and (https://github.com/RAIVNLab/mnms).', ['https://huggingface.co/datasets/zixianma/mnms', 'https://github.com/RAIVNLab/mnms']],
    ['see https://amazon-kddcup24.github.io/.', ['https://amazon-kddcup24.github.io/']],
    ['Website: https://sites.google.com/view/words-to-routes/', ['https://sites.google.com/view/words-to-routes/']],
    ['at https://en.wikipedia.org/wiki/Foo_(bar), ok', ['https://en.wikipedia.org/wiki/Foo_(bar)']],
    ['\\href{https://proj.io/x}{project page}', ['https://proj.io/x']],
    ['results at rdd-neurips.github.io.', ['https://rdd-neurips.github.io']],
    ['code: github.com/org/repo, data: huggingface.co/datasets/org/d;', ['https://github.com/org/repo', 'https://huggingface.co/datasets/org/d']],
    ['quoted "https://a.example.com/p?q=1&r=2", then', ['https://a.example.com/p?q=1&r=2']],
    ['same https://github.com/a/b and https://github.com/a/b/ twice', ['https://github.com/a/b']],
    ['no links at all, even e.g. this.', []],
    ['mail me@github.io or http://', []],
  ])('%s', (text, expected) => expect(extractLinks(text)).toEqual(expected));

  it('puts the given links first and drops their repeats', () => {
    expect(extractLinks('code https://github.com/o/r. page https://o.github.io', ['https://github.com/o/r', undefined, null, 'https://o.github.io/'])).toEqual([
      'https://github.com/o/r',
      'https://o.github.io/',
    ]);
  });

  it('cleanUrl strips wrappers and punctuation, refuses non-links', () => {
    expect(cleanUrl('\\url{https://x.org/a.}')).toBe('https://x.org/a');
    expect(cleanUrl('https://x.org/a]')).toBe('https://x.org/a');
    expect(cleanUrl('https://x')).toBeUndefined();
  });

  it('is linear on long inputs with no URL', () => {
    // A quadratic regex would take minutes here; this only has to finish.
    const s = `${'a'.repeat(200_000)} ${'b-'.repeat(100_000)}`;
    expect(extractLinks(s)).toEqual([]);
  });
});
