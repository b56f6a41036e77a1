import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createIngestService } from '../../../src/core/ingest.js';
import { silentLogger } from '../../../src/core/logger.js';
import { parseDigest } from '../../../src/core/parse/parse-digest.js';
import { openDatabase } from '../../../src/core/store/sqlite/open.js';
import { createSqlitePaperStore } from '../../../src/core/store/sqlite/paper-store.js';
import { useTempDirs } from '../../helpers/temp-dir.js';

const tempDir = useTempDirs();

// Control characters (C0 but tab/LF/CR, DEL, C1) and lone surrogates, as each format can carry them.
// eslint-disable-next-line no-control-regex -- finding control characters is this regex's purpose
const BAD = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const jsonTitle = 'Null\\u0000 and \\u0007bell \\ud800 lone';
const INPUTS: Record<string, string> = {
  'hf.json': JSON.stringify([{ paper: { id: '2401.00001', title: 'X', summary: 'Y', authors: [{ name: 'A\u0001' }] } }])
    .replace('"X"', `"${jsonTitle}"`)
    .replace('"Y"', '"An abstract with a NUL\\u0000 inside and a lone \\udc00 low surrogate."'),
  'list.jsonl': `{"id": "2401.00002", "categories": ["cs.LG"], "authors": ["B\\u0002"], "title": "${jsonTitle}", "summary": "Abstract\\u001b[31m with an escape \\ud83d sequence."}\n`,
  'kaggle.json': `{"id": "2401.00003", "submitter": "x", "authors": "C", "title": "${jsonTitle}", "abstract": "Kaggle\\u0085 abstract \\ud800.", "categories": "cs.LG", "versions": [{"version": "v1", "created": "Mon, 1 Jan 2024 00:00:00 GMT"}], "update_date": "2024-01-02", "authors_parsed": [["C", "", ""]]}\n`,
  'feed.xml': `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><entry><id>http://arxiv.org/abs/2401.00004v1</id><title>Atom &#x1; title &#x7f; here</title><summary>Atom abstract \u0085 with &#x9f; controls.</summary><author><name>D\u0003</name></author><published>2024-01-01T00:00:00Z</published></entry></feed>`,
  'rss.xml': `<?xml version="1.0"?><rss version="2.0"><channel><title>cs.LG updates</title><pubDate>Mon, 01 Jan 2024 00:00:00 -0500</pubDate><item><title>RSS \u0002title &#x80; here</title><link>https://arxiv.org/abs/2401.00005</link><description>arXiv:2401.00005v1 Announce Type: new \nAbstract: An abstract \u0004 with controls.</description><guid>oai:arXiv.org:2401.00005v1</guid><category>cs.LG</category><dc:creator>E\u0005</dc:creator></item></channel></rss>`,
  'digest.txt': 'Jan 1\n\nA Title \u0001With \u008a Controls\n\nWe study things \u0007 carefully. The results are good and the method is simple.\n',
};

describe('text that is not valid Unicode text, in every format', () => {
  it('is stored without control characters and with lone surrogates replaced (U+FFFD)', async () => {
    const dir = tempDir();
    const store = createSqlitePaperStore(openDatabase(join(dir, 'papers.db')));
    const ingest = createIngestService({ store, parse: parseDigest, maxBytes: 1e6, logger: silentLogger });
    for (const [name, text] of Object.entries(INPUTS)) {
      const r = await ingest.ingestBuffer(Buffer.from(text, 'utf8'), { origin: name, date: '2024-01-01' });
      expect(r.ok ? r.papers : r.error, name).toBe(1);
    }
    const page = await store.papersSince(0, 100);
    expect(page).toHaveLength(Object.keys(INPUTS).length);
    for (const p of page) {
      for (const s of [p.id, p.title, p.abstract, ...p.authors, ...p.links, ...p.categories]) {
        expect(s, `${p.id}: ${JSON.stringify(s)}`).not.toMatch(BAD);
        expect(s).toBe(s.replace(/\s+/g, ' ').trim());
      }
    }
    const hf = page.find((p) => p.id === '2401.00001')!;
    expect(hf.title).toBe('Null and bell \ufffd lone');
    expect(hf.abstract).toBe('An abstract with a NUL inside and a lone \ufffd low surrogate.');
    expect(hf.authors).toEqual(['A']);
    // What SQLite holds is valid UTF-8 (a lone surrogate was written as bytes that decode to ���).
    const db = openDatabase(join(dir, 'papers.db'));
    const raw = db.prepare("SELECT CAST(title AS BLOB) AS b FROM papers WHERE id = '2401.00001'").get() as { b: Buffer };
    expect(new TextDecoder('utf-8', { fatal: true }).decode(raw.b)).toBe('Null and bell \ufffd lone');
    db.close();
    await store.close();
  });
});
