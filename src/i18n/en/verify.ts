/**
 * `netkata verify`'s text report. State names stay RFC 9293's; the JSON report never goes through this
 * section (it stays English).
 */
export const verify = {
  heading: (name: string, title: string) => `verify ${name}: ${title}`,
  program: 'program',
  programLine: (command: string, pid: string, port: number) => `${command} (pid ${pid}), port ${port}`,
  external: 'already running',
  /** Between a check's statement and what went wrong. */
  partSep: '; ',
  labelSep: ' ',
  pass: 'PASS',
  fail: 'FAIL',
  reply: (expected: string, got: string, ms: number, within: number) => `expected ${expected}, got ${got} (${ms} ms, within ${within} ms)`,
  replyWhy: {
    mismatch: 'the reply differs',
    timeout: 'not all of it came in time',
    closed: 'the connection ended first',
    'no-eof': 'the server did not end the connection',
  },
  states: (socket: string, path: string, within: number) => `${socket} passes ${path} within ${within} ms`,
  statesMissing: (state: string) => `${state} never came`,
  noState: (state: string, within: number) => `no socket of the program in ${state} after ${within} ms`,
  noStateLeft: (sockets: string) => `still there: ${sockets}`,
  accepts: (ms: number, within: number) => `a new client is accepted (${ms} ms, within ${within} ms)`,
  acceptsWhy: {
    refused: (error: string) => `refused (${error}): nothing listens any more`,
    'not-accepted': 'the kernel completed the handshake, but the program never called accept()',
  },
  conformance: 'every kernel state sequence of the program is a path of the endpoint machine (linux profile)',
  step: (verb: string, error: string) => `step ${verb} failed: ${error}`,
  exited: (at: number, how: string) => `the program ended during the run, at ${at} ms (${how})`,
  exitCode: (code: number) => `exit code ${code}`,
  exitSignal: (signal: string) => `signal ${signal}`,
  stderr: 'its stderr ended with:',
  timeout: (ms: number) => `the run timed out after ${ms} ms`,
  interrupted: 'verify: interrupted; the program and every client were stopped',
  verdictOk: (n: number) => `verdict: PASS (${n} checks)`,
  verdictUnfinished: 'verdict: FAIL (the run did not finish)',
  verdictBad: (failed: number, n: number) => `verdict: FAIL (${failed} of ${n} checks failed)`,
  checkFailed: (names: string) => `checks failed: ${names}`,
};
