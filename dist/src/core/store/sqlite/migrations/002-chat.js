const chat002 = {
  version: 2,
  name: "bookmarks and message to paper map",
  sql: `
    CREATE TABLE bookmarks (
      platform     TEXT NOT NULL,
      workspace_id TEXT NOT NULL,
      user_id      TEXT NOT NULL,
      paper_id     TEXT NOT NULL REFERENCES papers(id),
      created_at   TEXT NOT NULL,
      PRIMARY KEY (platform, workspace_id, user_id, paper_id)
    );

    -- Which paper each bot message shows, so a reaction on it bookmarks that paper.
    CREATE TABLE messages (
      platform   TEXT NOT NULL,
      channel_id TEXT NOT NULL,
      message_id TEXT NOT NULL,
      paper_id   TEXT NOT NULL REFERENCES papers(id),
      created_at TEXT NOT NULL,
      PRIMARY KEY (platform, channel_id, message_id)
    );
  `
};
export {
  chat002
};
//# sourceMappingURL=002-chat.js.map
