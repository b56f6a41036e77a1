import { LIMITS } from "./limits.js";
const KIND_CODE = { bookmark: "bm", similar: "sim", share: "sh" };
const CODE_KIND = { bm: "bookmark", sim: "similar", sh: "share" };
const MAX_REFS = 1e4;
function paperIdFromFooter(footer) {
  const id = footer?.split(" \xB7 ")[0]?.trim();
  return id || void 0;
}
function byIndex(ref, ctx) {
  const m = /^#(\d{1,2})$/.exec(ref);
  return m ? paperIdFromFooter(ctx?.footers?.[Number(m[1])]) : void 0;
}
function createCustomIdCodec() {
  const refs = /* @__PURE__ */ new Map();
  let counter = 0;
  function keep(action) {
    const key = (++counter).toString(36);
    refs.set(key, action);
    if (refs.size > MAX_REFS) refs.delete(refs.keys().next().value);
    return `p:ref:${key}`;
  }
  return {
    encode(action, embedIndex) {
      if (action.kind === "run") {
        const id2 = `p:run:${JSON.stringify({ c: action.command, a: action.args })}`;
        return id2.length <= LIMITS.customId ? id2 : keep(action);
      }
      const id = `p:${KIND_CODE[action.kind]}:${action.paperId}`;
      if (id.length <= LIMITS.customId && !action.paperId.startsWith("#")) return id;
      return embedIndex === void 0 ? void 0 : `p:${KIND_CODE[action.kind]}:#${embedIndex}`;
    },
    decode(customId, ctx) {
      const m = /^p:(bm|sim|sh|run|ref):(.+)$/s.exec(customId);
      if (!m) return void 0;
      const [, code, rest] = m;
      if (code === "ref") return refs.get(rest);
      if (code !== "run") {
        const paperId = rest.startsWith("#") ? byIndex(rest, ctx) : rest;
        return paperId ? { kind: CODE_KIND[code], paperId } : void 0;
      }
      try {
        const parsed = JSON.parse(rest);
        if (typeof parsed.c !== "string" || !parsed.a || typeof parsed.a !== "object" || Array.isArray(parsed.a)) return void 0;
        return { kind: "run", command: parsed.c, args: parsed.a, label: ctx?.label ?? parsed.c };
      } catch {
        return void 0;
      }
    },
    encodePaperValue(paperId, embedIndex) {
      return paperId.length <= LIMITS.selectOptionValue && !paperId.startsWith("#") ? paperId : `#${embedIndex}`;
    },
    decodePaperValue(value, ctx) {
      return value.startsWith("#") ? byIndex(value, ctx) : value || void 0;
    }
  };
}
export {
  createCustomIdCodec,
  paperIdFromFooter
};
//# sourceMappingURL=custom-ids.js.map
