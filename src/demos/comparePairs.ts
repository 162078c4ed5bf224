// Which demo is usually compared with which (Compare… suggests it first). Pure data.

/** The demo usually compared with `id` (shown first in the second pick). */
export const COMPARE_WITH: Readonly<Record<string, string>> = {
  ticketWithoutLock: 'lockDemo',
  lockDemo: 'ticketWithoutLock',
  printWithoutLock: 'printWithLock',
  printWithLock: 'printWithoutLock',
  processFunction: 'threadStart',
  threadStart: 'processFunction',
  daemonVsNonDaemon: 'threadDaemon',
  threadDaemon: 'daemonVsNonDaemon',
  processQueue: 'threadQueue',
  threadQueue: 'processQueue',
  threadTicketRace: 'ticketWithoutLock',
};
