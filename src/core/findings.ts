// Findings: what a run shows, in plain words, computed from the model. Pure.
import type { Header, Lane } from '../shared/webviewProtocol';

/** What the findings rules read. */
export interface FindingsInput {
  header: Header;
  lanes: readonly Lane[];
}

/** The findings for the header, most important first. */
export function computeFindings({ header, lanes }: FindingsInput): string[] {
  const out: string[] = [];
  const { ticketsSold: sold, ticketsAvailable: avail } = header;
  if (sold !== null && avail !== null && sold > avail) {
    out.push(
      `Oversold by ${sold - avail}: ${sold} sold, ${avail} available (lost update on db.txt)`,
    );
  }
  const daemons = lanes.filter((l) => l.killed === 'daemon');
  if (daemons.length > 0) {
    const names = daemons.map((l) => l.name).join(', ');
    out.push(
      `Killed as daemon${daemons.length > 1 ? 's' : ''} when the main code finished: ${names}`,
    );
  }
  return out;
}
