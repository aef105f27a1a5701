// Reads a rendered card, message or form back from the page, the way a person sees it: the text
// each element shows, its colours, whether its text is cut or sticks out, and the first line of text.
// The rules that judge this live in checks.ts; this file only measures.
(() => {
  const ACTION = 'button, [role="button"], .ac-pushButton, .ac-ctrl-dropdown-item, select, input';
  const EMOJI = /\p{Extended_Pictographic}/u;

  const visible = (element) => {
    const style = getComputedStyle(element);
    return style.display !== 'none' && style.visibility !== 'hidden' && element.getClientRects().length > 0;
  };

  const ownText = (element) =>
    Array.from(element.childNodes)
      .filter((node) => node.nodeType === Node.TEXT_NODE)
      .map((node) => node.textContent)
      .join('')
      .replace(/\s+/g, ' ')
      .trim();

  /** The colour of the nearest painted background or left bar (a Slack attachment) above the element. */
  const surroundings = (element, root) => {
    const found = [];
    for (let node = element; node && node !== root.parentElement; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.backgroundColor !== 'rgba(0, 0, 0, 0)' && style.backgroundColor !== 'transparent')
        found.push(style.backgroundColor);
      if (Number.parseFloat(style.borderLeftWidth) >= 3) found.push(style.borderLeftColor);
    }
    return found;
  };

  /** How the element's text is cut: by an ellipsis, clipped, or sticking out of the card. */
  const cut = (element, root) => {
    const style = getComputedStyle(element);
    const clips = style.overflowX !== 'visible' || style.overflowY !== 'visible';
    if (clips && element.scrollWidth > element.clientWidth + 1)
      return style.textOverflow === 'ellipsis' ? 'ellipsis' : 'clipped';
    if (clips && element.scrollHeight > element.clientHeight + 2 && element.clientHeight > 0)
      return 'clipped';
    const box = element.getBoundingClientRect();
    const edge = root.getBoundingClientRect();
    if (box.right > edge.right + 1 || box.left < edge.left - 1) return 'overflow';
    return null;
  };

  /** The text of the topmost line of text inside root, as laid out. */
  const firstLine = (root) => {
    const range = document.createRange();
    const nodes = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent.trim() || !visible(node.parentElement)) continue;
      nodes.push(node);
    }
    let band = null;
    for (const node of nodes) {
      range.selectNodeContents(node);
      for (const rect of range.getClientRects()) {
        if (rect.height === 0 || rect.width === 0) continue;
        if (!band || rect.top < band.top - 1) band = { top: rect.top, bottom: rect.bottom };
      }
    }
    if (!band) return '';
    let line = '';
    for (const node of nodes) {
      const text = node.textContent;
      for (let i = 0; i < text.length; i += 1) {
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rect = range.getBoundingClientRect();
        const middle = (rect.top + rect.bottom) / 2;
        if (rect.height > 0 && middle >= band.top && middle <= band.bottom) line += text[i];
      }
      line += ' ';
    }
    return line.replace(/\s+/g, ' ').trim();
  };

  window.probeLayout = (rootSelector, contentSelector, wantFirstLine) => {
    const roots = Array.from(document.querySelectorAll(rootSelector));
    const elements = [];
    for (const root of roots) {
      for (const element of [root, ...root.querySelectorAll('*')]) {
        if (!visible(element)) continue;
        const isField = element.matches('input, select, textarea');
        const text = isField ? (element.value ?? '') : ownText(element);
        if (!text) continue;
        elements.push({
          text,
          tag: element.tagName.toLowerCase(),
          className: typeof element.className === 'string' ? element.className : '',
          colour: getComputedStyle(element).color,
          behind: surroundings(element, root),
          emoji: EMOJI.test(text),
          action: Boolean(element.closest(ACTION)),
          cut: isField ? null : cut(element, root),
        });
      }
    }
    const content = document.querySelector(contentSelector) ?? roots[0];
    return {
      elements,
      // biome-ignore lint/performance/useDomNodeTextContent: the text as shown, without what is hidden
      text: roots.map((root) => root.innerText).join('\n'),
      firstLine: content && wantFirstLine ? firstLine(content) : '',
      height: roots.reduce((sum, root) => sum + root.getBoundingClientRect().height, 0),
    };
  };
})();
