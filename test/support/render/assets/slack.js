// Shows a Block Kit preview (HTML made by slack/surface.ts) and returns the area to photograph.
(() => {
  window.renderSlack = async ({ html, lang, width }) => {
    document.documentElement.lang = lang;
    document.body.className = 'slack';
    const stage = document.getElementById('stage');
    stage.innerHTML = html;
    const frame = stage.querySelector('.sk-frame');
    frame.style.width = `${width}px`;
    await document.fonts.ready;
    const box = frame.getBoundingClientRect();
    return { clip: { x: box.left, y: box.top, width: box.width, height: box.height } };
  };
})();
