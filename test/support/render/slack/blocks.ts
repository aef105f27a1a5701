// Block Kit blocks and elements as HTML in the shape of Slack's light theme (slack.css gives the
// looks). The block types the bot uses are drawn; any other is drawn as a marked box and reported.
import { emojiHtml, escapeHtml, mrkdwnHtml, plainHtml, type SlackViewer } from './mrkdwn.js';

type Node = Record<string, unknown>;

export interface BlockContext {
  readonly viewer: SlackViewer;
  /** What the preview could not show faithfully: each becomes a finding. */
  readonly problems: string[];
  /** Inline errors of a modal (`response_action: errors`), by block_id. */
  readonly errors?: Readonly<Record<string, string>>;
  /** Draw the options of an overflow menu as the client shows them once "⋮" is pressed. */
  readonly openMenu?: boolean;
}

const asNode = (value: unknown): Node => (typeof value === 'object' && value !== null ? (value as Node) : {});
const asList = (value: unknown): Node[] => (Array.isArray(value) ? value.map(asNode) : []);

/** A text object (plain_text or mrkdwn). */
export function textHtml(value: unknown, context: BlockContext): string {
  const text = asNode(value);
  const raw = typeof text.text === 'string' ? text.text : '';
  if (text.type === 'mrkdwn') return mrkdwnHtml(raw, context.viewer, context.problems);
  return plainHtml(raw, text.emoji !== false, context.problems);
}

export function blocksHtml(blocks: unknown, context: BlockContext): string {
  return asList(blocks)
    .map((block) => blockHtml(block, context))
    .join('');
}

function blockHtml(block: Node, context: BlockContext): string {
  switch (block.type) {
    case 'header':
      return `<div class="sk-block sk-header">${textHtml(block.text, context)}</div>`;
    case 'section':
      return sectionHtml(block, context);
    case 'context':
      return `<div class="sk-block sk-context">${asList(block.elements)
        .map((element) =>
          element.type === 'image'
            ? `<span class="sk-context-image" title="${escapeHtml(String(element.alt_text ?? ''))}"></span>`
            : `<span class="sk-context-text">${textHtml(element, context)}</span>`,
        )
        .join('')}</div>`;
    case 'actions': {
      const elements = asList(block.elements);
      const actions = `<div class="sk-block sk-actions">${elements.map((element) => elementHtml(element, context)).join('')}</div>`;
      const menu = context.openMenu ? elements.find((element) => element.type === 'overflow') : undefined;
      return menu ? `${actions}${menuHtml(menu, context)}` : actions;
    }
    case 'divider':
      return '<hr class="sk-block sk-divider">';
    case 'input':
      return inputHtml(block, context);
    case 'image':
      return `<div class="sk-block sk-image" title="${escapeHtml(String(block.alt_text ?? ''))}"></div>`;
    default:
      context.problems.push(`block type the preview does not draw: ${String(block.type)}`);
      return `<div class="sk-block sk-unknown">${escapeHtml(String(block.type))}</div>`;
  }
}

function sectionHtml(block: Node, context: BlockContext): string {
  const text = block.text ? `<div class="sk-section-text">${textHtml(block.text, context)}</div>` : '';
  const fields = asList(block.fields);
  const grid = fields.length
    ? `<div class="sk-fields">${fields.map((field) => `<div class="sk-field">${textHtml(field, context)}</div>`).join('')}</div>`
    : '';
  const accessory = block.accessory
    ? `<div class="sk-accessory">${elementHtml(asNode(block.accessory), context)}</div>`
    : '';
  return `<div class="sk-block sk-section"><div class="sk-section-main">${text}${grid}</div>${accessory}</div>`;
}

/** An interactive element as the client draws it before anyone touches it. */
export function elementHtml(element: Node, context: BlockContext): string {
  const problems = context.problems;
  switch (element.type) {
    case 'button': {
      const style = element.style === 'primary' || element.style === 'danger' ? ` sk-${element.style}` : '';
      return `<span class="sk-button${style}" role="button">${textHtml(element.text, context)}</span>`;
    }
    case 'overflow':
      return `<span class="sk-overflow" role="button" title="${asList(element.options)
        .map((option) => escapeHtml(String(asNode(option.text).text ?? '')))
        .join(' · ')}">⋮</span>`;
    case 'static_select':
    case 'external_select':
    case 'users_select':
    case 'conversations_select':
    case 'channels_select': {
      const chosen = asNode(element.initial_option).text;
      const label = chosen
        ? `<span class="sk-select-value">${textHtml(chosen, context)}</span>`
        : `<span class="sk-select-placeholder">${textHtml(element.placeholder, context)}</span>`;
      return `<span class="sk-select" role="button">${label}<span class="sk-chevron">⌄</span></span>`;
    }
    case 'plain_text_input': {
      const value = typeof element.initial_value === 'string' ? element.initial_value : '';
      // A one-line input shows the start of a long value and cuts the rest at its edge, as a field does.
      if (value && !element.multiline)
        return `<input class="sk-input sk-input-field" type="text" readonly value="${escapeHtml(value)}">`;
      const shown = value
        ? `<span class="sk-input-value">${escapeHtml(value)}</span>`
        : `<span class="sk-input-placeholder">${element.placeholder ? textHtml(element.placeholder, context) : ''}</span>`;
      return `<span class="sk-input${element.multiline ? ' sk-multiline' : ''}">${shown}</span>`;
    }
    case 'datetimepicker':
      return `<span class="sk-datetime">${pickerHtml('📅', dateOf(element.initial_date_time, context))}${pickerHtml('🕘', timeOf(element.initial_date_time, context))}</span>`;
    case 'datepicker':
      return pickerHtml('📅', typeof element.initial_date === 'string' ? element.initial_date : '');
    case 'timepicker':
      return pickerHtml('🕘', typeof element.initial_time === 'string' ? element.initial_time : '');
    case 'radio_buttons':
    case 'checkboxes': {
      const initial =
        element.type === 'radio_buttons' ? [asNode(element.initial_option)] : asList(element.initial_options);
      const chosen = new Set(initial.map((option) => String(option.value)));
      const kind = element.type === 'radio_buttons' ? 'sk-radio' : 'sk-checkbox';
      return `<div class="sk-choices">${asList(element.options)
        .map(
          (option) =>
            `<div class="sk-choice"><span class="${kind}${chosen.has(String(option.value)) ? ' sk-checked' : ''}"></span><span class="sk-choice-text">${textHtml(option.text, context)}${option.description ? `<span class="sk-choice-description">${textHtml(option.description, context)}</span>` : ''}</span></div>`,
        )
        .join('')}</div>`;
    }
    case 'image':
      return `<span class="sk-accessory-image" title="${escapeHtml(String(element.alt_text ?? ''))}"></span>`;
    default:
      problems.push(`element type the preview does not draw: ${String(element.type)}`);
      return `<span class="sk-unknown">${escapeHtml(String(element.type))}</span>`;
  }
}

/** An overflow menu pressed open: its options, one per line, cut where the client cuts them. */
function menuHtml(overflow: Node, context: BlockContext): string {
  const items = asList(overflow.options)
    .map((option) => `<div class="sk-menu-item" role="button">${textHtml(option.text, context)}</div>`)
    .join('');
  return `<div class="sk-block sk-menu">${items}</div>`;
}

function pickerHtml(icon: string, value: string): string {
  return `<span class="sk-picker"><span class="sk-picker-icon">${icon}</span><span class="sk-picker-value">${escapeHtml(value)}</span></span>`;
}

function dateOf(seconds: unknown, context: BlockContext): string {
  if (typeof seconds !== 'number') return '';
  return new Intl.DateTimeFormat(context.viewer.locale, {
    timeZone: context.viewer.zone,
    dateStyle: 'medium',
  }).format(seconds * 1000);
}

function timeOf(seconds: unknown, context: BlockContext): string {
  if (typeof seconds !== 'number') return '';
  return new Intl.DateTimeFormat(context.viewer.locale, {
    timeZone: context.viewer.zone,
    hour: 'numeric',
    minute: '2-digit',
  }).format(seconds * 1000);
}

/** A modal's input block: label (with "(optional)"), the element, the inline error, the hint. */
function inputHtml(block: Node, context: BlockContext): string {
  const id = typeof block.block_id === 'string' ? block.block_id : '';
  const error = context.errors && Object.hasOwn(context.errors, id) ? context.errors[id] : undefined;
  const optional =
    block.optional === true ? `<span class="sk-optional">${escapeHtml(optionalWord(context))}</span>` : '';
  const errorLine = error
    ? `<div class="sk-error"><span class="sk-error-icon">⚠</span>${emojiHtml(escapeHtml(error), context.problems)}</div>`
    : '';
  const hint = block.hint ? `<div class="sk-hint">${textHtml(block.hint, context)}</div>` : '';
  return `<div class="sk-block sk-input-block${error ? ' sk-has-error' : ''}"><div class="sk-label">${textHtml(block.label, context)}${optional}</div>${elementHtml(asNode(block.element), context)}${errorLine}${hint}</div>`;
}

/** Slack's own word beside an optional field, in the client's language. */
function optionalWord(context: BlockContext): string {
  const language = context.viewer.locale.slice(0, 2);
  return { de: '(optional)', ja: '(任意)' }[language] ?? '(optional)';
}
