/** A file's top level says `kind: window` (a window scenario, not a segment-level one). No schema here: `tcp run` asks before loading one. */
export function isWindowScenarioText(text: string): boolean {
  return /^kind:\s*["']?window["']?\s*(#.*)?$/m.test(text);
}
