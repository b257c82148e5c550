// Kept in step with package.json by test/cli/version.test.ts (reading package.json here would cost startup time).
export const VERSION = '0.1.0';
