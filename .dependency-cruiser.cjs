// The architecture rules `npm run lint` enforces (dependency-cruiser): no import cycle anywhere in
// src/, type-only imports included (eslint's import plugins skip those), and the layers of
// docs/architecture.md.

/**
 * src/core's concepts from the bottom up: each may import those before it, never one after, so no
 * two folders import each other (docs/en/architecture.md draws the same order).
 */
const CORE_LAYERS = [
  'calendar/',
  'model\\.ts$',
  'text/',
  'messages/',
  'problems\\.ts$',
  'plan/|pipeline/',
  'counting/',
  'forecast/',
  'evaluate\\.ts$',
  'reminders/|reports/',
  'higher/',
];
const layerRules = CORE_LAYERS.slice(0, -1).map((layer, i) => ({
  name: `core-layer-${i + 1}`,
  severity: 'error',
  comment: `src/core/(${layer}) comes before ${CORE_LAYERS.slice(i + 1).join(', ')}: it may not import them.`,
  from: { path: `^src/core/(${layer})` },
  to: { path: `^src/core/(${CORE_LAYERS.slice(i + 1).join('|')})` },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'no-cycle',
      severity: 'error',
      comment:
        'A cycle is two concepts that should be one, or a shared type that belongs in src/core/model.ts.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-is-pure',
      severity: 'error',
      comment: 'src/core imports nothing outside src/core: no Apps Script, no Node, no library.',
      from: { path: '^src/core/' },
      to: { pathNot: '^src/core/' },
    },
    {
      name: 'workbook-knows-no-adapter',
      severity: 'error',
      comment:
        'src/workbook is the sheet contract: it never reaches into Apps Script or Node code.',
      from: { path: '^src/workbook/' },
      to: { path: '^src/(gas|local)/' },
    },
    {
      name: 'gas-knows-no-node',
      severity: 'error',
      comment: 'src/gas runs in Apps Script: no Node code, no Node module.',
      from: { path: '^src/gas/' },
      to: { path: '^src/local/|^node:|^(fs|path)$', dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports count: a cycle through `import type` is still a cycle of concepts.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '\\.d\\.ts$' },
  },
};
