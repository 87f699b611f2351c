#!/usr/bin/env python3
"""Peak memory and survival of `rafaga serve` under the attacks of issue 16, item 9.

Run by hand, never by ctest (a measurement, not a pass/fail). Loopback only; every phase is
bounded in count and time. Usage:

    tests/bench/serve_attacks.py BUILD/bin/rafaga

Phases, one fresh server each: 8 parallel 60 MB POSTs; pipelined requests whose answers are
never read (behind a /delay and not); 1,000 slowloris connections that trickle headers and
1,000 that send half a body. After each phase the server must still answer a GET /get within
5 s. Prints the server's peak RSS (VmHWM) per phase and whether it survived.
"""
import socket
import subprocess
import sys
import threading
import time


def start(binary):
    proc = subprocess.Popen([binary, "serve", "--port", "0"], stdout=subprocess.PIPE, text=True)
    line = proc.stdout.readline().strip()
    port = int(line.rsplit(":", 1)[1])
    return proc, port


def peak_kb(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return -1


def alive(port):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=5) as s:
            s.settimeout(5)
            s.sendall(b"GET /get HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            return s.recv(12).startswith(b"HTTP/1.1 200")
    except OSError:
        return False


def big_posts(port, count=8, size=60 * 1024 * 1024):
    def post():
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=30) as s:
                s.sendall(b"POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: %d\r\n\r\n" % size)
                chunk = b"x" * (1024 * 1024)
                for _ in range(size // len(chunk)):
                    s.sendall(chunk)
                s.settimeout(30)
                s.recv(64)
        except OSError:
            pass  # the server may refuse (413) and close
    threads = [threading.Thread(target=post) for _ in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)


def pipelined_unread(port, path, requests=200_000, seconds=10):
    with socket.create_connection(("127.0.0.1", port), timeout=5) as s:
        s.setblocking(False)
        one = b"GET %s HTTP/1.1\r\nHost: x\r\n\r\n" % path
        batch = one * 1000
        sent, deadline = 0, time.time() + seconds
        while sent < requests and time.time() < deadline:
            try:
                s.send(batch)
                sent += 1000
            except BlockingIOError:
                time.sleep(0.01)  # the server stopped reading: what we want to see
        time.sleep(1)


def slowloris(port, count=1000, half_body=False, seconds=40):
    sockets = []
    for _ in range(count):
        try:
            s = socket.create_connection(("127.0.0.1", port), timeout=5)
            if half_body:
                s.sendall(b"POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\nabc")
            else:
                s.sendall(b"GET /get HTTP/1.1\r\n")
            sockets.append(s)
        except OSError:
            break
    opened = len(sockets)
    deadline = time.time() + seconds
    while time.time() < deadline:
        for s in sockets:
            try:
                s.send(b"X-a: b\r\n" if not half_body else b"")
            except OSError:
                pass
        time.sleep(5)
    closed = 0
    for s in sockets:
        s.setblocking(False)
        try:
            if s.recv(1) == b"":
                closed += 1
            else:
                closed += 1  # an answer (408) before the close
        except BlockingIOError:
            pass
        except OSError:
            closed += 1
        s.close()
    return opened, closed


def main():
    binary = sys.argv[1]
    phases = [
        ("8 parallel 60 MB POSTs", lambda port: big_posts(port)),
        ("pipelined GET /get, answers unread", lambda port: pipelined_unread(port, b"/get")),
        ("pipelined GET /delay/100, answers unread", lambda port: pipelined_unread(port, b"/delay/100")),
        ("1,000 slowloris (trickled headers)", lambda port: slowloris(port)),
        ("1,000 half-sent bodies", lambda port: slowloris(port, half_body=True, seconds=70)),
    ]
    print("| attack | peak RSS | still answers | note |")
    print("|---|---:|---|---|")
    for name, attack in phases:
        proc, port = start(binary)
        try:
            base = peak_kb(proc.pid)
            note = attack(port)
            extra = ""
            if isinstance(note, tuple):
                extra = f"{note[1]} of {note[0]} connections closed by the server"
            print(f"| {name} | {peak_kb(proc.pid) / 1024:.0f} MB (idle {base / 1024:.0f} MB) | "
                  f"{'yes' if alive(port) else 'NO'} | {extra} |", flush=True)
        finally:
            proc.terminate()
            proc.wait(10)


if __name__ == "__main__":
    main()
