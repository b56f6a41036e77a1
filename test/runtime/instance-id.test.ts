import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { isGoneInstance, newInstanceId } from '../../src/runtime/instance-id.js';

describe('instance ids', () => {
  it('name this host and process, and differ per call', () => {
    const id = newInstanceId();
    expect(id.split(':')[1]).toBe(String(process.pid));
    expect(newInstanceId()).not.toBe(id);
  });

  it('a process of this host that has exited is gone; this one, another host’s and junk are not', () => {
    const done = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const [host] = newInstanceId().split(':');
    expect(isGoneInstance(`${host}:${done.stdout}:ab`)).toBe(true);
    expect(isGoneInstance(newInstanceId())).toBe(false);
    expect(isGoneInstance(`another-host:${done.stdout}:ab`)).toBe(false);
    expect(isGoneInstance('not-an-id')).toBe(false);
  });
});
