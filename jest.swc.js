// SWC options shared by every Jest project: legacy decorators with metadata, as Nest and TypeORM
// need, and CommonJS output. ESM-only packages listed in jest.preset.js are compiled the same way.
module.exports = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};
