const STOP_WORDS = new Set(
  `i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers herself
  it its itself they them their theirs themselves what which who whom this that these those am is are was were be
  been being have has had having do does did doing a an the and but if or because as until while of at by for with
  about between into through during before after above below to from up down in out on off over under again further
  then once here there when where why how all any both each other some such nor only own same so than too very s t
  can will just don should now d ll m o re ve y ain aren couldn didn doesn hadn hasn haven isn ma mightn mustn needn
  shan shouldn wasn weren won wouldn also via using use based towards toward`.split(/\s+/).filter(Boolean)
);
export {
  STOP_WORDS
};
//# sourceMappingURL=stop-words.js.map
