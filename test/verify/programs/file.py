"""File servers for `netkata verify --probe file`'s tests, correct or broken: python3 file.py <port> <mode>.

On each connection: a 4-byte big-endian header length, the JSON header {name, size, sha256}, the file's
bytes, then close (the exercise of the seeds, with network byte order and SHA-256 instead of
struct.pack('i') and md5). The checksum is Python's hashlib, not netkata's.
Modes:
  file            correct
  wrong-size      the header announces 7 bytes more than it sends
  wrong-checksum  the header's sha256 is that of other bytes
  no-header       the bytes alone, no length and no header
Binds 127.0.0.1 only.
"""
import hashlib
import json
import socket
import struct
import sys
import threading

port, mode = int(sys.argv[1]), sys.argv[2]
# 200 000 bytes: many segments and many reads on the client's side.
DATA = bytes((i * 7 + 3) % 251 for i in range(200_000))


def serve(conn):
    size = len(DATA) + (7 if mode == "wrong-size" else 0)
    digest = hashlib.sha256(DATA[1:] if mode == "wrong-checksum" else DATA).hexdigest()
    head = json.dumps({"name": "data.bin", "size": size, "sha256": digest}).encode("utf-8")
    try:
        if mode != "no-header":
            conn.sendall(struct.pack("!I", len(head)) + head)
        conn.sendall(DATA)
    except OSError:
        pass
    conn.close()


srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", port))
srv.listen(16)
while True:
    conn, _ = srv.accept()
    threading.Thread(target=serve, args=(conn,), daemon=True).start()
