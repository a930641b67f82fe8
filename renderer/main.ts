/** Renderer entry: plain TypeScript + DOM. */
const root = document.getElementById('app');
if (root) root.textContent = 'wawp-link';
