// Unit tests of the shared time axis used by Compare….
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SharedAxis } from '../../src/features/sharedAxis';

test('the axis spans the longer run and tells the other member when it grows', () => {
  const axis = new SharedAxis();
  const heardByA: number[] = [];
  const heardByB: number[] = [];
  const a = (end: number) => heardByA.push(end);
  const b = (end: number) => heardByB.push(end);
  axis.join(a);
  const leaveB = axis.join(b);
  assert.equal(axis.grow(100, a), 100);
  assert.equal(axis.grow(50, b), 100, 'a shorter run keeps the longer axis');
  assert.equal(axis.grow(100.5, a), 100.5);
  assert.deepEqual(heardByB, [100], 'growth under 1% is not announced');
  assert.deepEqual(heardByA, [], 'a member does not hear its own growth');
  leaveB();
  axis.grow(300, a);
  assert.deepEqual(heardByB, [100], 'a member that left hears nothing');
  assert.equal(axis.current, 300);
});
