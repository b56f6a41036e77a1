import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeEnvironment, loadConfig, loadEnvironment } from '../src/config.js';
import { checkEnvLines, EnvFileError } from '../src/env-file.js';
import { useTempDirs } from './helpers/temp-dir.js';

const tempDir = useTempDirs();

describe('.env files', () => {
  it('reads .env from the working directory; the process environment wins, even when blank', () => {
    const dir = tempDir();
    writeFileSync(join(dir, '.env'), '# comment\n\nSLACK_BOT_TOKEN=xoxb-from-file\nexport SLACK_APP_TOKEN="xapp-from-file"\nDATA_DIR=./file-data\nPORT=4000\n');
    const e = loadEnvironment({ PORT: '5000' }, dir);
    expect(e.envFile).toBe(join(dir, '.env'));
    const c = loadConfig(e.env);
    expect(c.slack).toMatchObject({ botToken: 'xoxb-from-file', appToken: 'xapp-from-file', port: 5000 });
    expect(c.dataDir).toBe('./file-data');
    // A variable set blank in the environment turns the file's value off (SLACK_BOT_TOKEN= npm start).
    expect(loadConfig(loadEnvironment({ SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: '' }, dir).env).slack).toBeUndefined();
    expect(describeEnvironment(e)).toBe(`configuration: ${join(dir, '.env')}, overridden by the process environment`);
  });

  it('no .env: the environment alone, and the start-up line says so', () => {
    const e = loadEnvironment({ DATA_DIR: '/x' }, tempDir());
    expect(e).toEqual({ env: { DATA_DIR: '/x' } });
    expect(describeEnvironment(e)).toBe('configuration: the process environment (no .env file)');
  });

  it('ENV_FILE names another file, which must exist', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'prod.env'), 'DATA_DIR=/srv/papers\n');
    expect(loadEnvironment({ ENV_FILE: join(dir, 'prod.env') }, tempDir()).env.DATA_DIR).toBe('/srv/papers');
    expect(() => loadEnvironment({ ENV_FILE: join(dir, 'missing.env') })).toThrow(/missing\.env: no such file \(ENV_FILE names it\)/);
    mkdirSync(join(dir, 'adir'));
    expect(() => loadEnvironment({ ENV_FILE: join(dir, 'adir') })).toThrow(/is a directory/);
  });

  it('a malformed line is an error naming the file and the line, never silently skipped', () => {
    const dir = tempDir();
    writeFileSync(join(dir, '.env'), 'DATA_DIR=./data\nSLACK_BOT_TOKEN xoxb-123\n');
    expect(() => loadEnvironment({}, dir)).toThrow(EnvFileError);
    expect(() => loadEnvironment({}, dir)).toThrow(new RegExp(`${join(dir, '.env')} line 2: expected KEY=value, a # comment or a blank line, got "SLACK_BOT_TOKEN xoxb-123"`));
  });

  it('accepts what .env files hold: quotes, export, comments, CRLF, multi-line quoted values', () => {
    expect(() => checkEnvLines('A=1\r\nexport B="two words"\r\n  # indented comment\r\nC=\'x\' # trailing\nD="multi\nline"\nE=\n', 'f')).not.toThrow();
    expect(() => checkEnvLines('1A=2\n', 'f')).toThrow(/f line 1/);
    expect(() => checkEnvLines('A="never closed\nB=2\n', 'f')).toThrow(/never closed/);
    // A malformed line holding a secret after "=" is not echoed whole.
    expect(() => checkEnvLines('BAD KEY=xoxb-secret\n', 'f')).toThrow(/got "BAD KEY=…"/);
  });
});
