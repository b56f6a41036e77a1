//# sourceMappingURL=chat.js.map
