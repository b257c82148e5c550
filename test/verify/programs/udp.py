"""UDP echo servers for `netkata verify --probe udp-echo`'s tests: python3 udp.py <port> <mode>.

Modes:
  echo       each datagram back to its sender, whole (a 64 KiB buffer: the largest UDP payload fits)
  drops      never answers the second datagram it gets (as if it or its reply were lost)
  merges     collects two datagrams, then answers with both joined in one (message boundaries lost)
  truncates  recvfrom(1024) as the tutorials write it: a longer datagram comes back cut to 1024 bytes
Binds 127.0.0.1 only.
"""
import socket
import sys

port, mode = int(sys.argv[1]), sys.argv[2]
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("127.0.0.1", port))
n = 0
held = None
while True:
    data, addr = s.recvfrom(1024 if mode == "truncates" else 65535)
    n += 1
    if mode == "drops" and n == 2:
        continue
    if mode == "merges":
        if held is None:
            held = data
            continue
        data, held = held + data, None
    s.sendto(data, addr)
