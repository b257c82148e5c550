"""Clients for `netkata verify --probe client-close`'s tests: python3 client.py <port> <mode>.

Both connect to 127.0.0.1:<port>, send "hello\n" and read the reply "hello\n" (until whole). Then:
  closes-first  close(): its FIN goes first (the active close), so its end holds TIME_WAIT
  waits         reads until the server closes, and only then close(): the passive close (CLOSE_WAIT,
                LAST_ACK), no TIME_WAIT on its side
"""
import socket
import sys

port, mode = int(sys.argv[1]), sys.argv[2]
s = socket.create_connection(("127.0.0.1", port))
s.sendall(b"hello\n")
got = b""
while len(got) < 6:
    chunk = s.recv(6 - len(got))
    if not chunk:
        break
    got += chunk
if mode == "waits":
    while s.recv(4096):
        pass
s.close()
