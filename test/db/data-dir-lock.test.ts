import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataDirInUseError, lockDataDir } from '../../src/db/data-dir-lock.ts';

const fresh = () => mkdtempSync(join(tmpdir(), 'tousu-lock-'));

describe('lockDataDir', () => {
  it('writes this process id and removes it on release', () => {
    const dir = fresh();
    const release = lockDataDir(dir);
    expect(readFileSync(join(dir, 'tousu.pid'), 'utf8')).toBe(String(process.pid));
    release();
    expect(() => readFileSync(join(dir, 'tousu.pid'))).toThrow();
  });

  it('refuses a folder held by another live process', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'tousu.pid'), String(process.ppid));
    expect(() => lockDataDir(dir)).toThrow(DataDirInUseError);
    expect(readFileSync(join(dir, 'tousu.pid'), 'utf8')).toBe(String(process.ppid));
  });

  it('takes over a folder left by a process that died', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'tousu.pid'), '2147483646');
    const release = lockDataDir(dir);
    expect(readFileSync(join(dir, 'tousu.pid'), 'utf8')).toBe(String(process.pid));
    release();
  });
});
