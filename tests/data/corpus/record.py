#!/usr/bin/env python3
"""Record the expected wire requests for the third-party import corpus.

For every input under curl/, postman/ and har/ this writes NAME.expected.txt
next to it (format: see README.md, "Expected-file format").

  curl    : the .sh file is evaluated by bash with a `curl` shell function that
            only captures the argument vector of every curl invocation (nothing
            else in the file is executed as a program).  Each URL argument is
            rewritten to http://127.0.0.1:PORT (path and query kept) and the
            real /usr/bin/curl is run against the logging server.
  postman : real newman 6 (library API, tools/newman_run.js) is run against the
            collection (and NAME.postman_environment.json if present).  Every
            TCP connection newman opens is redirected to 127.0.0.1:PORT by
            custom http/https agents (https is spoken in clear text to the
            logging server), so the path/query newman puts on the wire is
            recorded unchanged.
  har     : nothing is sent; the expected file is written from the request of
            each HAR entry (method, url path+query, headers, postData.text).

Only 127.0.0.1 is ever contacted: curl additionally gets
`--noproxy '*' --connect-to ::127.0.0.1:PORT` and the proxy environment is
cleared; newman's agents ignore the destination host entirely.

Usage:
  python3 record.py [--newman /tmp/newman/node_modules/newman] [--only SUBSTR]
                    [--check]      # compare with the committed expected files
"""

import argparse
import base64
import json
import os
import re
import shutil
import socket
import socketserver
import subprocess
import sys
import tempfile
import threading
import time
from urllib.parse import urlsplit, urlencode

HERE = os.path.dirname(os.path.abspath(__file__))
CURL = "/usr/bin/curl"
BOUNDARY_PLACEHOLDER = "RAFAGA-CORPUS-BOUNDARY"
FORMAT_HEADER = "# rafaga-corpus-expected v1"

# Headers that are never written to expected files (see README.md).
IGNORED_ALWAYS = {
    "host", "content-length", "transfer-encoding", "connection", "keep-alive",
    "proxy-connection", "expect", "te", "upgrade", "http2-settings",
    "postman-token",
}
# Per reference client: (header, value-predicate) pairs dropped only when the
# value is the one that client adds by itself.  HAR has no rules: what the
# browser/proxy recorded is kept.
CLIENT_DEFAULTS = {
    "curl": [
        ("user-agent", lambda v: v.startswith("curl/")),
        ("accept-encoding", lambda v: v == "deflate, gzip, br, zstd"),   # --compressed
    ],
    "postman": [
        ("user-agent", lambda v: v.startswith("PostmanRuntime/")),
        ("accept-encoding", lambda v: v == "gzip, deflate, br"),
        ("cache-control", lambda v: v == "no-cache"),
    ],
    "har": [],
}

MAX_REQUESTS_PER_INPUT = 200
CURL_TIMEOUT = 20        # seconds per curl command line
NEWMAN_TIMEOUT = 120     # seconds per collection


# --------------------------------------------------------------------------
# logging server
# --------------------------------------------------------------------------
class Log:
    def __init__(self):
        self.lock = threading.Lock()
        self.entries = []

    def add(self, e):
        with self.lock:
            if len(self.entries) < MAX_REQUESTS_PER_INPUT:
                self.entries.append(e)

    def take(self):
        with self.lock:
            out, self.entries = self.entries, []
            return out


LOG = Log()
RESPONSE_BODY = b'{"ok":true,"server":"rafaga-corpus-recorder"}'


class Handler(socketserver.StreamRequestHandler):
    timeout = 15

    def readline(self):
        line = self.rfile.readline(1 << 20)
        return line

    def handle(self):
        for _ in range(1000):          # bounded keep-alive loop
            line = self.readline()
            while line in (b"\r\n", b"\n"):
                line = self.readline()
            if not line:
                return
            parts = line.rstrip(b"\r\n").split(b" ")
            if len(parts) < 3:
                return
            method = parts[0].decode("latin-1")
            target = b" ".join(parts[1:-1]).decode("latin-1")
            version = parts[-1].decode("latin-1")
            headers = []
            for _h in range(1000):
                h = self.readline()
                if h in (b"\r\n", b"\n", b""):
                    break
                h = h.rstrip(b"\r\n")
                if (h[:1] in (b" ", b"\t")) and headers:   # obs-fold
                    n, v = headers[-1]
                    headers[-1] = (n, v + " " + h.strip().decode("latin-1"))
                    continue
                name, _, value = h.partition(b":")
                headers.append((name.decode("latin-1"), value.strip(b" \t").decode("utf-8", "surrogateescape")))
            hmap = {}
            for n, v in headers:
                hmap.setdefault(n.lower(), v)
            if hmap.get("expect", "").lower() == "100-continue":
                self.wfile.write(b"HTTP/1.1 100 Continue\r\n\r\n")
                self.wfile.flush()
            body = b""
            if "chunked" in hmap.get("transfer-encoding", "").lower():
                for _c in range(1 << 20):
                    size_line = self.readline()
                    if not size_line:
                        break
                    size = int(size_line.split(b";")[0].strip() or b"0", 16)
                    if size == 0:
                        while self.readline() not in (b"\r\n", b"\n", b""):
                            pass
                        break
                    body += self.rfile.read(size)
                    self.readline()
            elif "content-length" in hmap:
                body = self.rfile.read(int(hmap["content-length"]))
            LOG.add({"method": method, "target": target, "version": version,
                     "headers": headers, "body": body})
            close = (version == "HTTP/1.0" or hmap.get("connection", "").lower() == "close")
            resp = (b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                    b"Content-Length: " + str(len(RESPONSE_BODY)).encode() + b"\r\n")
            resp += b"Connection: close\r\n\r\n" if close else b"\r\n"
            if method != "HEAD":
                resp += RESPONSE_BODY
            self.wfile.write(resp)
            self.wfile.flush()
            if close:
                return


class Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


def start_server():
    srv = Server(("127.0.0.1", 0), Handler)
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    return srv, srv.server_address[1]


# --------------------------------------------------------------------------
# normalisation + expected-file writer
# --------------------------------------------------------------------------
def normalise(kind, method, target, headers, body):
    """headers: list of (name, value). Returns (method, target, [(n,v)], body)."""
    out = []
    boundary = None
    for n, v in headers:
        ln = n.strip().lower()
        v = v.strip(" \t")
        if not ln or ln.startswith(":") or ln in IGNORED_ALWAYS:
            continue
        if any(ln == rn and pred(v) for rn, pred in CLIENT_DEFAULTS[kind]):
            continue
        if ln == "content-type" and boundary is None:
            m = re.search(r'boundary=("?)([^";,]+)\1', v, re.I)
            if m and v.lower().startswith("multipart/"):
                boundary = m.group(2)
        out.append((ln, v))
    if boundary:
        out = [(n, v.replace(boundary, BOUNDARY_PLACEHOLDER) if n == "content-type" else v)
               for n, v in out]
        body = body.replace(boundary.encode("utf-8", "surrogateescape"),
                            BOUNDARY_PLACEHOLDER.encode())
    out = sorted(out, key=lambda nv: nv[0])   # stable: duplicates keep order
    return method, target, out, body


def text_comment(body):
    try:
        s = body.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return json.dumps(s, ensure_ascii=False)


def render(rel_input, reference, requests, notes=()):
    lines = [FORMAT_HEADER, "# input: " + rel_input, "# reference: " + reference]
    for n in notes:
        lines.append("# note: " + n)
    lines.append("count %d" % len(requests))
    for (method, target, headers, body) in requests:
        lines.append("")
        lines.append("> %s %s" % (method, target))
        for n, v in headers:
            lines.append("%s: %s" % (n, v) if v else n + ":")
        lines.append("body %d" % len(body))
        if body:
            lines.append(base64.b64encode(body).decode("ascii"))
            tc = text_comment(body)
            if tc is not None and len(tc) <= 4000:
                lines.append("# text: " + tc)
    return "\n".join(lines) + "\n"


def from_log(kind, entries):
    return [normalise(kind, e["method"], e["target"], e["headers"], e["body"]) for e in entries]


# --------------------------------------------------------------------------
# curl
# --------------------------------------------------------------------------
def curl_option_table():
    txt = subprocess.run([CURL, "--help", "all"], capture_output=True, text=True,
                         timeout=10).stdout
    long_arg, long_all, short_arg, short_to_long = set(), set(), set(), {}
    for line in txt.splitlines():
        m = re.match(r"^\s*(?:-(\w|#|:), )?--([\w.-]+)(\s+<)?", line)
        if not m:
            continue
        short, lng, takes = m.group(1), m.group(2), bool(m.group(3))
        long_all.add(lng)
        if takes:
            long_arg.add(lng)
            if short:
                short_arg.add(short)
        if short:
            short_to_long[short] = lng
    return long_arg, long_all, short_arg, short_to_long


OPTS = None
PROXY_OPTS = {"proxy", "socks4", "socks4a", "socks5", "socks5-hostname", "preproxy",
              "proxy-user", "proxy1.0"}


def resolve_long(name):
    long_arg, long_all, _, _ = OPTS
    base = name[3:] if name.startswith("no-") and name[3:] in long_all else name
    if base in long_all:
        return base
    cands = [o for o in long_all if o.startswith(base)]
    return cands[0] if len(cands) == 1 else base


def rewrite_url(u, port):
    m = re.match(r"^([a-zA-Z][a-zA-Z0-9+.-]*://)?([^/?#]*)(.*)$", u, re.S)
    scheme, authority, rest = m.group(1), m.group(2), m.group(3)
    if scheme and scheme.lower() not in ("http://", "https://"):
        raise ValueError("non-http URL " + u)
    userinfo = authority.rpartition("@")[0]
    auth = (userinfo + "@" if userinfo else "") + "127.0.0.1:%d" % port
    return "http://" + auth + rest


def rewrite_curl_args(args, port):
    """Returns new argv (without the leading 'curl') or raises ValueError."""
    long_arg, _, short_arg, short_to_long = OPTS
    safety = ["--noproxy", "*", "--connect-to", "::127.0.0.1:%d" % port,
              "--max-time", "15"]
    out = ["-q", "-s", "-S"] + safety
    i = 0
    only_urls = False
    while i < len(args):
        a = args[i]
        if only_urls or not a.startswith("-") or a == "-":
            out.append(rewrite_url(a, port))
            i += 1
            continue
        if a == "--":
            only_urls = True
            out.append(a)
            i += 1
            continue
        if a.startswith("--"):
            name = resolve_long(a[2:])
            if name in PROXY_OPTS:
                raise ValueError("proxy option " + a)
            if name in long_arg:
                if i + 1 >= len(args):
                    raise ValueError("missing argument for " + a)
                val = args[i + 1]
                if name == "url":
                    val = rewrite_url(val, port)
                out += [a, val]
                i += 2
            else:
                out.append(a)
                if name == "next":
                    out += safety
                i += 1
            continue
        # short option cluster
        j = 1
        consumed = False
        while j < len(a):
            c = a[j]
            if c in short_arg:
                name = short_to_long.get(c)
                if name in PROXY_OPTS:
                    raise ValueError("proxy option -" + c)
                if j + 1 < len(a):
                    out.append(a)          # -XPOST style: keep as written
                    i += 1
                else:
                    if i + 1 >= len(args):
                        raise ValueError("missing argument for -" + c)
                    out += [a, args[i + 1]]
                    i += 2
                consumed = True
                break
            if c == ":":                   # -: is --next
                pass
            j += 1
        if not consumed:
            out.append(a)
            if a == "-:":
                out += safety
            i += 1
    return out


CAPTURE_PRELUDE = r'''
curl() {
  local n=0
  [ -f "$__OUT/.n" ] && n=$(<"$__OUT/.n")
  n=$((n+1)); echo "$n" > "$__OUT/.n"
  printf '%s\0' "$@" > "$__OUT/cmd.$(printf %03d "$n")"
}
'''


def read_env_file(path):
    """NAME.env beside a curl input: the environment its shell runs with (NAME=value lines)."""
    env_path = re.sub(r"\.sh$", ".env", path)
    values = {}
    if os.path.exists(env_path):
        with open(env_path, encoding="utf-8") as f:
            for line in f:
                line = line.rstrip("\n")
                if line and not line.startswith("#") and "=" in line:
                    name, value = line.split("=", 1)
                    values[name] = value
    return values


def extract_curl_commands(path, workdir):
    with open(path, "rb") as f:
        raw = f.read()
    text = raw.decode("utf-8-sig")
    # "$ curl ..." prompt-prefixed commands: strip the prompt.
    text = re.sub(r"(?m)^[ \t]*\$[ \t]+(?=curl\b)", "", text)
    script = os.path.join(workdir, "input.sh")
    with open(script, "w", encoding="utf-8") as f:
        f.write(CAPTURE_PRELUDE + "\n" + text + "\n")
    outdir = os.path.join(workdir, "captured")
    os.makedirs(outdir)
    env = {"PATH": "/nonexistent", "HOME": workdir, "__OUT": outdir, "LANG": "C.UTF-8"}
    env.update(read_env_file(path))
    subprocess.run(["/bin/bash", "--norc", "--noprofile", script], cwd=workdir, env=env,
                   stdin=subprocess.DEVNULL, capture_output=True, timeout=15)
    cmds = []
    for name in sorted(x for x in os.listdir(outdir) if x.startswith("cmd.")):
        with open(os.path.join(outdir, name), "rb") as f:
            data = f.read()
        args = [x.decode("utf-8", "surrogateescape") for x in data.split(b"\0")[:-1]]
        cmds.append(args)
    return cmds


def record_curl(path, port):
    notes = []
    requests = []
    with tempfile.TemporaryDirectory(prefix="corpus-curl-") as wd:
        cmds = extract_curl_commands(path, wd)
        if not cmds:
            raise RuntimeError("no curl command found")
        runwd = os.path.join(wd, "run")
        os.makedirs(runwd)
        env = {"PATH": "/usr/bin:/bin", "HOME": runwd, "LANG": "C.UTF-8"}
        for n, args in enumerate(cmds[:20], 1):
            argv = [CURL] + rewrite_curl_args(args, port)
            LOG.take()
            p = subprocess.run(argv, cwd=runwd, env=env, stdin=subprocess.DEVNULL,
                               capture_output=True, timeout=CURL_TIMEOUT)
            time.sleep(0.05)
            got = LOG.take()
            if p.returncode != 0:
                notes.append("command %d: curl exit %d: %s" % (
                    n, p.returncode, p.stderr.decode("utf-8", "replace").strip().splitlines()[-1:]))
            requests += from_log("curl", got)
    if len(cmds) > 1:
        notes.insert(0, "%d curl command lines in file, run in order" % len(cmds))
    return "curl 7.88.1 (" + CURL + ")", requests, notes


# --------------------------------------------------------------------------
# newman
# --------------------------------------------------------------------------
def record_postman(path, port, newman_dir):
    env_file = re.sub(r"\.postman_collection\.json$", ".postman_environment.json", path)
    globals_file = re.sub(r"\.postman_collection\.json$", ".postman_globals.json", path)
    runner = os.path.join(HERE, "tools", "newman_run.js")
    notes = []
    with tempfile.TemporaryDirectory(prefix="corpus-newman-") as wd:
        args = ["node", runner, newman_dir, path, str(port),
                env_file if os.path.exists(env_file) else "",
                globals_file if os.path.exists(globals_file) else ""]
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": wd}
        LOG.take()
        p = subprocess.run(args, cwd=wd, env=env, stdin=subprocess.DEVNULL,
                           capture_output=True, timeout=NEWMAN_TIMEOUT)
        time.sleep(0.1)
        got = LOG.take()
    if p.returncode != 0:
        notes.append("newman runner exit %d: %s" % (
            p.returncode, p.stderr.decode("utf-8", "replace").strip()[-300:]))
    try:
        ver = json.load(open(os.path.join(newman_dir, "package.json")))["version"]
    except Exception:
        ver = "?"
    ref = "newman " + ver
    if os.path.exists(env_file):
        ref += " with " + os.path.basename(env_file)
    if os.path.exists(globals_file):
        ref += " and " + os.path.basename(globals_file)
    return ref, from_log("postman", got), notes


# --------------------------------------------------------------------------
# HAR
# --------------------------------------------------------------------------
def record_har(path):
    with open(path, "rb") as f:
        har = json.loads(f.read().decode("utf-8-sig"))
    requests, notes = [], []
    if "log" in har:
        entries = har["log"].get("entries", [])
    elif "method" in har and "url" in har:
        # a bare HAR request object (accepted by Insomnia's HAR importer)
        entries = [{"request": har}]
        notes.append("bare HAR request object (no log/entries wrapper)")
    else:
        raise ValueError("neither a HAR log nor a HAR request object")
    for i, entry in enumerate(entries):
        req = entry.get("request", {})
        url = req.get("url", "")
        parts = urlsplit(url)
        if parts.scheme.lower() not in ("http", "https"):
            notes.append("entry %d skipped (not http/https: %s)" % (i, url[:60]))
            continue
        target = parts.path or "/"
        if parts.query or url.split("#")[0].endswith("?"):
            target += "?" + parts.query
        headers = [(h.get("name", ""), h.get("value", "")) for h in req.get("headers", [])]
        body = b""
        pd = req.get("postData")
        if pd:
            if pd.get("text") is not None:
                body = pd["text"].encode("utf-8")
            elif pd.get("params"):
                if "urlencoded" in pd.get("mimeType", ""):
                    body = urlencode([(p.get("name", ""), p.get("value", ""))
                                      for p in pd["params"]]).encode()
                else:
                    notes.append("entry %d: postData has params but no text; body left empty" % i)
        requests.append(normalise("har", req.get("method", "GET"), target, headers, body))
    return "HAR entries (request as recorded by the producing tool)", requests, notes


# --------------------------------------------------------------------------
def expected_path(p):
    base = os.path.basename(p)
    for suf in (".postman_collection.json", ".sh", ".har"):
        if base.endswith(suf):
            return os.path.join(os.path.dirname(p), base[: -len(suf)] + ".expected.txt")
    raise ValueError(p)


def main():
    global OPTS
    ap = argparse.ArgumentParser()
    ap.add_argument("--newman", default="/tmp/newman/node_modules/newman")
    ap.add_argument("--only", default="")
    ap.add_argument("--check", action="store_true")
    a = ap.parse_args()
    for k in list(os.environ):
        if k.lower() in ("http_proxy", "https_proxy", "all_proxy", "no_proxy"):
            del os.environ[k]
    OPTS = curl_option_table()
    srv, port = start_server()
    inputs = []
    for kind, suffix in (("curl", ".sh"), ("postman", ".postman_collection.json"),
                         ("har", ".har")):
        d = os.path.join(HERE, kind)
        if os.path.isdir(d):
            inputs += [(kind, os.path.join(d, f)) for f in sorted(os.listdir(d)) if f.endswith(suffix)]
    failures, mismatches = [], []
    for kind, path in inputs:
        rel = os.path.relpath(path, HERE)
        if a.only and a.only not in rel:
            continue
        try:
            if kind == "curl":
                ref, reqs, notes = record_curl(path, port)
            elif kind == "postman":
                if not os.path.isdir(a.newman):
                    raise RuntimeError("newman not found at " + a.newman)
                ref, reqs, notes = record_postman(path, port, a.newman)
            else:
                ref, reqs, notes = record_har(path)
        except Exception as e:           # record the failure, keep going
            failures.append((rel, repr(e)))
            print("FAIL  %s: %r" % (rel, e))
            continue
        text = render(rel, ref, reqs, notes)
        out = expected_path(path)
        if a.check:
            old = open(out, encoding="utf-8").read() if os.path.exists(out) else None
            if old != text:
                mismatches.append(rel)
                print("DIFF  " + rel)
            continue
        with open(out, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        print("ok    %-60s %2d request(s)%s" % (rel, len(reqs), "  [%d note(s)]" % len(notes) if notes else ""))
    srv.shutdown()
    if failures:
        print("\n%d input(s) failed" % len(failures))
    if mismatches:
        print("\n%d expected file(s) differ" % len(mismatches))
    return 1 if failures or mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
