// The "Get Started" walkthrough as package.json declares it: steps, their texts resolved from a
// package.nls file, and the command links of their buttons parsed the way VS Code parses them.
// Pure (no vscode): shared by the unit, integration and image-generation code.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A `command:` link in a step's description: the command id and its JSON arguments. */
export interface CommandLink {
  label: string;
  href: string;
  command: string;
  args: unknown[];
}

/** One walkthrough step with its texts in one locale. */
export interface WalkthroughStep {
  id: string;
  title: string;
  description: string;
  /** Image path relative to the extension root. */
  image: string;
  altText: string;
  links: CommandLink[];
}

/** The walkthrough's id, title and steps in one locale. */
export interface Walkthrough {
  id: string;
  title: string;
  description: string;
  steps: WalkthroughStep[];
}

/** VS Code's linked-text pattern for walkthrough descriptions (no spaces or ")" in a href). */
const LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/gi;

/** Parse `command:id?<JSON array or value, maybe percent-encoded>` like the walkthrough page:
 *  decode then JSON-parse the query; a single value becomes a one-element list. */
export function parseCommandHref(href: string): { command: string; args: unknown[] } {
  const m = /^command:(?:toSide:)?([^?]+)(?:\?(.*))?$/.exec(href);
  if (!m) throw new Error(`not a command link: ${href}`);
  if (m[2] === undefined || m[2] === '') return { command: m[1], args: [] };
  let value: unknown;
  try {
    value = JSON.parse(decodeURIComponent(m[2]));
  } catch (err) {
    throw new Error(`bad arguments in ${href}: ${(err as Error).message}`);
  }
  return { command: m[1], args: Array.isArray(value) ? value : [value] };
}

/** Every `command:` link in a description, in order. */
export function commandLinks(description: string): CommandLink[] {
  return [...description.matchAll(LINK)]
    .filter((m) => m[2].startsWith('command:'))
    .map((m) => ({ label: m[1], href: m[2], ...parseCommandHref(m[2]) }));
}

interface RawStep {
  id: string;
  title: string;
  description: string;
  media: { image: string; altText: string };
}

/** The walkthrough of the extension at `root`, texts from package.nls[.locale].json. */
export function readWalkthrough(root: string, locale = ''): Walkthrough {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const nlsFile = locale ? `package.nls.${locale}.json` : 'package.nls.json';
  const nls = JSON.parse(readFileSync(join(root, nlsFile), 'utf8')) as Record<string, string>;
  const text = (v: string): string =>
    v.replace(/^%(.+)%$/, (_, k: string) => {
      if (!(k in nls)) throw new Error(`${nlsFile} lacks ${k}`);
      return nls[k];
    });
  const raw = pkg.contributes?.walkthroughs?.[0];
  if (!raw) throw new Error('package.json has no contributes.walkthroughs');
  return {
    id: raw.id,
    title: text(raw.title),
    description: text(raw.description),
    steps: (raw.steps as RawStep[]).map((s) => {
      const description = text(s.description);
      return {
        id: s.id,
        title: text(s.title),
        description,
        image: s.media.image,
        altText: text(s.media.altText),
        links: commandLinks(description),
      };
    }),
  };
}

/** The link whose run a step's picture shows: its Compare link if any, else its first Run Demo. */
export function pictureLink(links: CommandLink[]): CommandLink {
  const found =
    links.find((l) => l.command === 'concurrencySwimlane.compare') ??
    links.find((l) => l.command === 'concurrencySwimlane.runDemo');
  if (!found) throw new Error('step has no Run Demo or Compare link');
  return found;
}

/** Where the image generator records which link each step's picture was made from. */
export const PICTURE_SOURCES = 'test/fixtures/walkthrough-images.json';
