import { toCard } from "../cards.js";
import { channelKey } from "./digest-store.js";
import { EMPTY_LINE, headerText } from "./messages.js";
import { memo, selectDigest } from "./select.js";
import { describeSettings, parseSubscriptionSettings } from "./subscription.js";
async function buildRun(d, sub, slot, now, opts = {}) {
  const posted = (ids, group) => memo(d.cache.posted, group, () => d.store.postedByChannel(ids)).then((m) => m.get(channelKey(sub.platform, sub.channelId)) ?? /* @__PURE__ */ new Set());
  const sel = await selectDigest(d, sub.settings, sub.entryCursor, posted);
  const base = { platform: sub.platform, channelId: sub.channelId, slot, entryCursor: sel.entryCursor, advanceCursor: opts.persistCursor ?? true, createdAt: now.toISOString() };
  if (!sel.papers.length) {
    const announce = sub.settings.announceEmpty && !opts.manual;
    return {
      ...base,
      status: announce ? "planned" : "done",
      plan: { header: announce ? EMPTY_LINE : "", paperIds: [] },
      detail: `nothing new (${sel.considered} new papers before filters)`
    };
  }
  const header = headerText({ digestDate: sel.digestDate, sources: sel.sources, count: sel.papers.length, considered: sel.considered, settings: sub.settings });
  return { ...base, status: "planned", plan: { header, paperIds: sel.papers.map((p) => p.id) } };
}
async function planRun(d, sub, slot, now, opts = {}) {
  return d.store.createRun(await buildRun(d, sub, slot, now, opts));
}
async function previewReply(d, caller, sub) {
  const settings = sub?.settings;
  const s = settings ?? parseSubscriptionSettings({});
  const sel = await selectDigest(d, s, sub?.entryCursor ?? null, (ids) => d.store.postedAmong(caller.platform, caller.channelId, ids));
  const intro = sub ? `Preview of this channel's next digest (${describeSettings(s)})` : "This channel has no subscription; with the defaults its digest would be";
  if (!sel.papers.length) return { text: `${intro}: nothing new to post.`, ephemeral: true };
  const header = headerText({ digestDate: sel.digestDate, sources: sel.sources, count: sel.papers.length, considered: sel.considered, settings: s });
  const lines = sel.papers.map((p, i) => `${i + 1}. ${p.title}${p.upvotes !== void 0 ? ` (\u25B2 ${p.upvotes})` : ""}`);
  return { text: `${intro}:
${header}
${lines.join("\n")}`, cards: sel.papers.map((p) => toCard(p)), ephemeral: true };
}
export {
  buildRun,
  planRun,
  previewReply
};
//# sourceMappingURL=plan-run.js.map
