/** The version of bitext-align, kept equal to package.json's `version` by test/export.test.ts. */
export const VERSION = '0.1.0';
