// Tests of the Python locator against real interpreters and broken paths.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isSupported, locatePython } from '../../src/runner/pythonLocator';

test('python3 from PATH is found with its version', async () => {
  const r = await locatePython('');
  assert.equal(r.ok, true);
  if (r.ok) assert.match(r.version, /^3\.\d+\.\d+$/);
});

test('a missing interpreter is reported as not found, naming what was tried', async () => {
  const r = await locatePython('/nonexistent/python9');
  assert.equal(r.ok, false);
  if (!r.ok) {
    assert.equal(r.reason, 'notFound');
    assert.deepEqual(r.tried, ['/nonexistent/python9']);
  }
});

test('an interpreter that fails or is too old is reported as such', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'swimlane-py-'));
  try {
    const broken = join(dir, 'broken-python');
    writeFileSync(broken, '#!/bin/sh\necho "cannot start: missing libpython" >&2\nexit 1\n');
    chmodSync(broken, 0o755);
    const b = await locatePython(broken);
    assert.equal(b.ok, false);
    if (!b.ok) {
      assert.equal(b.reason, 'broken');
      assert.match(b.detail, /missing libpython/);
    }
    const old = join(dir, 'old-python');
    writeFileSync(old, '#!/bin/sh\necho 3.8.18\n');
    chmodSync(old, 0o755);
    const o = await locatePython(old);
    assert.equal(o.ok, false);
    if (!o.ok) assert.equal(o.reason, 'tooOld');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a path that exists but is not an executable file is reported as broken', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'swimlane-py-'));
  try {
    const plain = join(dir, 'python3');
    writeFileSync(plain, 'not a program\n');
    for (const path of [plain, dir]) {
      const r = await locatePython(path);
      assert.equal(r.ok, false);
      if (!r.ok) {
        assert.equal(r.reason, 'broken', path);
        assert.match(r.detail, /not an executable file/);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('version check', () => {
  assert.equal(isSupported('3.9.0'), true);
  assert.equal(isSupported('3.13.1'), true);
  assert.equal(isSupported('3.8.18'), false);
  assert.equal(isSupported('2.7.18'), false);
  assert.equal(isSupported('4.0.0'), true);
});
