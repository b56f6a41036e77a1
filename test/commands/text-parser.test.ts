import { describe, expect, it } from 'vitest';
import { findCommand } from '../../commands/registry.js';
import { formatCommandText, parseCommandText, tokenize } from '../../commands/text-parser.js';
import { validateArgs } from '../../commands/validate.js';

const parse = (text: string) => {
  const { command, args, positional } = parseCommandText(text);
  return { name: command.group ? `${command.group} ${command.name}` : command.name, args: validateArgs(command, args, 'text', positional) };
};

describe('Slack-style text parsing from the declarations', () => {
  it('reads the forms the issue writes', () => {
    expect(parse('search model merging --since 2025-01-01 --limit 5')).toEqual({
      name: 'search',
      args: { topic: 'model merging', since: '2025-01-01', hasCode: false, limit: 5, page: 1, all: false },
    });
    expect(parse('/papers search "model merging" --has-code --page=2').args).toMatchObject({ topic: 'model merging', hasCode: true, page: 2 });
    expect(parse('bookmarks export bibtex').args).toEqual({ action: 'export', format: 'bibtex', page: 1, unread: false });
    expect(parse('bookmarks remove 2401.12345').args).toEqual({ action: 'remove', id: '2401.12345', page: 1, unread: false });
    expect(parse('bookmarks --page 2').args).toEqual({ page: 2, unread: false });
    expect(parse('digest now').name).toBe('digest now');
    expect(parse('DIGEST Preview').name).toBe('digest preview');
    expect(parse('subscribe --time 09:00 --tz Europe/Berlin --days mon-fri --top 5 --topics "merging, -survey"').args).toEqual({
      time: '09:00',
      tz: 'Europe/Berlin',
      days: 'mon-fri',
      top: 5,
      topics: 'merging, -survey',
    });
    expect(parse('').name).toBe('help');
    expect(parse('help search').args).toEqual({ command: 'search' });
  });

  it('copes with what chat clients do to text: curly quotes, long dashes, --no- switches, flags before words', () => {
    expect(parse('search \u201cmodel merging\u201d \u2014limit 3').args).toMatchObject({ topic: 'model merging', limit: 3 });
    expect(parse('search --limit 2 merging of experts').args).toMatchObject({ topic: 'merging of experts', limit: 2 });
    expect(parse('search x --no-has-code').args).toMatchObject({ hasCode: false });
    expect(parse("search don't stop").args).toMatchObject({ topic: "don't stop" });
    expect(parse('search --topic merging').args).toMatchObject({ topic: 'merging' });
  });

  it('tokenizes quotes and escaped quotes', () => {
    expect(tokenize(`a "b c" 'd e' "say \\"hi\\"" ""`)).toEqual(['a', 'b c', 'd e', 'say "hi"', '']);
  });

  it('names the flag and gives the usage line on bad input', () => {
    const err = (text: string) => {
      try {
        parse(text);
      } catch (e) {
        return e as Error & { usage?: string };
      }
      throw new Error(`no error for ${text}`);
    };
    expect(err('search x --bogus 1')).toMatchObject({ message: expect.stringMatching(/^Unknown flag --bogus for search/), usage: expect.stringMatching(/^\/papers search <topic>/) });
    expect(err('search x --limit 0').message).toBe('--limit must be at least 1 (got 0).');
    expect(err('search x --since 2025-1-1').message).toBe("--since must be a date like 2025-01-31 (got '2025-1-1').");
    expect(err('subscriptions now').message).toMatch(/^subscriptions takes no words/);
    expect(err('search --topic a b').message).toMatch(/given both as words and as --topic/);
  });

  it('formats arguments back into the text that runs them (round trip)', () => {
    const search = findCommand(['search'])!;
    const args = { topic: 'model "merging"', since: '2025-01-01', hasCode: true, limit: 5, page: 2, all: true };
    const text = formatCommandText(search, args);
    expect(text).toBe('/papers search "model \\"merging\\"" --since 2025-01-01 --has-code --limit 5 --page 2 --all');
    expect(parse(text).args).toEqual(args);
    const bookmarks = findCommand(['bookmarks'])!;
    expect(formatCommandText(bookmarks, { action: 'export', format: 'csv', page: 1 })).toBe('/papers bookmarks export csv --page 1');
  });
});
