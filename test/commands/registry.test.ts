import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { argInfos } from '../../commands/arg-info.js';
import { discordCommandJson, discordLimitProblems, OptionType, type DiscordOption } from '../../commands/discord-json.js';
import { commandHelp, overallHelp, usageLine } from '../../commands/help-text.js';
import { commands, findCommand } from '../../commands/registry.js';
import { defineCommand } from '../../commands/types.js';

describe('the command registry', () => {
  it('generates the Discord /papers JSON (snapshot)', () => {
    expect(discordCommandJson()).toMatchSnapshot();
  });

  it("stays within Discord's limits", () => {
    const json = discordCommandJson();
    expect(discordLimitProblems(json)).toEqual([]);
    const walk = (opts: DiscordOption[] | undefined, visit: (o: DiscordOption) => void) =>
      (opts ?? []).forEach((o) => {
        visit(o);
        walk(o.options, visit);
      });
    expect(json.options.length).toBeLessThanOrEqual(25);
    walk(json.options, (o) => {
      expect(o.name).toMatch(/^[-_a-z0-9]{1,32}$/);
      expect(o.description.length).toBeGreaterThan(0);
      expect(o.description.length).toBeLessThanOrEqual(100);
      expect(o.options?.length ?? 0).toBeLessThanOrEqual(25);
    });
  });

  it('the limit checker catches what Discord would refuse', () => {
    const bad = discordCommandJson([
      defineCommand({
        name: 'Too-Long-Name-For-Discord-Which-Has-A-Limit',
        description: 'x'.repeat(101),
        args: z.object({ a: z.string().optional().describe('a'), b: z.string().describe('b') }),
        admin: false,
        run: async () => ({ text: '', ephemeral: true }),
      }),
    ]);
    // Our generator puts required options first; undo that to prove the check sees it.
    bad.options[0]!.options!.reverse();
    const problems = discordLimitProblems(bad).join('\n');
    expect(problems).toMatch(/name 'Too-Long-Name.*' must be 1-32 lowercase/);
    expect(problems).toMatch(/description is 101 chars/);
    expect(problems).toMatch(/required option b after an optional one/);
  });

  it('maps the schema to typed options: topic required first, integers with bounds, boolean, choices, a digest group', () => {
    const json = discordCommandJson();
    const search = json.options.find((o) => o.name === 'search')!;
    expect(search.options![0]).toMatchObject({ name: 'topic', type: OptionType.String, required: true, max_length: 500 });
    expect(search.options!.find((o) => o.name === 'limit')).toMatchObject({ type: OptionType.Integer, min_value: 1, max_value: 25 });
    expect(search.options!.find((o) => o.name === 'has-code')).toMatchObject({ type: OptionType.Boolean });
    expect(search.options!.find((o) => o.name === 'min-upvotes')).toMatchObject({ type: OptionType.Integer, min_value: 0, max_value: 100_000 });
    expect(search.options!.find((o) => o.name === 'source')!.choices!.map((c) => c.value)).toEqual(['hf-digest-text', 'hf-api', 'arxiv-rss', 'arxiv-atom', 'arxiv-jsonl', 'arxiv-kaggle']);
    const bookmarks = json.options.find((o) => o.name === 'bookmarks')!;
    expect(bookmarks.type).toBe(OptionType.SubCommand);
    expect(bookmarks.options!.every((o) => !o.required)).toBe(true);
    expect(bookmarks.options!.find((o) => o.name === 'format')!.choices!.map((c) => c.value)).toEqual(['bibtex', 'markdown', 'csv']);
    const digest = json.options.find((o) => o.name === 'digest')!;
    expect(digest.type).toBe(OptionType.SubCommandGroup);
    expect(digest.options!.map((o) => o.name)).toEqual(['preview', 'now']);
    expect(digest.options![1]!.description).toMatch(/\(admins\)$/);
  });

  it('every argument is described, every command is found by its path, help shows each', () => {
    for (const c of commands) {
      for (const a of argInfos(c.args)) expect(a.description.length).toBeGreaterThan(3);
      expect(findCommand(c.group ? [c.group, c.name] : [c.name])).toBe(c);
      expect(overallHelp(commands)).toContain(usageLine(c));
      expect(commandHelp(c)).toContain(c.description);
    }
    expect(usageLine(findCommand(['search'])!)).toBe(
      '/papers search <topic> [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--has-code] [--min-upvotes N] [--source SOURCE] [--limit N] [--page N]',
    );
    expect(findCommand(['digest'])).toBeUndefined();
  });

  it('a schema kind the generators cannot map fails loudly at declaration time', () => {
    expect(() => argInfos(z.object({ when: z.date().describe('a date object') }))).toThrow(/unsupported schema type date/);
    expect(() => argInfos(z.object({ x: z.string() }))).toThrow(/has no description/);
  });
});
