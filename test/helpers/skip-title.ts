/**
 * A test's title that says why it is skipped, only when it is: `it.skipIf(!x)(skipTitle('...', !x, 'no x'))`.
 * A title that always says "(skipped: ...)" claims a skip in the report of a run that ran the test.
 */
export function skipTitle(title: string, skipped: boolean, reason: string): string {
  return skipped ? `${title} (skipped: ${reason})` : title;
}
