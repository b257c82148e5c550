"""Echo servers for `netkata verify`'s tests, correct or broken on purpose: python3 echo.py <port> <mode>.

Modes (each the way a socket-programming exercise is commonly written, right or wrong):
  echo            every byte back; close our side at EOF; a client's reset ends only its connection
  never-closes    echoes, but never closes a socket: each one the client left sits in CLOSE_WAIT
  crash-on-reset  one client at a time, no error handling: a client's RST (ECONNRESET) ends the process
  crash-slowly-on-reset  the same, but it spends 1.5 s (a slow teardown) before it ends: a client that
                  connects meanwhile completes the handshake in the kernel and is never accepted
  one-at-a-time   echoes, but serves one client at a time: the others wait in the accept queue
  framed          4-byte big-endian length + body in, the same frame back (reads until whole)
  unframed        treats each recv() as one frame: coalesced or split frames come back wrong
Binds 127.0.0.1 only.
"""
import socket
import struct
import sys
import threading
import time

port, mode = int(sys.argv[1]), sys.argv[2]
srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", port))
srv.listen(64)
kept = []


def recv_exact(conn, n):
    buf = b""
    while len(buf) < n:
        chunk = conn.recv(n - len(buf))
        if not chunk:
            return None
        buf += chunk
    return buf


def serve(conn):
    try:
        if mode == "framed":
            while True:
                head = recv_exact(conn, 4)
                if head is None:
                    break
                body = recv_exact(conn, struct.unpack("!I", head)[0])
                if body is None:
                    break
                conn.sendall(head + body)
        elif mode == "unframed":
            while True:
                data = conn.recv(4096)
                if not data:
                    break
                body = data[4:]
                conn.sendall(struct.pack("!I", len(body)) + body)
        else:
            while True:
                data = conn.recv(4096)
                if not data:
                    break
                conn.sendall(data)
    except ConnectionResetError:
        pass
    if mode == "never-closes":
        kept.append(conn)
    else:
        conn.close()


if mode == "one-at-a-time":
    while True:
        conn, _ = srv.accept()
        serve(conn)
elif mode in ("crash-on-reset", "crash-slowly-on-reset"):
    while True:
        conn, _ = srv.accept()
        while True:
            try:
                data = conn.recv(4096)  # raises ConnectionResetError on a client's RST
            except ConnectionResetError:
                if mode == "crash-slowly-on-reset":
                    time.sleep(1.5)
                raise  # nothing catches it: the process ends
            if not data:
                break
            conn.sendall(data)
        conn.close()
else:
    while True:
        conn, _ = srv.accept()
        threading.Thread(target=serve, args=(conn,), daemon=True).start()
