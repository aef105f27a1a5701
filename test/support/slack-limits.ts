// Slack's published Block Kit limits, checked on every payload the tests see leave the app.
// https://docs.slack.dev/reference/block-kit/blocks and …/block-elements, …/composition-objects

export type Surface = 'message' | 'modal' | 'home';

const MAX_BLOCKS: Record<Surface, number> = { message: 50, modal: 100, home: 100 };

type Node = Record<string, unknown>;

/** Every problem found, as "path: what"; an empty list means the payload fits. */
export function blockKitProblems(
  payload: {
    blocks?: unknown;
    title?: unknown;
    submit?: unknown;
    close?: unknown;
    private_metadata?: unknown;
    callback_id?: unknown;
    text?: unknown;
  },
  surface: Surface,
): string[] {
  const problems: string[] = [];
  const blocks = (payload.blocks ?? []) as Node[];
  if (!Array.isArray(blocks)) return ['blocks: not an array'];
  if (blocks.length > MAX_BLOCKS[surface]) problems.push(`blocks: ${blocks.length} > ${MAX_BLOCKS[surface]}`);
  if (surface === 'modal') {
    for (const key of ['title', 'submit', 'close'] as const) textMax(problems, key, payload[key], 24);
    if (!payload.title) problems.push('title: missing');
  }
  if (typeof payload.private_metadata === 'string' && payload.private_metadata.length > 3000)
    problems.push('private_metadata: > 3000');
  idMax(problems, 'callback_id', payload.callback_id);
  if (typeof payload.text === 'string' && payload.text.length > 40_000) problems.push('text: > 40000');
  for (const [index, block] of blocks.entries()) checkBlock(problems, `blocks[${index}]`, block, surface);
  return problems;
}

function checkBlock(problems: string[], path: string, block: Node, surface: Surface): void {
  idMax(problems, `${path}.block_id`, block.block_id);
  switch (block.type) {
    case 'header':
      textMax(problems, `${path}.text`, block.text, 150);
      break;
    case 'section': {
      textMax(problems, `${path}.text`, block.text, 3000);
      const fields = (block.fields ?? []) as unknown[];
      if (fields.length > 10) problems.push(`${path}.fields: ${fields.length} > 10`);
      for (const [i, field] of fields.entries()) textMax(problems, `${path}.fields[${i}]`, field, 2000);
      if (!block.text && !fields.length) problems.push(`${path}: section without text or fields`);
      if (block.accessory) checkElement(problems, `${path}.accessory`, block.accessory as Node);
      break;
    }
    case 'context': {
      const elements = (block.elements ?? []) as Node[];
      if (elements.length > 10) problems.push(`${path}.elements: ${elements.length} > 10`);
      for (const [i, element] of elements.entries())
        textMax(problems, `${path}.elements[${i}]`, element, 3000);
      break;
    }
    case 'actions': {
      const elements = (block.elements ?? []) as Node[];
      if (elements.length > 25) problems.push(`${path}.elements: ${elements.length} > 25`);
      for (const [i, element] of elements.entries())
        checkElement(problems, `${path}.elements[${i}]`, element);
      break;
    }
    case 'input':
      if (surface === 'message') problems.push(`${path}: input blocks belong in modals`);
      textMax(problems, `${path}.label`, block.label, 2000);
      textMax(problems, `${path}.hint`, block.hint, 2000);
      checkElement(problems, `${path}.element`, block.element as Node);
      break;
    case 'divider':
      break;
    default:
      problems.push(`${path}: unexpected block type ${String(block.type)}`);
  }
}

function checkElement(problems: string[], path: string, element: Node): void {
  idMax(problems, `${path}.action_id`, element.action_id);
  textMax(problems, `${path}.placeholder`, element.placeholder, 150);
  if (element.type === 'button') {
    textMax(problems, `${path}.text`, element.text, 75);
    if (typeof element.value === 'string' && element.value.length > 2000)
      problems.push(`${path}.value: > 2000`);
  }
  if (element.confirm) problems.push(...confirmProblems(element.confirm, `${path}.confirm`));
  const options = (element.options ?? []) as Node[];
  if (options.length > 100) problems.push(`${path}.options: ${options.length} > 100`);
  if (
    ['static_select', 'radio_buttons', 'checkboxes', 'overflow'].includes(String(element.type)) &&
    options.length === 0
  ) {
    problems.push(`${path}.options: empty`);
  }
  options.forEach((option, i) => {
    textMax(problems, `${path}.options[${i}].text`, option.text, 75);
    if (typeof option.value === 'string' && option.value.length > 150)
      problems.push(`${path}.options[${i}].value: > 150`);
  });
  if (
    element.type === 'plain_text_input' &&
    typeof element.initial_value === 'string' &&
    typeof element.max_length === 'number'
  ) {
    if (element.initial_value.length > element.max_length)
      problems.push(`${path}.initial_value: longer than max_length`);
  }
}

/** A confirmation dialog (a button's or a menu's `confirm`): title 100, text 300, buttons 30 characters. */
export function confirmProblems(confirm: unknown, path = 'confirm'): string[] {
  const problems: string[] = [];
  const dialog = (confirm ?? {}) as Node;
  for (const [key, max] of [
    ['title', 100],
    ['text', 300],
    ['confirm', 30],
    ['deny', 30],
  ] as const) {
    if (dialog[key] === undefined) problems.push(`${path}.${key}: missing`);
    else textMax(problems, `${path}.${key}`, dialog[key], max);
  }
  return problems;
}

function textMax(problems: string[], path: string, value: unknown, max: number): void {
  if (value === undefined || value === null) return;
  const text = typeof value === 'string' ? value : (value as { text?: unknown }).text;
  if (typeof text !== 'string') return void problems.push(`${path}: not a text object`);
  if (text.length === 0) problems.push(`${path}: empty`);
  if (text.length > max) problems.push(`${path}: ${text.length} characters > ${max}`);
}

function idMax(problems: string[], path: string, value: unknown): void {
  if (typeof value === 'string' && value.length > 255) problems.push(`${path}: ${value.length} > 255`);
}
