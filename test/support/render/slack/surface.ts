// The surfaces the bot draws on in Slack: a message in a channel (or a thread reply, or an ephemeral
// answer), a modal, and App Home, each in the desktop client's and the phone app's layout.
import { type BlockContext, blocksHtml, textHtml } from './blocks.js';
import { dateToken, escapeHtml, mrkdwnHtml, type SlackViewer } from './mrkdwn.js';

export type SlackWidth = 'desktop' | 'phone';

interface MessagePayload {
  readonly text?: string;
  readonly blocks?: unknown;
  readonly attachments?: unknown;
}

export type SlackSurface =
  | {
      readonly kind: 'message';
      readonly message: MessagePayload;
      /** Only the person who asked sees it (a slash command's answer). */
      readonly ephemeral?: boolean;
      /** A reply in the case card's thread. */
      readonly thread?: boolean;
      /** Its overflow menu ("⋮") pressed open. */
      readonly openMenu?: boolean;
    }
  /** A button's `confirm` dialog, as the client asks before running the action. */
  | { readonly kind: 'confirm'; readonly confirm: unknown }
  | { readonly kind: 'modal'; readonly view: unknown; readonly errors?: Readonly<Record<string, string>> }
  | { readonly kind: 'home'; readonly view: unknown };

/** The page width each surface is drawn at: the message column, the modal, the Home tab. */
export const SLACK_WIDTHS: Readonly<Record<SlackSurface['kind'], Record<SlackWidth, number>>> = {
  message: { desktop: 600, phone: 360 },
  modal: { desktop: 520, phone: 360 },
  confirm: { desktop: 440, phone: 320 },
  home: { desktop: 600, phone: 360 },
};

export const BOT_NAME = 'SLA bot';

/** The body of the preview page; `problems` gets what the preview could not show faithfully. */
export function surfaceHtml(
  surface: SlackSurface,
  viewer: SlackViewer,
  width: SlackWidth,
  problems: string[],
): string {
  const context: BlockContext = {
    viewer,
    problems,
    ...(surface.kind === 'modal' && surface.errors ? { errors: surface.errors } : {}),
    ...(surface.kind === 'message' && surface.openMenu ? { openMenu: true } : {}),
  };
  const frame = `sk-${width}`;
  switch (surface.kind) {
    case 'message':
      return `<div class="sk-frame sk-channel ${frame}" data-probe>${messageHtml(surface, context)}</div>`;
    case 'modal':
      return `<div class="sk-frame ${frame}" data-probe>${modalHtml(surface.view, context, width)}</div>`;
    case 'confirm':
      return `<div class="sk-frame ${frame}" data-probe>${modalHtml(confirmView(surface.confirm), context, 'desktop')}</div>`;
    case 'home':
      return `<div class="sk-frame sk-home ${frame}" data-probe><div class="sk-home-tabs"><span class="sk-tab sk-tab-on">Home</span></div><div data-content>${blocksHtml(asNode(surface.view).blocks, context)}</div></div>`;
  }
}

const asNode = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};

function messageHtml(surface: Extract<SlackSurface, { kind: 'message' }>, context: BlockContext): string {
  const { message } = surface;
  const blocks = Array.isArray(message.blocks) && message.blocks.length > 0;
  // Without blocks the client shows `text` as mrkdwn; with blocks, `text` is only the notification.
  const body = blocks
    ? blocksHtml(message.blocks, context)
    : `<div class="sk-block sk-section"><div class="sk-section-main"><div class="sk-section-text">${mrkdwnHtml(message.text ?? '', context.viewer, context.problems)}</div></div></div>`;
  const attachments = Array.isArray(message.attachments) ? message.attachments.map(asNode) : [];
  const attached = attachments
    .map((attachment) => {
      const colour = typeof attachment.color === 'string' ? attachmentColour(attachment.color) : '#dddddd';
      const inner = Array.isArray(attachment.blocks)
        ? blocksHtml(attachment.blocks, context)
        : mrkdwnHtml(String(attachment.text ?? attachment.fallback ?? ''), context.viewer, context.problems);
      return `<div class="sk-attachment" style="border-left-color: ${escapeHtml(colour)}">${inner}</div>`;
    })
    .join('');
  const time = dateToken('time', context.viewer.now, context.viewer) ?? '';
  const ephemeral = surface.ephemeral
    ? `<div class="sk-ephemeral"><span class="sk-eye">👁</span>${escapeHtml(onlyYou(context.viewer.locale))}</div>`
    : '';
  const thread = surface.thread
    ? `<div class="sk-thread-label">${escapeHtml(threadWord(context.viewer.locale))}</div>`
    : '';
  return `${thread}${ephemeral}<div class="sk-message"><div class="sk-avatar">SLA</div><div class="sk-message-body"><div class="sk-sender"><span class="sk-name">${BOT_NAME}</span><span class="sk-app">APP</span><span class="sk-time">${escapeHtml(time)}</span></div><div class="sk-content" data-content>${body}${attached}</div></div></div>`;
}

/**
 * A confirmation dialog drawn as the client draws it: a small dialog with its title, its text, and the
 * deny and confirm buttons (the confirm one red when the dialog is `danger`), on a phone too.
 */
function confirmView(confirm: unknown): Record<string, unknown> {
  const dialog = asNode(confirm);
  return {
    title: dialog.title,
    close: dialog.deny,
    submit: dialog.confirm,
    danger: dialog.style === 'danger',
    blocks: [{ type: 'section', text: dialog.text }],
  };
}

/** Legacy attachment colours: Slack's named ones and hex. */
function attachmentColour(colour: string): string {
  const named: Record<string, string> = { good: '#2eb67d', warning: '#ecb22e', danger: '#e01e5a' };
  return named[colour] ?? (colour.startsWith('#') ? colour : `#${colour}`);
}

function modalHtml(view: unknown, context: BlockContext, width: SlackWidth): string {
  const modal = asNode(view);
  const title = textHtml(modal.title, context);
  const close = modal.close ? textHtml(modal.close, context) : escapeHtml(cancelWord(context.viewer.locale));
  const submit = modal.submit ? textHtml(modal.submit, context) : '';
  const body = `<div class="sk-modal-body" data-content>${blocksHtml(modal.blocks, context)}</div>`;
  if (width === 'phone')
    return `<div class="sk-modal sk-modal-phone"><div class="sk-modal-bar"><span class="sk-modal-close-text" role="button">${close}</span><span class="sk-modal-title">${title}</span>${submit ? `<span class="sk-modal-submit-text" role="button">${submit}</span>` : '<span></span>'}</div>${body}</div>`;
  const style = modal.danger === true ? 'sk-danger' : 'sk-primary';
  const footer = `<div class="sk-modal-footer"><span class="sk-button sk-modal-button" role="button">${close}</span>${submit ? `<span class="sk-button ${style} sk-modal-button" role="button">${submit}</span>` : ''}</div>`;
  return `<div class="sk-modal"><div class="sk-modal-header"><span class="sk-modal-title">${title}</span><span class="sk-modal-x">✕</span></div>${body}${footer}</div>`;
}

// The client's own words around our content, in the three languages the pictures use.
const CHROME: Record<string, { onlyYou: string; thread: string; cancel: string }> = {
  en: { onlyYou: 'Only visible to you', thread: 'Thread', cancel: 'Cancel' },
  de: { onlyYou: 'Nur für dich sichtbar', thread: 'Thread', cancel: 'Abbrechen' },
  ja: { onlyYou: 'あなただけに表示されています', thread: 'スレッド', cancel: 'キャンセル' },
};
const chrome = (locale: string) =>
  CHROME[locale.slice(0, 2)] ?? CHROME.en ?? { onlyYou: '', thread: '', cancel: '' };
const onlyYou = (locale: string) => chrome(locale).onlyYou;
const threadWord = (locale: string) => chrome(locale).thread;
const cancelWord = (locale: string) => chrome(locale).cancel;
