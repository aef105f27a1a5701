// What can be checked in a picture, judged from what the page measured (probe.js): nothing cut or
// sticking out, no raw translation key or {{placeholder}}, the state's colour matching the state, and
// a case card that opens with its deadline as the viewer reads it. Generic on purpose: the rules read
// the rendered page, not the builders, so they hold for any redesign of the cards.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type CheckName =
  | 'truncated'
  | 'leak'
  | 'deadline-first'
  | 'state-colour'
  | 'renderer'
  | 'slack-limits'
  | 'preview'
  | 'blank';

export interface Finding {
  readonly check: CheckName;
  readonly detail: string;
}

/** One element with text of its own, as probe.js measured it. */
export interface ProbeElement {
  readonly text: string;
  readonly tag: string;
  readonly className: string;
  /** Computed CSS colour of its text. */
  readonly colour: string;
  /** Painted backgrounds and left bars around it, nearest first. */
  readonly behind: readonly string[];
  readonly emoji: boolean;
  /** Inside a button, menu item or input: a button's colour is its style, not the case's state. */
  readonly action: boolean;
  readonly cut: 'ellipsis' | 'clipped' | 'overflow' | null;
}

export interface Probe {
  readonly elements: readonly ProbeElement[];
  readonly text: string;
  readonly firstLine: string;
  readonly height: number;
}

/** What the picture must show: the state's colour, and for a case card its deadline first. */
export interface Expectation {
  readonly verdict: 'breached' | 'met' | 'neutral';
  readonly deadline?: { readonly instant: number; readonly zone: string; readonly locale: string };
}

export type Tone = 'red' | 'yellow' | 'green' | 'accent' | 'neutral';

export function judge(probe: Probe, expectation: Expectation): Finding[] {
  const found: Finding[] = [];
  if (probe.height < 8) found.push({ check: 'blank', detail: 'nothing was drawn' });
  for (const element of probe.elements) {
    if (element.cut)
      found.push({ check: 'truncated', detail: `${cutWords[element.cut]}: "${element.text}"` });
  }
  const leak = leakIn(probe.text);
  if (leak) found.push({ check: 'leak', detail: `raw text visible: "${leak}"` });
  found.push(...stateColour(probe, expectation.verdict));
  if (expectation.deadline) {
    const expected = deadlineTexts(expectation.deadline);
    const line = spaces(probe.firstLine);
    if (!expected.some((text) => line.includes(text)))
      found.push({
        check: 'deadline-first',
        detail: `first line "${probe.firstLine}" does not show the deadline as the viewer reads it (${expected[0]}, ${expectation.deadline.zone})`,
      });
  }
  return found;
}

const cutWords = { ellipsis: 'cut with an ellipsis', clipped: 'clipped', overflow: 'sticks out of the card' };

/** A breached case shows red and never green; a met one green and never red (buttons aside). */
function stateColour(probe: Probe, verdict: Expectation['verdict']): Finding[] {
  if (verdict === 'neutral') return [];
  const tones = probe.elements
    .filter((element) => !element.action)
    .map((element) => [element, toneOf(element)] as const);
  const [wrong, right] = verdict === 'breached' ? (['green', 'red'] as const) : (['red', 'green'] as const);
  const found: Finding[] = tones
    .filter(([, tone]) => tone === wrong)
    .map(([element]) => ({
      check: 'state-colour' as const,
      detail: `${verdict} but ${wrong}: "${element.text}"`,
    }));
  if (!tones.some(([, tone]) => tone === right))
    found.push({ check: 'state-colour', detail: `${verdict} but nothing ${right} says so` });
  return found;
}

/** An element's tone: its text colour, else its emoji, else what it sits on. */
export function toneOf(element: ProbeElement): Tone {
  const own = colourTone(element.colour);
  if (own !== 'neutral') return own;
  const emoji = element.emoji ? emojiTone(element.text) : 'neutral';
  if (emoji !== 'neutral') return emoji;
  for (const colour of element.behind) {
    const tone = colourTone(colour);
    if (tone !== 'neutral') return tone;
  }
  return 'neutral';
}

/** A CSS rgb()/rgba() colour by hue; greys, near-white, near-black and faint colours are neutral. */
export function colourTone(css: string): Tone {
  const match = /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:[,/\s]+([\d.]+))?\s*\)/.exec(css);
  if (!match) return 'neutral';
  const [r, g, b] = [match[1], match[2], match[3]].map((part) => Number(part) / 255) as [
    number,
    number,
    number,
  ];
  const alpha = match[4] === undefined ? 1 : Number(match[4]);
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const lightness = (max + min) / 2;
  const chroma = max - min;
  const saturation = chroma === 0 ? 0 : chroma / (1 - Math.abs(2 * lightness - 1));
  if (alpha < 0.3 || saturation < 0.25 || chroma < 0.12 || lightness > 0.95 || lightness < 0.1)
    return 'neutral';
  const hue =
    max === r
      ? (60 * ((g - b) / chroma) + 360) % 360
      : max === g
        ? 60 * ((b - r) / chroma) + 120
        : 60 * ((r - g) / chroma) + 240;
  if (hue < 20 || hue >= 330) return 'red';
  if (hue < 70) return 'yellow';
  if (hue < 170) return 'green';
  return 'accent';
}

const EMOJI_TONES: ReadonlyArray<readonly [Tone, RegExp]> = [
  ['red', /❌|⛔|🚫|🔴|🟥|🚨|‼️|❗|🆘|✖️|❎/u],
  ['green', /✅|✔️|☑️|🟢|🟩/u],
  ['yellow', /⚠️?|🟡|🟠|🟨|🟧/u],
];

export function emojiTone(text: string): Tone {
  return EMOJI_TONES.find(([, pattern]) => pattern.test(text))?.[0] ?? 'neutral';
}

/** The deadline's time as a viewer in that zone and locale reads it, in the hour forms clients use. */
export function deadlineTexts(deadline: NonNullable<Expectation['deadline']>): string[] {
  const { instant, zone, locale } = deadline;
  const forms: Intl.DateTimeFormatOptions[] = [
    { hour: 'numeric', minute: '2-digit' },
    { hour: '2-digit', minute: '2-digit' },
    { hour: 'numeric', minute: '2-digit', hourCycle: 'h23' },
    { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  ];
  const texts = forms.map((form) =>
    spaces(new Intl.DateTimeFormat(locale, { timeZone: zone, ...form }).format(instant)),
  );
  return [...new Set(texts)];
}

/** Browsers and ICU versions differ in the spaces around AM/PM. */
function spaces(text: string): string {
  return text.replace(/[\u00a0\u202f\u2009]/g, ' ');
}

const here = dirname(fileURLToPath(import.meta.url));
let keys: Set<string> | undefined;

/** Every translation key, with and without its namespace ("card.deadline", "teams:card.deadline"). */
function translationKeys(): Set<string> {
  if (keys) return keys;
  keys = new Set();
  const folder = join(here, '../../../locales/en');
  const walk = (namespace: string, node: unknown, path: string[]) => {
    if (typeof node === 'string') {
      if (path.length > 1) keys?.add(path.join('.'));
      keys?.add(`${namespace}:${path.join('.')}`);
      return;
    }
    if (typeof node === 'object' && node !== null)
      for (const [key, value] of Object.entries(node))
        walk(namespace, value, [...path, key.replace(/_(one|other|zero|two|few|many)$/, '')]);
  };
  for (const file of readdirSync(folder).filter((name) => name.endsWith('.json')))
    walk(file.slice(0, -5), JSON.parse(readFileSync(join(folder, file), 'utf8')), []);
  return keys;
}

/** A {{placeholder}} left in, or a translation key shown instead of its text. */
export function leakIn(text: string): string | undefined {
  const braces = /\{\{[^}]*\}?\}?/.exec(text);
  if (braces) return braces[0];
  const known = translationKeys();
  for (const word of text.match(/[\w-]+:[\w.-]+|\b[a-zA-Z]\w*(?:\.\w+)+/g) ?? []) {
    if (known.has(word.replace(/\.$/, ''))) return word;
  }
  return undefined;
}
