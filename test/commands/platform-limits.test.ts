import type { Interaction } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { cardsReply } from '../../commands/replies.js';
import { callerFromInteraction, callerFromReaction } from '../../src/adapters/discord/caller.js';
import { createCustomIdCodec } from '../../src/adapters/discord/custom-ids.js';
import { LIMITS } from '../../src/adapters/discord/limits.js';
import { renderReply as renderDiscord } from '../../src/adapters/discord/render-reply.js';
import { renderReply as renderSlack } from '../../src/adapters/slack/render-blocks.js';
import type { PaperCard } from '../../src/core/reply.js';

const card = (i: number): PaperCard => ({ paperId: `title:paper-${i}`, title: `Paper ${i} end`, authors: 'A. Author', digestDates: ['2026-04-22'], snippet: [{ text: 'text' }], links: [] });
const reply = (n: number) => cardsReply(`${n} papers`, Array.from({ length: n }, (_, i) => card(i + 1)));

// The Slack adapter's caller (slack-adapter.ts, callerOf) says 15; its renderer must show that many.
const SLACK_MAX_CARDS = 15;

/** Paging clamps to Caller.maxCards; these pin each number to what its renderer really shows. */
describe("each platform's maxCards is what its renderer shows in one message", () => {
  it('Discord: both callers say one embed per card up to the embed limit, and all of those are shown', () => {
    const interaction = { guildId: 'G1', channelId: 'C1', user: { id: 'U1' }, memberPermissions: null } as unknown as Interaction;
    expect(callerFromInteraction(interaction).maxCards).toBe(LIMITS.embedsPerMessage);
    expect(callerFromReaction({ id: 'U1' }, 'G1', 'C1').maxCards).toBe(LIMITS.embedsPerMessage);
    const full = renderDiscord(reply(LIMITS.embedsPerMessage), createCustomIdCodec());
    expect(full.embeds).toHaveLength(LIMITS.embedsPerMessage);
    expect(full.content).not.toMatch(/Showing \d+ of/);
    const over = renderDiscord(reply(LIMITS.embedsPerMessage + 1), createCustomIdCodec());
    expect(over.content).toMatch(/Showing 10 of 11/);
  });

  it('Slack: 15 cards fit one message, a 16th would be left out', () => {
    const full = JSON.stringify(renderSlack(reply(SLACK_MAX_CARDS)).blocks);
    for (let i = 1; i <= SLACK_MAX_CARDS; i++) expect(full).toContain(`Paper ${i} end`);
    expect(full).not.toContain('more not shown');
    expect(JSON.stringify(renderSlack(reply(SLACK_MAX_CARDS + 1)).blocks)).toContain('1 more not shown');
  });
});
