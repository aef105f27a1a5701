// Renders an Adaptive Card with Microsoft's own renderer (the `adaptivecards` package) and Teams'
// light host config, in a Teams message or dialog frame. The page's time zone and locale are the
// viewer's (set on the browser context), so {{DATE()}} and {{TIME()}} expand as Teams expands them.
(() => {
  const AC = window.AdaptiveCards;
  const OVERFLOW_TITLE = AC.Strings.defaults.overflowButtonText();
  let hostConfig = null;

  // Teams' TextBlock markdown: bold, italic, links, bulleted and numbered lists; paragraphs on blank
  // lines (a single line break joins lines, as in Teams).
  const escapeHtml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const inline = (text) =>
    escapeHtml(text)
      .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, '<a href="$2">$1</a>')
      .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
      .replace(/(^|[\s(])_(\S(?:.*?\S)?)_(?=$|[\s).,!?:;])/g, '$1<em>$2</em>')
      .replace(/(^|[\s(])\*(\S(?:.*?\S)?)\*(?=$|[\s).,!?:;])/g, '$1<em>$2</em>');
  const markdown = (text) =>
    text
      .split(/\n{2,}/)
      .map((paragraph) => {
        const lines = paragraph.split('\n');
        if (lines.every((line) => /^\s*[-*] /.test(line)))
          return `<ul>${lines.map((line) => `<li>${inline(line.replace(/^\s*[-*] /, ''))}</li>`).join('')}</ul>`;
        if (lines.every((line) => /^\s*\d+\. /.test(line)))
          return `<ol>${lines.map((line) => `<li>${inline(line.replace(/^\s*\d+\. /, ''))}</li>`).join('')}</ol>`;
        return `<p>${inline(lines.join(' '))}</p>`;
      })
      .join('');

  AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
    result.outputHtml = markdown(text);
    result.didProcess = true;
  };

  const frame = (kind, width, title, at) => {
    const outer = document.createElement('div');
    outer.className = `teams-frame teams-${kind}`;
    const meta = document.createElement('div');
    meta.className = kind === 'dialog' ? 'teams-dialog-title' : 'teams-meta';
    if (kind === 'dialog') meta.textContent = title;
    else {
      const name = document.createElement('span');
      name.className = 'teams-bot';
      name.textContent = 'SLA bot';
      const time = document.createElement('span');
      time.className = 'teams-time';
      time.textContent = new Date(at).toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' });
      meta.append(name, time);
    }
    const host = document.createElement('div');
    host.className = 'teams-card';
    host.style.width = `${width}px`;
    host.setAttribute('data-probe', '');
    host.setAttribute('data-content', '');
    outer.append(meta, host);
    return { outer, host };
  };

  /** The element matching `selector` once it is drawn, or null after two seconds. */
  const appeared = async (selector) => {
    const until = performance.now() + 2000;
    for (;;) {
      const found = document.querySelector(selector);
      if (found || performance.now() > until) return found;
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
  };

  /** Renders the card; returns the renderer's own complaints and the area to photograph. */
  window.renderTeams = async ({ card, width, kind, title, lang, at, openOverflow, open }) => {
    if (!hostConfig) hostConfig = await (await fetch('/teams-host-config.json')).json();
    document.documentElement.lang = lang;
    document.body.className = 'teams';
    const stage = document.getElementById('stage');
    stage.replaceChildren();
    const problems = [];
    const adaptive = new AC.AdaptiveCard();
    adaptive.hostConfig = new AC.HostConfig(hostConfig);
    const context = new AC.SerializationContext();
    adaptive.parse(card, context);
    for (let i = 0; i < context.eventCount; i += 1) problems.push(`parse: ${context.getEventAt(i).message}`);
    for (const event of adaptive.validateProperties().validationEvents)
      problems.push(`validate: ${event.message}`);
    const { outer, host } = frame(kind, width, title, at);
    stage.append(outer);
    const rendered = adaptive.render();
    if (rendered) host.append(rendered);
    else problems.push('render: the renderer drew nothing');
    await document.fonts.ready;
    // Buttons a person presses first (a shown card, a toggled container): the last one pressed of a
    // title, so that a button inside a card just shown wins over one of the same title above it.
    for (const wanted of open ?? []) {
      const buttons = Array.from(host.querySelectorAll('.ac-pushButton')).filter(
        (button) => button.textContent.trim() === wanted,
      );
      const button = buttons[buttons.length - 1];
      if (button) button.click();
      else problems.push(`open: no button "${wanted}" to press`);
    }
    // The renderer's "…" button that holds the `mode: 'secondary'` actions.
    const overflow = Array.from(host.querySelectorAll('.ac-pushButton')).find(
      (button) => button.textContent.trim() === OVERFLOW_TITLE,
    );
    if (overflow && openOverflow) overflow.click();
    // The renderer may draw its popup a frame later: wait for it (a busy machine once photographed
    // the card before the menu was there).
    const popup = overflow && openOverflow ? await appeared('.ac-ctrl-popup-container') : null;
    if (overflow && openOverflow && !popup) problems.push('open: the "…" menu did not open');
    const boxes = [outer.getBoundingClientRect(), ...(popup ? [popup.getBoundingClientRect()] : [])];
    const left = Math.min(...boxes.map((box) => box.left));
    const top = Math.min(...boxes.map((box) => box.top));
    const clip = {
      x: Math.max(0, left - 8),
      y: Math.max(0, top - 8),
      width: Math.max(...boxes.map((box) => box.right)) - left + 16,
      height: Math.max(...boxes.map((box) => box.bottom)) - top + 16,
    };
    return { problems, clip, hasOverflow: Boolean(overflow) };
  };
})();
