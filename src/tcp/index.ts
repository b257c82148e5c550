// The TCP simulator's public surface (re-exports only).
export * from './states.js';
export * from './segment.js';
export * from './profile.js';
export { createTcb, eventKind, TIMERS, type Tcb, type TcbInput, type TcpEvent, type TimerName, type EventKind } from './tcb.js';
export {
  createEndpointMachine,
  endpointConfig,
  endpointMachine,
  endpointGraphMachine,
  type EndpointMachine,
  type SegmentEmitted,
  type TcpContext,
  type TimerMode,
} from './endpoint.machine.js';
export * from './transitions.js';
export * from './simulation.js';
export { renderLadder, formatTime, segmentLabel } from './ladder.js';
export { toPcap, addressOf, LINKTYPE_RAW, type PcapSegment } from './pcap.js';
