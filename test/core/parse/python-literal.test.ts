import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ParseError } from '../../../src/core/errors.js';
import { parsePythonLiteral } from '../../../src/core/parse/python-literal.js';
import { DATA } from './data-paths.js';

describe('parsePythonLiteral', () => {
  it.each([
    ["{'a': 1, 'b': [True, False, None], 'c': (1, 2.5, -3e2)}", { a: 1, b: [true, false, null], c: [1, 2.5, -300] }],
    [`"it's"`, "it's"],
    ["'say \"hi\"'", 'say "hi"'],
    ["'a\\'b\\\\c\\nd\\te'", "a'b\\c\nd\te"],
    ["'caf\\xe9 \\u00e9 \\U0001F600'", 'café é 😀'],
    ["u'x'", 'x'],
    ["'''tri'ple'''", "tri'ple"],
    ["'keep \\d unknown escapes'", 'keep \\d unknown escapes'],
    ['[1, 2,]', [1, 2]],
    ["{'x': {},}", { x: {} }],
    ['1_000', 1000],
    ["{'__proto__': 1}", JSON.parse('{"__proto__": 1}')],
  ])('%s', (src, expected) => expect(parsePythonLiteral(src)).toEqual(expected));

  it('keeps __proto__ as a plain key', () => {
    const v = parsePythonLiteral("{'__proto__': {'polluted': True}}") as Record<string, unknown>;
    expect(Object.keys(v)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each(['', "{'a': 1", "'unterminated", "os.system('x')", '{1: 2} extra', "{'a' 1}", '[1 2]', "__import__('os')", 'Truex', "'\\x4'"])(
    'refuses %j with a ParseError',
    (src) => expect(() => parsePythonLiteral(src)).toThrow(ParseError),
  );

  it('refuses absurd nesting without a stack overflow', () => {
    expect(() => parsePythonLiteral('['.repeat(10_000))).toThrow(/nested too deeply/);
  });

  it('reads every Python-repr entry of the HF archive into a paper object', () => {
    const raw = JSON.parse(fs.readFileSync(path.join(DATA, 'hf-daily/2024-12-11.json'), 'utf8')) as string[];
    expect(raw).toHaveLength(26);
    for (const s of raw) {
      const v = parsePythonLiteral(s) as { paper: { id: string; title: string; authors: unknown[] } };
      expect(v.paper.id).toMatch(/^\d{4}\.\d{5}$/);
      expect(v.paper.title.length).toBeGreaterThan(3);
      expect(Array.isArray(v.paper.authors)).toBe(true);
    }
  });
});
