// Unit tests of the findings rules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeFindings } from '../../src/core/findings';
import type { Header, Lane } from '../../src/shared/webviewProtocol';

const header = (over: Partial<Header> = {}): Header => ({
  title: 't',
  state: 'finished',
  duration: 0,
  processes: 0,
  ticketsSold: null,
  ticketsAvailable: null,
  lockWaitTotal: 0,
  lockWaitMax: 0,
  mainDone: null,
  events: 0,
  badFrames: 0,
  dropped: 0,
  error: null,
  ...over,
});
const lane = (name: string, killed: Lane['killed'] = null): Lane => ({
  id: name,
  pid: 1,
  name,
  parent: null,
  order: 0,
  daemon: killed === 'daemon',
  main: false,
  begin: 0,
  end: 1,
  exitCode: null,
  killed,
});

test('an oversold ticket race is named as a lost update', () => {
  const f = computeFindings({ header: header({ ticketsSold: 5, ticketsAvailable: 1 }), lanes: [] });
  assert.deepEqual(f, ['Oversold by 4: 5 sold, 1 available (lost update on db.txt)']);
});

test('no finding when the tickets add up', () => {
  assert.deepEqual(
    computeFindings({ header: header({ ticketsSold: 1, ticketsAvailable: 1 }), lanes: [] }),
    [],
  );
});

test('daemons killed at the main code end are listed', () => {
  const f = computeFindings({
    header: header(),
    lanes: [lane('p1', 'daemon'), lane('p2'), lane('p3', 'terminate')],
  });
  assert.deepEqual(f, ['Killed as daemon when the main code finished: p1']);
});
