import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { argInfos } from '../../commands/arg-info.js';
import { discordCommandsJson, discordLimitProblems, OptionType, type DiscordCommand, type DiscordOption } from '../../commands/discord-json.js';
import { commandHelp, overallHelp, usageLine } from '../../commands/help-text.js';
import { commands, findCommand } from '../../commands/registry.js';
import { defineCommand } from '../../commands/types.js';

const walk = (opts: DiscordOption[] | undefined, visit: (o: DiscordOption) => void): void =>
  (opts ?? []).forEach((o) => {
    visit(o);
    walk(o.options, visit);
  });
/** 'search', 'digest preview': every subcommand path under one top-level command. */
const pathsOf = (cmd: DiscordCommand) => cmd.options.flatMap((o) => (o.type === OptionType.SubCommandGroup ? o.options!.map((s) => `${o.name} ${s.name}`) : [o.name]));

describe('the command registry', () => {
  it('generates the Discord /papers and /papers-admin JSON (snapshot)', () => {
    expect(discordCommandsJson()).toMatchSnapshot();
  });

  it('puts the admin subcommands, and only those, under /papers-admin, which Manage Server sees by default', () => {
    const [papers, admin, ...more] = discordCommandsJson();
    expect(more).toEqual([]);
    expect(papers).toMatchObject({ name: 'papers', contexts: [0] });
    expect(papers).not.toHaveProperty('default_member_permissions');
    expect(admin).toMatchObject({ name: 'papers-admin', contexts: [0], default_member_permissions: '32' });
    const adminPaths = commands.filter((c) => c.admin).map((c) => (c.group ? `${c.group} ${c.name}` : c.name));
    expect(adminPaths.sort()).toEqual(['digest now', 'subscribe', 'unsubscribe']);
    expect(pathsOf(admin!).sort()).toEqual(adminPaths);
    // Every declaration lands in exactly one of the two; `digest` is a group in both.
    expect([...pathsOf(papers!), ...pathsOf(admin!)].sort()).toEqual(commands.map((c) => (c.group ? `${c.group} ${c.name}` : c.name)).sort());
    expect(pathsOf(papers!)).toContain('digest preview');
    // A list without admin commands registers no empty /papers-admin.
    expect(discordCommandsJson(commands.filter((c) => !c.admin)).map((c) => c.name)).toEqual(['papers']);
  });

  it("stays within Discord's limits", () => {
    for (const json of discordCommandsJson()) {
      expect(discordLimitProblems(json)).toEqual([]);
      expect(json.options.length).toBeLessThanOrEqual(25);
      walk(json.options, (o) => {
        expect(o.name).toMatch(/^[-_a-z0-9]{1,32}$/);
        expect(o.description.length).toBeGreaterThan(0);
        expect(o.description.length).toBeLessThanOrEqual(100);
        expect(o.options?.length ?? 0).toBeLessThanOrEqual(25);
      });
    }
  });

  it('the limit checker catches what Discord would refuse', () => {
    const [bad] = discordCommandsJson([
      defineCommand({
        name: 'Too-Long-Name-For-Discord-Which-Has-A-Limit',
        description: 'x'.repeat(101),
        args: z.object({ a: z.string().optional().describe('a'), b: z.string().describe('b') }),
        admin: false,
        run: async () => ({ text: '', ephemeral: true }),
      }),
    ]);
    // Our generator puts required options first; undo that to prove the check sees it.
    bad!.options[0]!.options!.reverse();
    const problems = discordLimitProblems(bad!).join('\n');
    expect(problems).toMatch(/name 'Too-Long-Name.*' must be 1-32 lowercase/);
    expect(problems).toMatch(/description is 101 chars/);
    expect(problems).toMatch(/required option b after an optional one/);
  });

  it('maps the schema to typed options: topic required first, integers with bounds, boolean, choices, a digest group', () => {
    const [json, admin] = discordCommandsJson();
    const search = json!.options.find((o) => o.name === 'search')!;
    expect(search.options![0]).toMatchObject({ name: 'topic', type: OptionType.String, required: true, max_length: 500 });
    expect(search.options!.find((o) => o.name === 'limit')).toMatchObject({ type: OptionType.Integer, min_value: 1, max_value: 25 });
    expect(search.options!.find((o) => o.name === 'has-code')).toMatchObject({ type: OptionType.Boolean });
    expect(search.options!.find((o) => o.name === 'min-upvotes')).toMatchObject({ type: OptionType.Integer, min_value: 0, max_value: 100_000 });
    expect(search.options!.find((o) => o.name === 'source')!.choices!.map((c) => c.value)).toEqual(['hf-digest-text', 'hf-api', 'arxiv-rss', 'arxiv-atom', 'arxiv-jsonl', 'arxiv-kaggle']);
    const bookmarks = json!.options.find((o) => o.name === 'bookmarks')!;
    expect(bookmarks.type).toBe(OptionType.SubCommand);
    expect(bookmarks.options!.every((o) => !o.required)).toBe(true);
    expect(bookmarks.options!.find((o) => o.name === 'format')!.choices!.map((c) => c.value)).toEqual(['bibtex', 'markdown', 'csv', 'ris', 'csl-json']);
    const digest = json!.options.find((o) => o.name === 'digest')!;
    expect(digest.type).toBe(OptionType.SubCommandGroup);
    expect(digest.options!.map((o) => o.name)).toEqual(['preview']);
    const adminDigest = admin!.options.find((o) => o.name === 'digest')!;
    expect(adminDigest.type).toBe(OptionType.SubCommandGroup);
    expect(adminDigest.options!.map((o) => o.name)).toEqual(['now']);
    const subscribe = admin!.options.find((o) => o.name === 'subscribe')!;
    expect(subscribe.options!.find((o) => o.name === 'top')).toMatchObject({ type: OptionType.Integer, min_value: 1, max_value: 25 });
  });

  it('every argument is described, every command is found by its path, help shows each', () => {
    for (const c of commands) {
      for (const a of argInfos(c.args)) expect(a.description.length).toBeGreaterThan(3);
      expect(findCommand(c.group ? [c.group, c.name] : [c.name])).toBe(c);
      expect(overallHelp(commands)).toContain(usageLine(c));
      expect(commandHelp(c)).toContain(c.description);
    }
    expect(usageLine(findCommand(['search'])!)).toBe(
      '/papers search <topic> [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--has-code] [--min-upvotes N] [--source SOURCE] [--limit N] [--page N] [--all]',
    );
    expect(findCommand(['digest'])).toBeUndefined();
  });

  it('usage and help name the top-level command people type: /papers-admin for admin commands on Discord only', () => {
    const [subscribe, now, search, bookmarks] = [['subscribe'], ['digest', 'now'], ['search'], ['bookmarks']].map((p) => findCommand(p)!);
    expect(usageLine(now!, 'discord')).toBe('/papers-admin digest now');
    expect(usageLine(now!, 'slack')).toBe('/papers digest now');
    expect(usageLine(now!)).toBe('/papers digest now');
    expect(usageLine(subscribe!, 'discord')).toMatch(/^\/papers-admin subscribe \[--time HH:MM\]/);
    const help = commandHelp(subscribe!, 'discord');
    expect(help).toContain('e.g. /papers-admin subscribe --time 09:00');
    expect(help).not.toContain('/papers subscribe');
    // Commands anyone may run stay under /papers, declared usage lines included.
    for (const c of [search!, bookmarks!]) expect(usageLine(c, 'discord')).toBe(usageLine(c));
    const overview = overallHelp(commands, 'discord');
    for (const line of ['/papers-admin subscribe', '/papers-admin unsubscribe', '/papers-admin digest now', '/papers digest preview', '/papers search']) expect(overview).toContain(line);
    expect(overview).not.toMatch(/\/papers (subscribe|unsubscribe|digest now)/);
    for (const p of ['slack', 'local'] as const) expect(overallHelp(commands, p)).toBe(overallHelp(commands));
  });

  it('a schema kind the generators cannot map fails loudly at declaration time', () => {
    expect(() => argInfos(z.object({ when: z.date().describe('a date object') }))).toThrow(/unsupported schema type date/);
    expect(() => argInfos(z.object({ x: z.string() }))).toThrow(/has no description/);
  });
});
