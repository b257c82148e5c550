import type { AnyExperiment } from '../experiment.js';
import { auth } from './auth.js';
import { close } from './close.js';
import { closeWait } from './close-wait.js';
import { concurrent } from './concurrent.js';
import { file } from './file.js';
import { finWait1 } from './fin-wait-1.js';
import { framing } from './framing.js';
import { handshake } from './handshake.js';
import { ioModels } from './io-models.js';
import { lastAck } from './last-ack.js';
import { rst } from './rst.js';
import { sticky } from './sticky.js';
import { synSent } from './syn-sent.js';
import { time } from './time.js';
import { timeWait } from './time-wait.js';
import { udpEcho } from './udp-echo.js';

/** Every experiment, in the order `netkata lab list` shows them. */
export const EXPERIMENTS: readonly AnyExperiment[] = [
  handshake,
  close,
  timeWait,
  closeWait,
  rst,
  synSent,
  finWait1,
  lastAck,
  sticky,
  framing,
  file,
  auth,
  udpEcho,
  time,
  concurrent,
  ioModels,
];

export function findExperiment(name: string): AnyExperiment | undefined {
  return EXPERIMENTS.find((e) => e.name === name);
}
