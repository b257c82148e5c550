/**
 * /proc/net/tcp as net/ipv4/tcp_ipv4.c prints it, written by the tests: addresses as the CPU holds the
 * u32 (127.0.0.1 on a little-endian machine is 0100007F), ports %04X, the state %02X (include/net/tcp_states.h:
 * 01 ESTABLISHED, 02 SYN_SENT, 06 TIME_WAIT, 08 CLOSE_WAIT, 0A LISTEN), the inode last.
 */
export const HEADER = '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n';

const hex4 = (n: number): string => n.toString(16).toUpperCase().padStart(4, '0');

export const line = (i: number, lport: number, rport: number, state: number, inode: number): string =>
  `   ${i}: 0100007F:${hex4(lport)} 0100007F:${hex4(rport)} ${state.toString(16).toUpperCase().padStart(2, '0')} 00000000:00000000 00:00000000 00000000     0        0 ${inode} 1 0000000000000000 100 0 0 10 0\n`;
