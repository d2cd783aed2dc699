// Variants of a chapter page for paint-variants.mjs: fewer rows, no hydration data, no scripts.
const keepRows = (html, n) => {
  let i = 0;
  return html.replace(/<tr id="seg-[\s\S]*?<\/tr>/g, (row) => (i++ < n ? row : ''));
};

export default [
  { name: 'as served' },
  { name: 'no rows', html: (h) => keepRows(h, 0) },
  { name: '10 rows', html: (h) => keepRows(h, 10) },
  { name: 'no data', html: (h) => h.replace(/<script[^>]*>[^<]{10000,}<\/script>/, '') },
  {
    name: 'no scripts',
    html: (h) => h.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<link rel="(modulepreload|preload)"[^>]*>/g, ''),
  },
];
