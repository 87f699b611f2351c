// The Python half of every locustfile Rafaga writes: after the generated settings, requests and
// rows (see locustexport.cpp), this code runs them on Locust and writes the results.
namespace LocustScript {
extern const char Code[];
const char Code[] = R"RAFAGA_PY(
# ---- What follows is the same in every file Rafaga writes. ----
import base64
import json
import os
import socket
import ssl
import sys
import time
from collections import deque
from urllib.parse import quote

import gevent
from gevent.event import Event
from locust import FastHttpUser, LoadTestShape, constant, constant_throughput, events, task
from locust.runners import STATE_MISSING, MasterRunner, WorkerRunner
import locust.runners

# Debian 12's python3-locust reports an empty version, and a master turns away every worker
# whose version is empty ("an old (pre 2.0) worker"): give both sides the packaged one.
if not locust.runners.__version__:
    locust.runners.__version__ = "2.12.1"


def _check_secrets():
    missing = [name for name, _ in SECRETS if name not in os.environ]
    if missing:
        sys.stderr.write(
            "This locustfile needs the collection's secrets, which are not written in it: "
            "set %s and start again.\n" % ", ".join(missing))
        sys.exit(2)


_check_secrets()


def _reveal(text):
    for name, token in SECRETS:
        text = text.replace(token, os.environ[name])
    return text


def _mask(text):
    """text with every secret, as written here or as given, shown as *** (as Rafaga writes it)."""
    for name, token in SECRETS:
        text = text.replace(token, "***")
        for form in (os.environ[name], quote(os.environ[name], safe="")):
            if form:
                text = text.replace(form, "***")
    return text


# Each request is parsed when it is sent, by the worker that sends it: parsing every one in every
# process at start would cost seconds and hundreds of MB per 100,000 requests.
UNITS = [(first, first + size) for start, end, size in UNIT_RUNS for first in range(start, end, size)]
RESULTS_PATH = os.environ.get("RAFAGA_RESULTS", "results.ndjson")


# ---- Assertions, checked as Rafaga checks them, with the same labels and values ----

def _excerpt(body):
    if not body:
        return "(empty body)"
    text = " ".join(body[:320].decode("utf-8", "replace").split())
    if len(text) <= 80 and len(body) <= 320:
        return text
    return text[:80] + "\u2026"


def _plain(value):
    # Qt writes whole doubles without a fraction and objects with sorted keys.
    if isinstance(value, float) and value.is_integer() and abs(value) < 2 ** 53:
        return int(value)
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _compact(value):
    return json.dumps(_plain(value), separators=(",", ":"), sort_keys=True, ensure_ascii=False)


def _json_equal(a, b):
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a == b
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_json_equal(x, y) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_json_equal(a[k], b[k]) for k in a)
    return type(a) is type(b) and a == b


_MISSING = object()


def _walk(root, steps):
    value = root
    for step in steps:
        if isinstance(step, int) and isinstance(value, list):
            index = step + len(value) if step < 0 else step
            if index < 0 or index >= len(value):
                return _MISSING
            value = value[index]
        elif isinstance(step, str) and isinstance(value, dict) and step in value:
            value = value[step]
        else:
            return _MISSING
    return value


def _asserts_status(outcomes):
    """Whether the request asserts its status and all such checks passed (as Rafaga judges it: a
    404 the request expects is not a failure)."""
    status = [o for o in outcomes if o["label"].startswith("status ")]
    return bool(status) and all(o["passed"] for o in status)


def _check(assertion, status, headers, body, latency_ms, parsed):
    """(passed, actual) for one assertion."""
    if "invalid" in assertion:
        return False, "invalid assertion: " + assertion["invalid"]
    kind = assertion["kind"]
    target, expected = _reveal(assertion["target"]), _reveal(assertion["expected"])
    if kind == "status":
        low, high = assertion["range"]
        return status > 0 and low <= status <= high, str(status) if status > 0 else "(no response)"
    if kind.startswith("header_"):
        values = headers.getlist(target) if headers is not None else []
        if not values:
            return False, "(missing)"
        joined = ", ".join(values)
        if kind == "header_equals":
            return joined == expected or expected in values, joined
        if kind == "header_contains":
            return expected in joined, joined
        return True, joined
    if kind == "body_contains":
        return expected.encode() in body, _excerpt(body)
    if kind.startswith("json_"):
        if "root" not in parsed:
            try:
                parsed["root"] = json.loads(body.decode("utf-8-sig"))
            except ValueError:
                parsed["root"] = _MISSING
        if parsed["root"] is _MISSING:
            return False, "invalid JSON body"
        found = _walk(parsed["root"], assertion["steps"])
        if found is _MISSING:
            return False, "(missing)"
        if kind == "json_exists":
            return True, _compact(found)
        try:
            passed = _json_equal(found, json.loads(expected))
        except ValueError:
            passed = False
        passed = passed or (isinstance(found, str) and found == expected)
        return passed, _compact(found)
    if kind == "latency_below":
        if latency_ms is None:
            return False, "(unknown)"
        return latency_ms < assertion["limit_ms"], "%.3f" % latency_ms
    return False, "unknown kind of assertion"


def _category(error):
    # geventhttpclient wraps the last attempt's error when it gives up.
    error = getattr(error, "original", None) or error
    if isinstance(error, ConnectionRefusedError):
        return "connection_refused"
    if isinstance(error, socket.gaierror):
        return "host_not_found"
    if isinstance(error, (socket.timeout, TimeoutError, gevent.Timeout)):
        return "timeout"
    if isinstance(error, ssl.SSLError):
        return "tls"
    if isinstance(error, (ConnectionResetError, BrokenPipeError, ConnectionAbortedError, EOFError)):
        return "connection_closed"
    if "redirect" in type(error).__name__.lower():
        return "too_many_redirects"
    return "other"


# ---- Sending, on a worker (or the single process) ----

def _send(user, index):
    """Sends request `index`, reports it to Locust, and returns its NDJSON line."""
    spec = json.loads(REQUESTS[index])
    headers = {}
    for name, value in spec["headers"]:
        value = _reveal(value)
        headers[name] = headers[name] + ", " + value if name in headers else value
    if "basic" in spec:
        headers["Authorization"] = "Basic " + base64.b64encode(
            _reveal(spec["basic"]).encode()).decode()
    body = None
    if "body" in spec:
        body = _reveal(spec["body"]).encode()
    elif "body_base64" in spec:
        body = base64.b64decode(spec["body_base64"])
        for name, token in SECRETS:
            body = body.replace(token.encode(), os.environ[name].encode())
    label = spec["ctx"].get("path") or spec.get("name") or _mask(spec["url"])
    # Times from the run's start on the coordinator's clock (as synchronised as the hosts' are).
    dispatched_ms = (time.time() - FEED.run_start) * 1000.0
    start = time.perf_counter()
    with user.client.request(spec["method"], _reveal(spec["url"]), name=label, data=body,
                             headers=headers, catch_response=True) as response:
        content = response.content or b""
        latency_ms = (time.perf_counter() - start) * 1000.0
        status = int(getattr(response, "status_code", 0) or 0)
        # An error status is an answer, not a failure to get one.
        error = getattr(response, "error", None) if status == 0 else None
        outcomes = []
        parsed = {}
        for assertion in spec["assertions"]:
            passed, actual = _check(assertion, status, response.headers, content,
                                    latency_ms if error is None else None, parsed)
            outcomes.append({"label": assertion["label"], "passed": passed, "actual": _mask(actual)})
        failed = [o for o in outcomes if not o["passed"]]
        if error is not None:
            response.failure(error)
        elif failed:
            response.failure("; ".join("%s: %s" % (o["label"], o["actual"]) for o in failed))
        elif status >= 400 and not _asserts_status(outcomes):
            response.failure("HTTP %d" % status)
        else:
            response.success()
    result = {
        "index": index,
        "method": spec["method"],
        "url": _mask(spec["url"]),
        "status": status or None,
        "error": _category(error) if error is not None else None,
        "http_version": "1.1" if status else "",
        "retries": 0,
        "redirects": 0,
        "resends": 0,
        "latency_ms": round(latency_ms, 3) if error is None else None,
        "latency_from_schedule_ms": round(latency_ms, 3) if error is None else None,
        "ttfb_ms": None,
        "bytes_out": len(body or b""),
        "bytes_in": len(content),
        "assertions_failed": len(failed),
        "times_ms": {"connect": None, "dispatched": round(dispatched_ms, 3),
                     "finished": round(dispatched_ms + latency_ms, 3), "headers": None,
                     "scheduled": round(dispatched_ms, 3), "sent": None, "tls": None},
    }
    if "name" in spec:
        result["name"] = spec["name"]
    if error is not None:
        result["error_message"] = _mask(str(error) or type(error).__name__)
    result.update(spec["ctx"])
    if outcomes:
        result["assertions"] = outcomes
    return json.dumps(result, separators=(",", ":"), sort_keys=True, ensure_ascii=False)


def _reply(environment, node, kind, data):
    if isinstance(environment.runner, MasterRunner):
        environment.runner.send_message(kind, data, client_id=node)
    else:
        environment.runner.send_message(kind, data)


class _Feed:
    """A worker's side: rows asked of the coordinator, and results sent back in batches."""

    def __init__(self):
        self.queue = deque()
        self.more = True
        self.asking = None
        self.results = []
        self.environment = None
        self.run_start = time.time()

    def ask(self, environment):
        """Asks the coordinator for as many units as there are users here (once at a time)."""
        if self.asking is None:
            self.asking = Event()
            environment.runner.send_message(
                "rafaga_want", {"count": max(1, environment.runner.user_count)})
        return self.asking

    def take(self, environment):
        """The next unit to run, or None when the coordinator has handed out every one."""
        while not self.queue and self.more:
            self.ask(environment).wait(timeout=1.0)
        unit = self.queue.popleft() if self.queue else None
        # Rows ahead: ask for more before the queue runs dry, so that no user waits for the
        # round trip to the master between its rows.
        if self.more and len(self.queue) < environment.runner.user_count:
            self.ask(environment)
        return unit

    def on_units(self, environment, msg, **kwargs):
        self.queue.extend(msg.data["units"])
        self.run_start = msg.data["start"]
        self.more = msg.data["more"]
        asked, self.asking = self.asking, None
        if asked is not None:
            asked.set()

    def add(self, index, line):
        self.results.append([index, line])
        if len(self.results) >= 100:
            self.flush()

    def flush(self):
        if self.results and self.environment is not None:
            batch, self.results = self.results, []
            self.environment.runner.send_message("rafaga_results", {"results": batch})

    def flusher(self):
        while True:
            gevent.sleep(0.2)
            self.flush()


class _Coordinator:
    """The master's side (or the single process's): hands out rows, writes results in order, and
    hands the unfinished rows of a worker that is lost to the others."""

    def __init__(self):
        self.next_unit = 0
        self.pending = {}
        self.written = 0
        self.failures = 0
        self.out = None
        self.done = False
        self.run_start = None
        self.assigned = {}  # worker -> the units it was given and has not finished
        self.due = [end - first for first, end in UNITS]  # results each unit still owes
        self.unit_of = [0] * len(REQUESTS)
        for unit, (first, end) in enumerate(UNITS):
            self.unit_of[first:end] = [unit] * (end - first)
        self.again = deque()
        self.reissued = 0

    def more(self):
        return bool(self.again) or self.next_unit < len(UNITS)

    def on_want(self, environment, msg, **kwargs):
        count = int(msg.data["count"])
        if self.run_start is None:
            self.run_start = time.time()
        units = []
        while self.again and len(units) < count:
            units.append(self.again.popleft())
        fresh = min(len(UNITS), self.next_unit + count - len(units))
        units += range(self.next_unit, fresh)
        self.next_unit = fresh
        self.assigned.setdefault(msg.node_id, set()).update(units)
        _reply(environment, msg.node_id, "rafaga_units",
               {"units": units, "more": self.more(), "start": self.run_start})

    def on_results(self, environment, msg, **kwargs):
        for index, line in msg.data["results"]:
            if index < self.written or index in self.pending:
                continue  # a row run again after its worker was lost
            self.pending[index] = line
            unit = self.unit_of[index]
            self.due[unit] -= 1
            if self.due[unit] == 0:
                for units in self.assigned.values():
                    units.discard(unit)
        while self.written in self.pending:
            line = self.pending.pop(self.written)
            record = json.loads(line)
            status = record["status"] or 0
            if record["error"] or record["assertions_failed"] or not (
                    0 < status < 400 or _asserts_status(record.get("assertions", []))):
                self.failures += 1
            self.out.write(line + "\n")
            self.written += 1
        self.out.flush()
        if self.written == len(REQUESTS) and not self.done:
            self.finish(environment)

    def watch_workers(self, environment):
        """Every half second: the units of a worker that quit or stopped answering go again."""
        while not self.done:
            gevent.sleep(0.5)
            clients = environment.runner.clients
            for node, units in list(self.assigned.items()):
                client = clients.get(node)
                if units and (client is None or client.state == STATE_MISSING):
                    self.again.extend(sorted(units))
                    self.reissued += len(units)
                    self.assigned[node] = set()
                    sys.stderr.write("Rafaga: worker %s lost; its %d unfinished rows go to the "
                                     "others\n" % (node, len(units)))
                    for other in clients.values():
                        if other.state != STATE_MISSING:
                            _reply(environment, other.id, "rafaga_units",
                                   {"units": [], "more": True, "start": self.run_start})

    def finish(self, environment):
        self.done = True
        self.out.close()
        sys.stderr.write("Rafaga: all %d requests done, %d failed (an error, a status of 400 or "
                         "more, or a failed assertion), %d rows re-issued; results in %s\n"
                         % (self.written, self.failures, self.reissued, RESULTS_PATH))
        gevent.spawn(environment.runner.quit)


FEED = _Feed()
COORDINATOR = _Coordinator()


@events.init.add_listener
def _on_init(environment, **kwargs):
    runner = environment.runner
    if not isinstance(runner, WorkerRunner):
        try:
            COORDINATOR.out = open(RESULTS_PATH, "w", encoding="utf-8")
        except OSError as error:
            sys.stderr.write("Rafaga: cannot write the results to %s: %s\n" % (RESULTS_PATH, error))
            sys.exit(2)
        runner.register_message("rafaga_want", COORDINATOR.on_want)
        runner.register_message("rafaga_results", COORDINATOR.on_results)
        if isinstance(runner, MasterRunner):
            gevent.spawn(COORDINATOR.watch_workers, environment)
    if not isinstance(runner, MasterRunner):
        runner.register_message("rafaga_units", FEED.on_units)
        FEED.environment = environment
        gevent.spawn(FEED.flusher)


@events.test_stopping.add_listener
def _on_stopping(environment, **kwargs):
    if not isinstance(environment.runner, MasterRunner):
        FEED.flush()


@events.quitting.add_listener
def _on_quitting(environment, **kwargs):
    if isinstance(environment.runner, WorkerRunner):
        FEED.flush()  # stopped (SIGTERM): the results in hand still go to the master
        environment.process_exit_code = 0
    elif not COORDINATOR.done:
        sys.stderr.write("Rafaga: stopped with %d of %d requests done\n"
                         % (COORDINATOR.written, len(REQUESTS)))
        environment.process_exit_code = 1
    else:
        environment.process_exit_code = 1 if COORDINATOR.failures else 0


class RafagaShape(LoadTestShape):
    """USERS users, all started at once, until every request is done."""

    def tick(self):
        return None if COORDINATOR.done else (USERS, USERS)


class RafagaUser(FastHttpUser):
    host = "/".join(json.loads(REQUESTS[0])["url"].split("/", 3)[:3]) if REQUESTS \
        else "http://127.0.0.1"
    wait_time = constant_throughput(RATE / USERS) if RATE > 0 else constant(0)
    network_timeout = TIMEOUT_S if TIMEOUT_S > 0 else None
    connection_timeout = TIMEOUT_S if TIMEOUT_S > 0 else None
    max_redirects = MAX_REDIRECTS
    max_retries = RETRIES + 1  # attempts
    concurrency = 1

    @task
    def run_rows(self):
        unit = FEED.take(self.environment)
        if unit is None:
            gevent.sleep(0.5)  # every row is handed out; the coordinator ends the test
            return
        first, end = UNITS[unit]
        for index in range(first, end):
            FEED.add(index, _send(self, index))
)RAFAGA_PY";
} // namespace LocustScript
