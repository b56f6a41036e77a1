import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discordCommandsJson } from '../../../commands/discord-json.js';
import { runRegister } from '../../../src/adapters/discord/register.js';
import { startFakeDiscord, type FakeDiscord } from '../../fakes/discord/fake-discord.js';

describe('discord:register', () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await startFakeDiscord();
  });
  afterAll(async () => fake?.close());

  const env = (extra: Record<string, string> = {}) => ({ DISCORD_TOKEN: `Bot ${fake.token}`, DISCORD_APP_ID: fake.appId, DISCORD_API_URL: fake.apiUrl, ...extra });

  it('bulk-overwrites the guild commands when DISCORD_GUILD_ID is set', async () => {
    const out: string[] = [];
    expect(await runRegister(env({ DISCORD_GUILD_ID: fake.guild.id }), (l) => out.push(l))).toBe(0);
    const put = fake.calls.find((c) => c.method === 'PUT')!;
    expect(put.path).toBe(`/applications/${fake.appId}/guilds/${fake.guild.id}/commands`);
    expect(put.authorization).toBe(`Bot ${fake.token}`);
    expect(put.body).toEqual(JSON.parse(JSON.stringify(discordCommandsJson())));
    type Option = { name: string; required?: boolean; options?: Option[] };
    type Sent = { name: string; contexts: number[]; default_member_permissions?: string; options: Option[] };
    const body = put.body as Sent[];
    expect(body.map((c) => c.name)).toEqual(['papers', 'papers-admin']);
    const [papers, admin] = body as [Sent, Sent];
    expect(papers.contexts).toEqual([0]);
    expect(papers).not.toHaveProperty('default_member_permissions');
    const search = papers.options.find((o) => o.name === 'search')!;
    expect(search.options?.find((o) => o.name === 'topic')?.required).toBe(true);
    // Nothing admin is left under /papers: digest keeps only preview there.
    for (const name of ['subscribe', 'unsubscribe']) expect(papers.options.map((o) => o.name)).not.toContain(name);
    expect(papers.options.find((o) => o.name === 'digest')!.options!.map((o) => o.name)).toEqual(['preview']);
    // Manage Server (1 << 5) sees /papers-admin by default, as Discord's string of bits.
    expect(admin.default_member_permissions).toBe('32');
    expect(admin.contexts).toEqual([0]);
    expect(admin.options.map((o) => o.name).sort()).toEqual(['digest', 'subscribe', 'unsubscribe']);
    expect(admin.options.find((o) => o.name === 'digest')!.options!.map((o) => o.name)).toEqual(['now']);
    expect(fake.commands.get(fake.guild.id)!.map((c) => (c as { name: string }).name)).toEqual(['papers', 'papers-admin']);
    expect(out.join('\n')).toMatch(/registered \/papers \(\d+ subcommands\/groups\), \/papers-admin \(3 subcommands\/groups, default_member_permissions 32\) in guild/);
    // The invite asks for Send Messages in Threads (1 << 38) besides the channel basics.
    const invite = new URL(/invite the bot .*: (\S+)$/m.exec(out.join('\n'))![1]!);
    expect(invite.searchParams.get('client_id')).toBe(fake.appId);
    const perms = BigInt(invite.searchParams.get('permissions')!);
    for (const bit of [10n, 11n, 38n, 14n, 15n, 16n, 6n]) expect((perms >> bit) & 1n, `bit ${bit}`).toBe(1n);
    expect(perms).toBe(274878024768n);
  });

  it('registers globally without DISCORD_GUILD_ID, and refuses to run without a token', async () => {
    expect(await runRegister(env(), () => undefined)).toBe(0);
    expect(fake.calls.filter((c) => c.method === 'PUT').at(-1)!.path).toBe(`/applications/${fake.appId}/commands`);
    const out: string[] = [];
    expect(await runRegister({ DISCORD_APP_ID: fake.appId }, (l) => out.push(l))).toBe(2);
    expect(out.join('\n')).toMatch(/DISCORD_TOKEN/);
  });

  it('--clear overwrites the scope with no commands', async () => {
    expect(await runRegister(env({ DISCORD_GUILD_ID: fake.guild.id }), () => undefined, ['--clear'])).toBe(0);
    expect(fake.calls.filter((c) => c.method === 'PUT').at(-1)!.body).toEqual([]);
    expect(fake.commands.get(fake.guild.id)).toEqual([]);
  });

  it('reports a refusal from Discord instead of throwing', async () => {
    const out: string[] = [];
    expect(await runRegister({ ...env(), DISCORD_APP_ID: '123456789012345678' }, (l) => out.push(l))).toBe(1);
    expect(out.join('\n')).toMatch(/registration failed/);
  });
});
