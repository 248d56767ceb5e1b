"""Plumbing shared by the protocol-faithful local test servers (Python 3 standard library only).

openai_server.py and bedrock_server.py import this module from their own directory. It holds what
the two servers have in common and nothing protocol-specific:

* command-line flags every server understands (port, models, fault defaults, timing knobs),
* the request log and counters behind the /_test/* endpoints,
* fault selection (X-Test-Fault and friends) with per-key failure counting,
* the deterministic reply ("Echo: " + last user text, or a scripted reply), split into word deltas,
* HTTP/1.1 helpers: request bodies (Content-Length or chunked), JSON answers, chunked streaming
  written in deliberately awkward pieces.
"""

import argparse
import json
import os
import re
import socket
import ssl
import struct
import sys
import threading
import time
import urllib.parse
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# Faults both servers understand. Servers may add their own (see each server's FAULTS).
COMMON_FAULTS = (
    "429",              # HTTP 429 with Retry-After
    "500",              # HTTP 500
    "503",              # HTTP 503
    "truncate",         # response stops mid-way, connection closed, no terminator
    "malformed",        # a broken element inside an otherwise normal response
    "slow-first-byte",  # sleep delay-ms before the first byte of the response
    "latency",          # fixed latency (delay-ms) added to the request, for benches
    "drop",             # read the request, close the connection without answering
    "reset",            # read the request, reset the connection (RST) without answering
)

TEST_HEADERS = {
    "fault": "X-Test-Fault",
    "count": "X-Test-Fail-Count",
    "key": "X-Test-Key",
    "retry": "X-Test-Retry-After",
    "delay": "X-Test-Delay-Ms",
    "token_delay": "X-Test-Token-Delay-Ms",
    "reply": "X-Test-Reply",
}


def add_common_arguments(parser, default_models):
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=0, help="port; 0 picks a free one (default 0)")
    parser.add_argument("--tls-cert", default=None,
                        help="serve HTTPS with this certificate (PEM; the test endpoints then need HTTPS too)")
    parser.add_argument("--tls-key", default=None, help="the private key of --tls-cert (PEM)")
    parser.add_argument("--models", default=",".join(default_models),
                        help="comma-separated model ids this server knows (default: %(default)s)")
    parser.add_argument("--any-model", action="store_true", help="accept any model id")
    parser.add_argument("--fault", default="",
                        help="fault applied to every request that has no X-Test-Fault header "
                             "(comma-separated list allowed)")
    parser.add_argument("--fail-count", type=int, default=None,
                        help="apply the fault only to the first N requests per X-Test-Key "
                             "(default: every request)")
    parser.add_argument("--retry-after", default=None,
                        help="Retry-After value sent with 429 (seconds, fractions allowed)")
    parser.add_argument("--delay-ms", type=float, default=1000.0,
                        help="delay used by the slow-first-byte and latency faults when the request "
                             "has no X-Test-Delay-Ms header (default 1000)")
    parser.add_argument("--latency-ms", type=float, default=0.0,
                        help="time from a model request's arrival to its answer; the server's own work "
                             "counts toward it (default 0)")
    parser.add_argument("--token-delay-ms", type=float, default=0.0,
                        help="pause before each streamed text delta (default 0)")
    parser.add_argument("--write-gap-ms", type=float, default=1.0,
                        help="pause between the awkward pieces of a streamed response (default 1)")
    parser.add_argument("--no-split", action="store_true",
                        help="write each streamed event in one piece, no pauses (for benches)")
    parser.add_argument("--replies", default=None,
                        help='JSON file with scripted replies: [{"contains": "...", "reply": "...", '
                             '"model": optional}]')
    parser.add_argument("--log-limit", type=int, default=10000,
                        help="keep at most this many requests in the log (default 10000)")
    parser.add_argument("--verbose", action="store_true", help="log each request on stderr")
    parser.add_argument("--watch-stdin", action="store_true",
                        help="exit when stdin reaches end of file (so a crashed test that started "
                             "the server with a stdin pipe does not leave it running)")


def model_list(args):
    return [m.strip() for m in args.models.split(",") if m.strip()]


# ---------------------------------------------------------------------------------------------
# Deterministic replies

def split_deltas(text):
    """Word-sized deltas whose concatenation is exactly `text`.

    Each delta holds one whitespace-separated word with the whitespace around it, so the number of
    deltas equals len(text.split()) -- the servers' token count.
    """
    pieces = re.findall(r"\s*\S+\s*", text)
    if not pieces and text:
        pieces = [text]
    return pieces


def count_tokens(text):
    """Token count used by both servers: whitespace-separated words."""
    return len(text.split())


def plan_reply(full_text, max_tokens, stop_sequences):
    """Apply stop sequences then max_tokens to the full reply.

    Returns (deltas, reason, matched_stop) with reason one of "end", "length", "stop".
    A stop sequence cuts the text just before its first occurrence (the sequence is not emitted);
    max_tokens then keeps at most that many deltas (one delta = one token).
    """
    matched = None
    cut = None
    for seq in stop_sequences or []:
        if not seq:
            continue
        idx = full_text.find(seq)
        if idx >= 0 and (cut is None or idx < cut):
            cut, matched = idx, seq
    text = full_text if cut is None else full_text[:cut]
    deltas = split_deltas(text)
    if max_tokens is not None and len(deltas) > max_tokens:
        return deltas[:max_tokens], "length", None
    if matched is not None:
        return deltas, "stop", matched
    return deltas, "end", None


# ---------------------------------------------------------------------------------------------
# Shared state: log, counters, scripted replies

class ServerState:
    def __init__(self, args, fault_names):
        self.args = args
        self.fault_names = set(fault_names)
        self.lock = threading.Lock()
        self.log = []
        self.counters = {}
        self.total = 0
        self.in_flight = 0
        self.max_in_flight = 0
        self.startup_rules = load_rules(args.replies) if args.replies else []
        self.rules = list(self.startup_rules)
        self.rule_matches = {}
        self.next_id = 0

    # -- log
    def new_entry(self, method, path, headers, body):
        entry = {
            "id": 0,
            "time": time.time(),
            "method": method,
            "path": path,
            "headers": headers,
            "body": body.decode("utf-8", errors="replace"),
            "verdict": "pending",
            "status": None,
        }
        with self.lock:
            self.next_id += 1
            self.total += 1
            entry["id"] = self.next_id
            self.log.append(entry)
            if len(self.log) > self.args.log_limit:
                del self.log[: len(self.log) - self.args.log_limit]
        return entry

    def update(self, entry, **fields):
        with self.lock:
            entry.update(fields)

    def snapshot_log(self):
        with self.lock:
            return json.loads(json.dumps(self.log))

    def stats(self):
        with self.lock:
            verdicts = {}
            for e in self.log:
                key = e["verdict"].split(":", 1)[0]
                verdicts[key] = verdicts.get(key, 0) + 1
            return {"requests": self.total, "logged": len(self.log), "in_flight": self.in_flight,
                    "max_in_flight": self.max_in_flight, "verdicts": verdicts}

    def reset(self):
        with self.lock:
            self.log.clear()
            self.counters.clear()
            self.total = 0
            self.max_in_flight = self.in_flight
            self.rules = list(self.startup_rules)
            self.rule_matches = {}

    # -- concurrency accounting
    def enter(self):
        with self.lock:
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)

    def leave(self):
        with self.lock:
            self.in_flight -= 1

    # -- fault counting
    def count(self, key):
        """Returns how many requests with this key were seen before this one."""
        with self.lock:
            seen = self.counters.get(key, 0)
            self.counters[key] = seen + 1
            return seen

    # -- scripted replies
    def set_rules(self, rules):
        with self.lock:
            self.rules = rules
            self.rule_matches = {}

    def match_rule(self, model, prompt_text):
        with self.lock:
            rules = list(self.rules)
            for index, rule in enumerate(rules):
                if rule.get("model") not in (None, model):
                    continue
                if rule.get("contains", "") in prompt_text:
                    # "then": further replies the rule gives on its 2nd, 3rd, ... match (cycling), so a
                    # test can make a judge that answers the same question differently each time.
                    following = rule.get("then") or []
                    if not following:
                        return rule["reply"]
                    seen = self.rule_matches.get(index, 0)
                    self.rule_matches[index] = seen + 1
                    replies = [rule["reply"]] + following
                    return replies[seen % len(replies)]
        return None

    def rule_faults(self, model, prompt_text, base):
        """The faults of the first rule with a "fault" whose "contains" occurs in the prompt, as a
        Faults built on `base` (the header-resolved ones), or None. A rule's "fault_count" limits it to
        its first N matches; "retry_after" sets the 429's Retry-After ("" sends none); "delay_ms"
        the latency or stall."""
        with self.lock:
            for index, rule in enumerate(self.rules):
                if "fault" not in rule or rule.get("model") not in (None, model):
                    continue
                if rule.get("contains", "") not in prompt_text:
                    continue
                key = ("rule-fault", index)
                seen = self.counters.get(key, 0)
                self.counters[key] = seen + 1
                limit = rule.get("fault_count")
                if limit is not None and seen >= limit:
                    return None
                faults = Faults((), rule.get("delay_ms", base.delay_ms), rule.get("retry_after", "1"),
                                base.token_delay_ms)
                faults.names = set(n.strip().lower() for n in rule["fault"].split(",") if n.strip())
                faults.retry_after_explicit = "retry_after" in rule
                return faults
        return None


def load_rules(path):
    with open(path, encoding="utf-8") as f:
        return validate_rules(json.load(f))


def validate_rules(rules):
    if isinstance(rules, dict) and "rules" in rules:
        rules = rules["rules"]
    if not isinstance(rules, list):
        raise ValueError("replies must be a JSON list of {contains, reply}")
    for r in rules:
        if not isinstance(r, dict) or not isinstance(r.get("reply"), str):
            raise ValueError("each reply rule needs a string 'reply'")
        if not isinstance(r.get("contains", ""), str):
            raise ValueError("'contains' must be a string")
        if "fault" in r:
            if not isinstance(r["fault"], str):
                raise ValueError("'fault' must be a comma-separated string of fault names")
            unknown = [n for n in r["fault"].split(",") if n.strip().lower() not in COMMON_FAULTS]
            if unknown:
                raise ValueError("unknown fault %s in a reply rule" % ", ".join(unknown))
        if not isinstance(r.get("fault_count", 0), int) or not isinstance(r.get("retry_after", ""), str):
            raise ValueError("'fault_count' must be an integer and 'retry_after' a string")
        then = r.get("then", [])
        if not isinstance(then, list) or not all(isinstance(reply, str) for reply in then):
            raise ValueError("'then' must be a list of strings")
    return rules


# ---------------------------------------------------------------------------------------------
# Faults

class Faults:
    """The faults that apply to one request, resolved from headers or command-line defaults."""

    def __init__(self, names=(), delay_ms=0.0, retry_after="1", token_delay_ms=0.0):
        self.names = set(names)
        self.delay_ms = delay_ms
        self.retry_after = retry_after
        self.retry_after_explicit = False
        self.token_delay_ms = token_delay_ms
        self.unknown = []

    def __contains__(self, name):
        return name in self.names

    def describe(self):
        return ",".join(sorted(self.names))


def resolve_faults(state, headers):
    """Read X-Test-* headers (falling back to flags) and decide which faults apply now.

    Counting: when X-Test-Fail-Count (or --fail-count) is N, the faults apply to the first N
    requests carrying the same X-Test-Key and X-Test-Fault values, then stop applying.
    """
    args = state.args
    spec = headers.get(TEST_HEADERS["fault"])
    if spec is None:
        spec = args.fault or ""
        count_text = None if args.fail_count is None else str(args.fail_count)
    else:
        count_text = headers.get(TEST_HEADERS["count"])
        if count_text is None and args.fail_count is not None:
            count_text = str(args.fail_count)
    # "none" switches a --fault default off for one request.
    names = [n.strip().lower() for n in spec.split(",") if n.strip() and n.strip().lower() != "none"]

    delay_text = headers.get(TEST_HEADERS["delay"])
    delay_ms = float(delay_text) if delay_text else args.delay_ms
    retry = headers.get(TEST_HEADERS["retry"])
    explicit = retry is not None or args.retry_after is not None
    if retry is None:
        retry = args.retry_after if args.retry_after is not None else "1"
    token_delay_text = headers.get(TEST_HEADERS["token_delay"])
    token_delay = float(token_delay_text) if token_delay_text else args.token_delay_ms

    faults = Faults((), delay_ms, retry.strip(), token_delay)
    faults.retry_after_explicit = explicit
    faults.unknown = [n for n in names if n not in state.fault_names]
    if names:
        key = (headers.get(TEST_HEADERS["key"], ""), ",".join(names))
        seen = state.count(key)
        limit = int(count_text) if count_text not in (None, "") else None
        if limit is None or seen < limit:
            faults.names = set(n for n in names if n in state.fault_names)
    return faults


def retry_after_seconds(text):
    try:
        return max(0.0, float(text))
    except ValueError:
        return 1.0


# ---------------------------------------------------------------------------------------------
# HTTP plumbing

class QuietThreadingHTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    # Bursts of parallel streams (evaluation runs, benches) must not overflow the accept queue.
    request_queue_size = 128

    def handle_error(self, request, client_address):
        # Clients cancel streams and drop connections on purpose in tests: stay quiet.
        if getattr(self, "verbose", False):
            super().handle_error(request, client_address)


class ClientGone(Exception):
    """The client closed the connection while we were writing."""


class BaseTestHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    state = None  # set by serve()

    def setup(self):
        super().setup()
        try:
            self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        except OSError:
            pass

    def parse_request(self):
        # The request line has just been read: when the request arrived, for --latency-ms.
        self.arrived = time.monotonic()
        return super().parse_request()

    def log_message(self, fmt, *args):
        if self.state is not None and self.state.args.verbose:
            sys.stderr.write("%s - %s\n" % (self.address_string(), fmt % args))

    # -- request side
    def raw_path(self):
        return self.path.split("?", 1)[0]

    def raw_query(self):
        return self.path.split("?", 1)[1] if "?" in self.path else ""

    def header_dict(self):
        out = {}
        for name, value in self.headers.items():
            key = name.lower()
            out[key] = value if key not in out else out[key] + ", " + value
        return out

    def read_body(self):
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            data = bytearray()
            while True:
                line = self.rfile.readline(65537)
                size = int(line.split(b";", 1)[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline(65537) not in (b"\r\n", b"\n", b""):
                        pass
                    break
                data += self.rfile.read(size)
                self.rfile.readline(65537)
            return bytes(data)
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length > 0 else b""

    # -- response side
    def send_bytes(self, status, body, content_type, headers=()):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.raw_write(body)

    def send_json(self, status, obj, headers=(), content_type="application/json"):
        body = json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        self.send_bytes(status, body, content_type, headers)

    def begin_chunked(self, status, content_type, headers=()):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Transfer-Encoding", "chunked")
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()

    def raw_write(self, data):
        try:
            self.wfile.write(data)
            self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError) as e:
            self.close_connection = True
            raise ClientGone() from e

    def write_chunk(self, data):
        if data:
            self.raw_write(b"%x\r\n" % len(data) + data + b"\r\n")

    def end_chunked(self):
        self.raw_write(b"0\r\n\r\n")

    def write_pieces(self, segments, gap_s):
        """segments: list of (pause_before_s, bytes). Each becomes its own HTTP chunk."""
        for pause, data in segments:
            if pause > 0:
                time.sleep(pause)
            self.write_chunk(data)
            if gap_s > 0:
                time.sleep(gap_s)

    def abort_connection(self, reset=False):
        """Close the connection now; with reset=True the peer sees a TCP RST."""
        self.close_connection = True
        try:
            if reset:
                self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            else:
                self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        try:
            self.connection.close()
        except OSError:
            pass

    # -- /_test endpoints
    def handle_test_endpoint(self, method, body=b""):
        path = self.raw_path()
        if not path.startswith("/_test/"):
            return False
        st = self.state
        if method == "GET" and path == "/_test/requests":
            self.send_json(200, st.snapshot_log())
        elif method == "GET" and path == "/_test/stats":
            self.send_json(200, st.stats())
        elif method == "POST" and path == "/_test/reset":
            st.reset()
            self.send_json(200, {"ok": True})
        elif method == "GET" and path == "/_test/replies":
            with st.lock:
                self.send_json(200, list(st.rules))
        elif method == "POST" and path == "/_test/replies":
            try:
                st.set_rules(validate_rules(json.loads(body or b"[]")))
                self.send_json(200, {"ok": True})
            except (ValueError, json.JSONDecodeError) as e:
                self.send_json(400, {"ok": False, "error": str(e)})
        else:
            self.send_json(404, {"ok": False, "error": "unknown test endpoint %s %s" % (method, path)})
        return True


def reply_override(headers):
    """X-Test-Reply carries a percent-encoded UTF-8 reply that replaces the echo."""
    value = headers.get(TEST_HEADERS["reply"])
    if value is None:
        return None
    return urllib.parse.unquote(value, encoding="utf-8", errors="replace")


def new_request_id():
    return str(uuid.uuid4())


def serve(handler_class, state):
    handler_class.state = state
    server = QuietThreadingHTTPServer((state.args.host, state.args.port), handler_class)
    server.verbose = state.args.verbose
    if state.args.tls_cert:
        # A client that refuses the certificate ends the handshake; accept() raises and the server
        # goes on to the next connection.
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(state.args.tls_cert, state.args.tls_key)
        server.socket = context.wrap_socket(server.socket, server_side=True)
    port = server.server_address[1]
    sys.stdout.write("LISTENING %d\n" % port)
    sys.stdout.flush()
    if state.args.watch_stdin:
        def watch():
            while sys.stdin.buffer.read(65536):
                pass
            os._exit(0)
        threading.Thread(target=watch, daemon=True).start()
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


def make_parser(description, default_models):
    parser = argparse.ArgumentParser(description=description)
    add_common_arguments(parser, default_models)
    return parser
