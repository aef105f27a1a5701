// Slack's mrkdwn as its clients show it, to HTML: *bold*, _italic_, ~strike~, `code`, ```pre```,
// > quotes, links, mentions, emoji shortcodes, and `<!date^…>` in the viewer's own zone and language.
// Anything the preview cannot show faithfully is reported in `problems` rather than guessed.
import { emojiFor } from './emoji.js';

/** Who looks at the message: Slack shows dates and mentions for this person. */
export interface SlackViewer {
  /** The Slack client's language (en-US, de-DE, ja-JP): dates read in it. */
  readonly locale: string;
  /** The person's time zone in their Slack profile: `<!date^…>` is shown in it. */
  readonly zone: string;
  /** The moment the person looks: "Today" and "ago" are relative to it. */
  readonly now: number;
  /** Display names of the user ids the messages mention. */
  readonly users: Readonly<Record<string, string>>;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Slack's own escapes in message text, undone (the HTML escaping comes after). */
function decodeEntities(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Shortcodes (`:warning:`) as emoji; unknown ones stay text, as Slack shows a name it does not know. */
export function emojiHtml(escaped: string, problems: string[]): string {
  return escaped.replace(/:([a-z0-9_+-]+):(?::skin-tone-\d:)?/g, (whole, name: string) => {
    const emoji = emojiFor(name);
    if (emoji) return `<span class="sk-emoji">${emoji}</span>`;
    problems.push(`emoji shortcode the preview does not know: ${whole}`);
    return whole;
  });
}

/** plain_text objects: no formatting, shortcodes only when `emoji` is not false. */
export function plainHtml(text: string, emoji: boolean, problems: string[]): string {
  const escaped = escapeHtml(text);
  return emoji ? emojiHtml(escaped, problems) : escaped;
}

// Characters that may stand next to a formatting mark: Slack wants a word boundary; CJK has none.
const EDGE = String.raw`[\s\p{P}\p{S}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\uE000]`;
const mark = (char: string, tag: string) => {
  const m = char === '*' ? String.raw`\*` : char;
  const pattern = String.raw`(^|${EDGE})${m}(?=[^\s${m}])([^${m}\n]*?[^\s${m}])${m}(?=$|${EDGE})`;
  return [new RegExp(pattern, 'gu'), tag] as const;
};
const MARKS = [mark('*', 'b'), mark('_', 'i'), mark('~', 's')];

export function mrkdwnHtml(text: string, viewer: SlackViewer, problems: string[]): string {
  const held: string[] = [];
  const hold = (html: string) => `\uE000${held.push(html) - 1}\uE000`;
  let source = text
    .replace(/```([\s\S]*?)```/g, (_all, code: string) =>
      hold(`<pre class="sk-pre">${escapeHtml(decodeEntities(code.replace(/^\n/, '')))}</pre>`),
    )
    .replace(/`([^`\n]+)`/g, (_all, code: string) =>
      hold(`<code class="sk-code">${escapeHtml(decodeEntities(code))}</code>`),
    )
    .replace(/<([^<>\n]+)>/g, (_all, inner: string) => hold(controlHtml(inner, viewer, problems)));
  source = emojiHtml(escapeHtml(decodeEntities(source)), problems);
  for (const [pattern, tag] of MARKS) source = source.replace(pattern, `$1<${tag}>$2</${tag}>`);
  const html = quoted(source.split('\n'));
  return html.replace(/\uE000(\d+)\uE000/g, (_all, index: string) => held[Number(index)] ?? '');
}

/** Lines starting with "> " become one quote block each run; the rest join with line breaks. */
function quoted(lines: string[]): string {
  const out: string[] = [];
  let quote: string[] = [];
  const flush = () => {
    if (quote.length) out.push(`<blockquote class="sk-quote">${quote.join('<br>')}</blockquote>`);
    quote = [];
  };
  for (const line of lines) {
    const match = /^&gt; ?(.*)$/.exec(line);
    if (match) quote.push(match[1] ?? '');
    else {
      flush();
      out.push(line);
    }
  }
  flush();
  return out
    .join('<br>')
    .replace(/<br>(<blockquote)/g, '$1')
    .replace(/(<\/blockquote>)<br>/g, '$1');
}

/** `<…>`: a mention, a channel, a special mention, a date, or a link. */
function controlHtml(inner: string, viewer: SlackViewer, problems: string[]): string {
  const [target = '', label] = splitLabel(inner);
  if (target.startsWith('@')) {
    const id = target.slice(1);
    return `<span class="sk-mention">@${escapeHtml(viewer.users[id] ?? label ?? id)}</span>`;
  }
  if (target.startsWith('#'))
    return `<span class="sk-mention">#${escapeHtml(label ?? target.slice(1))}</span>`;
  if (target.startsWith('!date^')) return dateHtml(target, label ?? '', viewer, problems);
  if (target.startsWith('!subteam^'))
    return `<span class="sk-mention">${escapeHtml(label ?? '@team')}</span>`;
  if (target.startsWith('!'))
    return `<span class="sk-mention sk-broadcast">@${escapeHtml(target.slice(1))}</span>`;
  return `<a class="sk-link" href="${escapeHtml(target)}">${escapeHtml(decodeEntities(label ?? target))}</a>`;
}

function splitLabel(inner: string): [string, string | undefined] {
  const bar = inner.indexOf('|');
  return bar < 0 ? [inner, undefined] : [inner.slice(0, bar), inner.slice(bar + 1)];
}

/** `<!date^seconds^{tokens}^optional_link|fallback>` in the viewer's zone and language. */
function dateHtml(target: string, fallback: string, viewer: SlackViewer, problems: string[]): string {
  const [, seconds = '', format = '', link] = target.split('^');
  const instant = Number(seconds) * 1000;
  if (!/^\d+$/.test(seconds) || !Number.isFinite(instant)) {
    problems.push(`<!date> with an invalid time "${seconds}": Slack shows the fallback "${fallback}"`);
    return escapeHtml(fallback);
  }
  const text = format.replace(/\{([a-z_]+)\}/g, (whole, token: string) => {
    const value = dateToken(token, instant, viewer);
    if (value === undefined) problems.push(`<!date> token the preview does not know: ${whole}`);
    return value ?? whole;
  });
  const html = escapeHtml(text);
  return link ? `<a class="sk-link" href="${escapeHtml(link)}">${html}</a>` : html;
}

const DAY = 86_400_000;

export function dateToken(token: string, instant: number, viewer: SlackViewer): string | undefined {
  const { locale, zone } = viewer;
  const format = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(locale, { timeZone: zone, ...options }).format(instant);
  const english = locale.toLowerCase().startsWith('en');
  const long = () =>
    english
      ? `${format({ month: 'long' })} ${ordinal(Number(format({ day: 'numeric' })))}, ${format({ year: 'numeric' })}`
      : format({ dateStyle: 'long' });
  const pretty = (otherwise: () => string) => relativeDay(instant, viewer) ?? otherwise();
  switch (token) {
    case 'date_num':
      return dayKey(instant, zone);
    case 'date_slash':
      return format({ year: 'numeric', month: '2-digit', day: '2-digit' });
    case 'date':
      return long();
    case 'date_short':
      return format({ year: 'numeric', month: 'short', day: 'numeric' });
    case 'date_long':
      return `${format({ weekday: 'long' })}, ${long()}`;
    case 'date_long_full':
      return format({ dateStyle: 'long' });
    case 'date_pretty':
      return pretty(long);
    case 'date_short_pretty':
      return pretty(() => format({ year: 'numeric', month: 'short', day: 'numeric' }));
    case 'date_long_pretty':
      return pretty(() => `${format({ weekday: 'long' })}, ${long()}`);
    case 'time':
      return format({ hour: 'numeric', minute: '2-digit' });
    case 'time_secs':
      return format({ hour: 'numeric', minute: '2-digit', second: '2-digit' });
    case 'ago':
      return agoText(instant, viewer);
    default:
      return undefined;
  }
}

/** "Today", "Yesterday", "Tomorrow" in the viewer's language, as Slack's *_pretty tokens say. */
function relativeDay(instant: number, viewer: SlackViewer): string | undefined {
  const days = Math.round(
    (Date.parse(dayKey(instant, viewer.zone)) - Date.parse(dayKey(viewer.now, viewer.zone))) / DAY,
  );
  if (Math.abs(days) > 1) return undefined;
  const word = new Intl.RelativeTimeFormat(viewer.locale, { numeric: 'auto' }).format(days, 'day');
  return word.charAt(0).toLocaleUpperCase(viewer.locale) + word.slice(1);
}

function agoText(instant: number, viewer: SlackViewer): string {
  const minutes = Math.round((instant - viewer.now) / 60_000);
  const words = new Intl.RelativeTimeFormat(viewer.locale, { numeric: 'auto' });
  if (Math.abs(minutes) < 60) return words.format(minutes, 'minute');
  if (Math.abs(minutes) < 1440) return words.format(Math.round(minutes / 60), 'hour');
  return words.format(Math.round(minutes / 1440), 'day');
}

/** YYYY-MM-DD of the instant in the zone. */
function dayKey(instant: number, zone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}

function ordinal(day: number): string {
  const tens = day % 100;
  if (tens >= 11 && tens <= 13) return `${day}th`;
  return `${day}${['th', 'st', 'nd', 'rd'][day % 10] ?? 'th'}`;
}
