function bareToken(token) {
  return token.replace(/^(Bot|Bearer)\s*/i, "");
}
export {
  bareToken
};
//# sourceMappingURL=token.js.map
