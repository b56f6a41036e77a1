import { z } from "zod";
const toOption = (field) => field.replace(/[A-Z]/g, (m) => `-${m.toLowerCase()}`);
function argInfos(schema) {
  let infos = cache.get(schema);
  if (!infos) cache.set(schema, infos = readInfos(schema));
  return infos;
}
const cache = /* @__PURE__ */ new WeakMap();
function readInfos(schema) {
  return Object.entries(schema.shape).map(([field, s]) => {
    let node = s;
    const required = !node.isOptional();
    let description;
    let placeholder;
    for (; ; ) {
      const meta = z.globalRegistry.get(node);
      description ??= meta?.description ?? node.description;
      placeholder ??= meta?.placeholder;
      if (["optional", "default", "nullable", "prefault"].includes(node.def.type) && node.def.innerType) node = node.def.innerType;
      else break;
    }
    const option = toOption(field);
    if (!description) throw new Error(`argument ${field} has no description`);
    const base = { field, option, required, description };
    if (node instanceof z.ZodString) {
      return { ...base, kind: "string", minLength: node.minLength ?? void 0, maxLength: node.maxLength ?? void 0, placeholder: placeholder ?? option.toUpperCase() };
    }
    if (node instanceof z.ZodNumber) {
      const integer = node.format === "safeint" || node.format === "int32";
      const num = (x) => x === null || !Number.isFinite(x) || Math.abs(x) > Number.MAX_SAFE_INTEGER ? void 0 : x;
      return { ...base, kind: integer ? "integer" : "number", min: num(node.minValue), max: num(node.maxValue), placeholder: placeholder ?? "N" };
    }
    if (node instanceof z.ZodBoolean) return { ...base, kind: "boolean", placeholder: "" };
    if (node instanceof z.ZodEnum) {
      const choices = node.options.map(String);
      return { ...base, kind: "choice", choices, placeholder: placeholder ?? choices.join("|") };
    }
    throw new Error(`argument ${field}: unsupported schema type ${node.def.type}`);
  });
}
export {
  argInfos,
  toOption
};
//# sourceMappingURL=arg-info.js.map
