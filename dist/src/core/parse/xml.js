import { XMLParser, XMLValidator } from "fast-xml-parser";
import { ParseError } from "../errors.js";
import { asRecord } from "./clean-text.js";
const ALWAYS_ARRAY = /* @__PURE__ */ new Set(["item", "entry", "category", "author", "link", "dc:creator"]);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  parseTagValue: false,
  parseAttributeValue: false,
  htmlEntities: true,
  isArray: (name) => ALWAYS_ARRAY.has(name)
});
function parseXml(text) {
  const check = XMLValidator.validate(text);
  if (check !== true) {
    const { msg, line, col } = check.err;
    const oneLine = msg.replace(/\s+/g, " ");
    const unclosed = /^Invalid '\[(.*)\]' found/.exec(oneLine);
    const why = unclosed ? `unclosed elements ${unclosed[1].replace(/["\s]/g, "").split(",").join(" > ")}` : `line ${line}, column ${col}: ${oneLine}`;
    throw new ParseError(`truncated or malformed XML (${why})`);
  }
  try {
    return asRecord(parser.parse(text)) ?? {};
  } catch (err) {
    throw new ParseError(`malformed XML (${err instanceof Error ? err.message : String(err)})`);
  }
}
function xmlText(node) {
  if (typeof node === "string") return node;
  if (typeof node === "number") return String(node);
  const r = asRecord(node);
  const t = r?.["#text"];
  return typeof t === "string" ? t : typeof t === "number" ? String(t) : void 0;
}
function xmlList(node) {
  if (node === void 0 || node === null || node === "") return [];
  return Array.isArray(node) ? node : [node];
}
export {
  parseXml,
  xmlList,
  xmlText
};
//# sourceMappingURL=xml.js.map
