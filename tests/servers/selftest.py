#!/usr/bin/env python3
"""Self-test of the local test servers. Run: python3 tests/servers/selftest.py

Exits non-zero if anything fails. Covers:
* the SigV4 verifier against every header-signed case of the official AWS SigV4 test suite, and
  this file's own small signer against the same vectors;
* the event-stream codec against the official Bedrock vectors (decode, byte-exact re-encode,
  corrupt / truncated / absurd frames);
* live servers started as subprocesses, driven over raw sockets: signed requests accepted, tampered
  and mis-scoped ones rejected, session tokens, validation errors, streaming framing (including where
  the server cut its writes), and every fault mode.
"""

import datetime
import glob
import hashlib
import hmac
import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import bedrock_server as bedrock  # noqa: E402

TESTDATA = os.path.join(os.environ.get("GENAIOPS_SHARED_DIR")
                        or os.path.join(HERE, "..", "..", "..", "shared"), "testdata")
TESTDATA = os.path.abspath(TESTDATA)
if not os.path.isdir(TESTDATA):
    TESTDATA = "/work/shared/testdata"
SIGV4_SUITE = os.path.join(TESTDATA, "aws-sigv4-test-suite")
EVENTSTREAM = os.path.join(TESTDATA, "bedrock-eventstream")

AKID = "AKIDSELFTEST"
SECRET = "selftest/secret+key=="
MODEL = "anthropic.claude-3-haiku-20240307-v1:0"
UNICODE_TEXT = "Héllo wörld 返品 ✓"

failures = []
passes = 0


def check(condition, what, detail=""):
    global passes
    if condition:
        passes += 1
    else:
        failures.append(what + (": " + str(detail) if detail != "" else ""))
        print("FAIL  " + what + (": " + str(detail)[:600] if detail != "" else ""))


def section(title):
    print("== " + title)


# =============================================================================================
# A small, separate SigV4 signer (the client side)

def sig_quote(segment):
    # urllib's always-safe set is exactly SigV4's unreserved set.
    return urllib.parse.quote(segment, safe="")


def sig_normalize(path):
    out = []
    for part in path.split("/"):
        if part == "..":
            out = out[:-1]
        elif part not in ("", "."):
            out.append(part)
    result = "/" + "/".join(out)
    return result + "/" if path.endswith("/") and out else result


def sign_headers(method, path, query, headers, body, akid, secret, region, service, amz_date,
                 normalize=True):
    """headers: list of (name, value) that will be sent (all signed). Returns Authorization."""
    p = sig_normalize(path) if normalize else path
    curi = "/".join(sig_quote(s) for s in p.split("/")) or "/"
    pairs = []
    for item in query.split("&") if query else []:
        k, _, v = item.partition("=")
        pairs.append((sig_quote(urllib.parse.unquote(k)), sig_quote(urllib.parse.unquote(v))))
    cquery = "&".join(k + "=" + v for k, v in sorted(pairs))
    merged = {}
    for name, value in headers:
        merged.setdefault(name.lower(), []).append(" ".join(value.split()))
    names = sorted(merged)
    cheaders = "".join("%s:%s\n" % (n, ",".join(merged[n])) for n in names)
    signed = ";".join(names)
    creq = "\n".join([method, curi, cquery, cheaders, signed, hashlib.sha256(body).hexdigest()])
    date = amz_date[:8]
    scope = "%s/%s/%s/aws4_request" % (date, region, service)
    sts = "\n".join(["AWS4-HMAC-SHA256", amz_date, scope,
                     hashlib.sha256(creq.encode("utf-8")).hexdigest()])
    key = ("AWS4" + secret).encode()
    for part in (date, region, service, "aws4_request"):
        key = hmac.new(key, part.encode(), hashlib.sha256).digest()
    sig = hmac.new(key, sts.encode(), hashlib.sha256).hexdigest()
    return "AWS4-HMAC-SHA256 Credential=%s/%s, SignedHeaders=%s, Signature=%s" % (akid, scope,
                                                                                   signed, sig)


def amz_now(offset_s=0):
    t = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(seconds=offset_s)
    return t.strftime("%Y%m%dT%H%M%SZ")


# =============================================================================================
# Official SigV4 suite

def parse_suite_request(text):
    head, _, body = text.partition("\n\n")
    lines = head.split("\n")
    request_line = lines[0]
    method, _, rest = request_line.partition(" ")
    target = rest[: rest.rindex(" HTTP/")]
    headers = []
    for line in lines[1:]:
        if line[:1] in (" ", "\t") and headers:
            name, value = headers[-1]
            headers[-1] = (name, value + "\n" + line)
        elif line:
            name, _, value = line.partition(":")
            headers.append((name, value))
    path, _, query = target.partition("?")
    return method, path, query, headers, body.encode("utf-8")


def test_sigv4_suite():
    section("SigV4 official test suite (verifier and selftest signer)")
    cases = sorted(d for d in glob.glob(os.path.join(SIGV4_SUITE, "*"))
                   if os.path.isfile(os.path.join(d, "header-signed-request.txt")))
    check(len(cases) >= 30, "suite has its cases", len(cases))
    for case in cases:
        name = os.path.basename(case)

        def read(f):
            with open(os.path.join(case, f), encoding="utf-8") as fh:
                return fh.read()
        ctx = json.loads(read("context.json"))
        creds = ctx["credentials"]
        now = int(datetime.datetime.strptime(ctx["timestamp"], "%Y-%m-%dT%H:%M:%SZ")
                  .replace(tzinfo=datetime.timezone.utc).timestamp())
        method, path, query, headers, body = parse_suite_request(read("header-signed-request.txt"))
        hdr_bytes = [(n, v.encode("utf-8")) for n, v in headers]
        result = bedrock.SigV4Result()
        try:
            bedrock.verify_sigv4(method, path.encode("utf-8"), query.encode("utf-8"), hdr_bytes,
                                 body, {creds["access_key_id"]: (creds["secret_access_key"],
                                                                 creds.get("token"))},
                                 ctx["region"], ctx["service"], now,
                                 normalize=ctx["normalize"], result=result)
            ok = True
            err = ""
        except bedrock.AwsError as e:
            ok, err = False, "%s %s" % (e.error_type, e.message)
        check(ok, "verifier accepts %s" % name, err)
        check(result.canonical_request == read("header-canonical-request.txt"),
              "canonical request of %s" % name, result.canonical_request)
        check(result.string_to_sign == read("header-string-to-sign.txt"),
              "string to sign of %s" % name)
        # Tamper: one flipped byte of the signature must be rejected.
        tampered = []
        for n, v in hdr_bytes:
            if n.lower() == "authorization":
                v = v[:-1] + (b"0" if v[-1:] != b"0" else b"1")
            tampered.append((n, v))
        try:
            bedrock.verify_sigv4(method, path.encode("utf-8"), query.encode("utf-8"), tampered,
                                 body, {creds["access_key_id"]: (creds["secret_access_key"],
                                                                 creds.get("token"))},
                                 ctx["region"], ctx["service"], now, normalize=ctx["normalize"])
            check(False, "verifier rejects tampered %s" % name)
        except bedrock.AwsError as e:
            check(e.error_type == "InvalidSignatureException", "tampered %s rejected" % name,
                  e.error_type)

        # The selftest signer on the same request (headers minus Authorization, and minus an
        # unsigned security token as in post-sts-header-after).
        auth = dict((n.lower(), v) for n, v in headers)["authorization"]
        signed_names = auth.split("SignedHeaders=")[1].split(",")[0].split(";")
        to_sign = [(n, v) for n, v in headers if n.lower() in signed_names]
        mine = sign_headers(method, path, query, to_sign, body, creds["access_key_id"],
                            creds["secret_access_key"], ctx["region"], ctx["service"],
                            dict((n.lower(), v) for n, v in headers)["x-amz-date"],
                            normalize=ctx["normalize"])
        check(mine.endswith("Signature=" + read("header-signature.txt").strip()),
              "selftest signer matches %s" % name, mine)


# =============================================================================================
# Event stream vectors

def decode_all(data, step=None):
    dec = bedrock.EventStreamDecoder()
    out = []
    if step is None:
        out = dec.feed(data)
    else:
        for i in range(0, len(data), step):
            out += dec.feed(data[i:i + step])
    return out, dec


def summarize_events(messages):
    events, text, stop, usage, latency, exceptions = [], "", None, None, None, []
    for headers, payload in messages:
        h = dict(headers)
        body = json.loads(payload)
        if h.get(":message-type") == "exception":
            exceptions.append((h.get(":exception-type"), body))
            continue
        et = h[":event-type"]
        events.append(et)
        if et == "contentBlockDelta":
            text += body["delta"]["text"]
        elif et == "messageStop":
            stop = body["stopReason"]
        elif et == "metadata":
            usage = body["usage"]
            latency = body["metrics"]["latencyMs"]
    return {"events": events, "text": text, "stopReason": stop, "usage": usage,
            "latencyMs": latency, "exceptions": exceptions}


def test_eventstream_vectors():
    section("Event-stream codec against the official vectors")

    def read(name):
        with open(os.path.join(EVENTSTREAM, name), "rb") as f:
            return f.read()
    ok_bin = read("converse-stream-ok.bin")
    expected = json.loads(read("converse-stream-ok.expected.json"))
    for step in (None, 1, 7):
        messages, dec = decode_all(ok_bin, step)
        s = summarize_events(messages)
        label = "whole" if step is None else "%d-byte pieces" % step
        check(s["events"] == expected["events"], "ok vector events (%s)" % label, s["events"])
        check(s["text"] == expected["text"], "ok vector text (%s)" % label, s["text"])
        check(s["stopReason"] == expected["stopReason"], "ok vector stopReason (%s)" % label)
        check(s["usage"] == expected["usage"], "ok vector usage (%s)" % label, s["usage"])
        check(s["latencyMs"] == expected["latencyMs"], "ok vector latency (%s)" % label)
        check(dec.pending() == 0, "ok vector fully consumed (%s)" % label)
    messages, _ = decode_all(ok_bin)
    reencoded = b"".join(bedrock.encode_frame(h, p) for h, p in messages)
    check(reencoded == ok_bin, "encoder reproduces the official ok vector byte for byte")
    # The server's own event builder produces the same bytes for the same content.
    first = dict(messages[0][0])
    check(first == {":event-type": "messageStart", ":content-type": "application/json",
                    ":message-type": "event"}, "header set of messageStart", first)
    rebuilt = bedrock.event_frame("messageStart", {"role": "assistant"},
                                  "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKL")
    check(rebuilt == ok_bin[:len(rebuilt)], "event_frame() matches the vector's first frame")

    throttled, _ = decode_all(read("converse-stream-throttled.bin"))
    s = summarize_events(throttled)
    check(s["events"] == ["messageStart", "contentBlockDelta"], "throttled vector events",
          s["events"])
    check(len(s["exceptions"]) == 1 and s["exceptions"][0][0] == "throttlingException",
          "throttled vector exception", s["exceptions"])
    reenc = b"".join(bedrock.encode_frame(h, p) for h, p in throttled)
    check(reenc == read("converse-stream-throttled.bin"), "encoder reproduces throttled vector")

    for name, needle in (("bad-prelude-crc.bin", "prelude"), ("bad-message-crc.bin", "message"),
                         ("absurd-length.bin", "length")):
        try:
            decode_all(read(name))
            check(False, "%s rejected" % name)
        except bedrock.EventStreamError as e:
            check(needle in str(e), "%s rejected for the right reason" % name, e)
    msgs, dec = decode_all(read("truncated.bin"))
    check(dec.pending() > 0, "truncated.bin leaves an incomplete frame pending",
          (len(msgs), dec.pending()))


# =============================================================================================
# Raw HTTP client (so the test sees exactly what the server wrote)

class Response:
    def __init__(self):
        self.status = None
        self.reason = ""
        self.headers = {}
        self.chunks = []        # each HTTP chunk as the server wrote it
        self.body = b""
        self.complete = False   # chunked terminator seen / Content-Length satisfied
        self.error = None       # connection-level error
        self.ttfb = None
        self.elapsed = None

    def json(self):
        return json.loads(self.body.decode("utf-8"))


def http_request(port, method, path, headers=(), body=b"", timeout=15, add_length=True):
    resp = Response()
    t0 = time.monotonic()
    sock = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    try:
        lines = ["%s %s HTTP/1.1" % (method, path)]
        names = [n.lower() for n, _ in headers]
        if "host" not in names:
            lines.append("Host: 127.0.0.1:%d" % port)
        for n, v in headers:
            lines.append("%s: %s" % (n, v))
        if add_length and (body or method == "POST") and "content-length" not in names:
            lines.append("Content-Length: %d" % len(body))
        lines.append("Connection: close")
        sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode("utf-8") + body)

        buf = bytearray()
        eof = False

        def more():
            nonlocal eof
            try:
                data = sock.recv(65536)
            except (ConnectionResetError, socket.timeout) as e:
                resp.error = resp.error or repr(e)
                data = b""
            if data and resp.ttfb is None:
                resp.ttfb = time.monotonic() - t0
            if not data:
                eof = True
            buf.extend(data)
            return bool(data)

        while b"\r\n\r\n" not in buf:
            if not more():
                resp.error = resp.error or "closed before headers"
                return resp
        head, _, rest = bytes(buf).partition(b"\r\n\r\n")
        buf = bytearray(rest)
        head_lines = head.decode("latin-1").split("\r\n")
        parts = head_lines[0].split(" ", 2)
        resp.status = int(parts[1])
        resp.reason = parts[2] if len(parts) > 2 else ""
        for line in head_lines[1:]:
            n, _, v = line.partition(":")
            key = n.strip().lower()
            resp.headers[key] = (resp.headers[key] + ", " if key in resp.headers else "") + v.strip()

        if resp.headers.get("transfer-encoding", "").lower() == "chunked":
            while True:
                while b"\r\n" not in buf:
                    if not more():
                        break
                if b"\r\n" not in buf:
                    break
                size_line, _, rest = bytes(buf).partition(b"\r\n")
                size = int(size_line.split(b";")[0], 16)
                buf = bytearray(rest)
                while len(buf) < size + 2:
                    if not more():
                        break
                if len(buf) < size + 2:
                    if buf:
                        resp.chunks.append(bytes(buf[:size]))
                    break
                if size == 0:
                    resp.complete = True
                    break
                resp.chunks.append(bytes(buf[:size]))
                buf = bytearray(buf[size + 2:])
            resp.body = b"".join(resp.chunks)
        elif "content-length" in resp.headers:
            want = int(resp.headers["content-length"])
            while len(buf) < want and more():
                pass
            resp.body = bytes(buf[:want])
            resp.complete = len(buf) >= want
        else:
            while more():
                pass
            resp.body = bytes(buf)
            resp.complete = True
        return resp
    finally:
        resp.elapsed = time.monotonic() - t0
        sock.close()


def start_server(script, *args):
    proc = subprocess.Popen([sys.executable, os.path.join(HERE, script), "--port", "0"] + list(args),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    line = proc.stdout.readline().decode()
    if not line.startswith("LISTENING "):
        proc.kill()
        raise RuntimeError("%s did not start: %r %s" % (script, line, proc.stderr.read()))
    return proc, int(line.split()[1])


def test_get(port, path):
    return http_request(port, "GET", path).json()


def test_post(port, path, obj=None):
    return http_request(port, "POST", path, body=json.dumps(obj or {}).encode())


# =============================================================================================
# OpenAI-compatible server

def sse_events(body):
    """Split an SSE body into data payload strings."""
    out = []
    for block in body.decode("utf-8").split("\n\n"):
        for line in block.split("\n"):
            if line.startswith("data: "):
                out.append(line[6:])
    return out


def oa_chat(port, obj, key="sk-selftest", extra=(), path="/v1/chat/completions", raw=None):
    headers = [("Content-Type", "application/json")]
    if key is not None:
        headers.append(("Authorization", "Bearer " + key))
    headers += list(extra)
    body = raw if raw is not None else json.dumps(obj, ensure_ascii=False).encode("utf-8")
    return http_request(port, "POST", path, headers, body)


def chat_body(text=UNICODE_TEXT, **kw):
    obj = {"model": "gpt-4o-mini", "messages": [{"role": "system", "content": "Be brief."},
                                                {"role": "user", "content": text}]}
    obj.update(kw)
    return obj


def test_openai():
    section("OpenAI-compatible server")
    proc, port = start_server("openai_server.py", "--api-key", "sk-selftest")
    try:
        run_openai_checks(port)
    finally:
        proc.terminate()
        proc.wait(5)
    err = proc.stderr.read().decode()
    check(err.strip() == "", "openai server quiet on stderr", err)

    # Command-line faults, global latency, finish chunk style.
    proc, port = start_server("openai_server.py", "--fault", "500", "--fail-count", "1",
                              "--latency-ms", "150", "--separate-finish-chunk", "--any-model")
    try:
        r = oa_chat(port, chat_body(model="whatever"), key=None, extra=[("X-Test-Fault", "none")])
        check(r.status == 200, "X-Test-Fault: none overrides --fault", r.status)
        r = oa_chat(port, chat_body(model="whatever"), key=None)
        check(r.status == 500 and r.json()["error"]["type"] == "server_error",
              "--fault 500 --fail-count 1: first request fails", r.status)
        check(r.elapsed >= 0.15, "--latency-ms 150 applies to an error answer too", r.elapsed)
        r = oa_chat(port, chat_body(model="whatever", stream=True), key=None)
        check(r.status == 200, "--fail-count 1: second request succeeds", r.status)
        check(r.elapsed >= 0.15, "--latency-ms 150 applied", r.elapsed)
        stacked = oa_chat(port, chat_body(model="whatever"), key=None,
                          extra=[("X-Test-Fault", "latency"), ("X-Test-Delay-Ms", "200")])
        check(stacked.status == 200 and stacked.elapsed >= 0.35, "the latency fault adds to --latency-ms",
              stacked.elapsed)
        events = sse_events(r.body)
        chunks = [json.loads(e) for e in events[:-1]]
        check(chunks[-1]["choices"][0]["delta"] == {} and
              chunks[-1]["choices"][0]["finish_reason"] == "stop" and
              all(c["choices"][0]["finish_reason"] is None for c in chunks[:-1]),
              "--separate-finish-chunk puts finish_reason in its own empty-delta chunk")
    finally:
        proc.terminate()
        proc.wait(5)


def run_openai_checks(port):
    # models
    r = http_request(port, "GET", "/v1/models", [("Authorization", "Bearer sk-selftest")])
    ids = [m["id"] for m in r.json()["data"]]
    check(r.status == 200 and "gpt-4o-mini" in ids, "GET /v1/models lists models", ids)
    r = http_request(port, "GET", "/v1/models")
    check(r.status == 401, "GET /v1/models without key is 401", r.status)

    # non-streaming happy path, three path spellings
    for path in ("/v1/chat/completions", "/chat/completions", "/proxy/openai/v1/chat/completions"):
        r = oa_chat(port, chat_body(), path=path)
        check(r.status == 200, "chat on %s" % path, (r.status, r.body[:200]))
    obj = r.json()
    check(obj["object"] == "chat.completion", "object chat.completion")
    msg = obj["choices"][0]["message"]
    check(msg["role"] == "assistant" and msg["content"] == "Echo: " + UNICODE_TEXT,
          "reply echoes the last user message, non-ASCII intact", msg)
    check(obj["choices"][0]["finish_reason"] == "stop", "finish_reason stop")
    check(obj["usage"] == {"prompt_tokens": 6, "completion_tokens": 5, "total_tokens": 11},
          "usage counts whitespace words", obj["usage"])

    # auth
    r = oa_chat(port, chat_body(), key=None)
    check(r.status == 401 and r.json()["error"]["type"] == "invalid_request_error",
          "missing bearer key is 401", r.body[:200])
    r = oa_chat(port, chat_body(), key="sk-wrong-key-0000")
    e = r.json()["error"]
    check(r.status == 401 and e["code"] == "invalid_api_key" and "sk-wrong" not in e["message"],
          "wrong key is 401 invalid_api_key, key masked", e)

    # validation
    cases = [
        (b"{not json", None, None, "invalid JSON"),
        (json.dumps({"messages": [{"role": "user", "content": "x"}]}).encode(), None, None,
         "missing model"),
        (json.dumps({"model": "gpt-4o-mini"}).encode(), "messages", "missing_required_parameter",
         "missing messages"),
        (json.dumps({"model": "gpt-4o-mini", "messages": []}).encode(), "messages", "empty_array",
         "empty messages"),
        (json.dumps({"model": "gpt-4o-mini", "messages": "hi"}).encode(), "messages",
         "invalid_type", "messages not a list"),
        (json.dumps({"model": "gpt-4o-mini", "messages": [{"role": "robot", "content": "x"}]})
         .encode(), "messages[0].role", "invalid_value", "unknown role"),
        (json.dumps({"model": "gpt-4o-mini", "messages": [{"role": "user"}]}).encode(),
         "messages[0].content", "missing_required_parameter", "missing content"),
        (json.dumps(chat_body(max_tokens=0)).encode(), "max_tokens", "integer_below_min_value",
         "max_tokens 0"),
        (json.dumps(chat_body(temperature=3)).encode(), "temperature", "decimal_above_max_value",
         "temperature 3"),
        (json.dumps(chat_body(stream="yes")).encode(), "stream", "invalid_type", "stream string"),
        (json.dumps(chat_body(stream_options={"include_usage": True})).encode(), "stream_options",
         None, "stream_options without stream"),
        (json.dumps(chat_body(stop=["a", "b", "c", "d", "e"])).encode(), "stop",
         "array_above_max_length", "five stop sequences"),
    ]
    for raw, param, code, what in cases:
        r = oa_chat(port, None, raw=raw)
        try:
            e = r.json()["error"]
        except (ValueError, KeyError):
            e = {}
        check(r.status == 400 and e.get("type") == "invalid_request_error" and
              e.get("param") == param and e.get("code") == code and e.get("message"),
              "400 for %s" % what, (r.status, r.body[:300]))
    r = oa_chat(port, chat_body(model="no-such-model"))
    check(r.status == 404 and r.json()["error"]["code"] == "model_not_found",
          "unknown model is 404 model_not_found", r.body[:200])
    r = oa_chat(port, {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": [
        {"type": "text", "text": "part one"}, {"type": "text", "text": "part two"}]}]})
    check(r.status == 200 and r.json()["choices"][0]["message"]["content"] ==
          "Echo: part one\npart two", "content-part arrays accepted", r.body[:300])

    # max_tokens and stop
    r = oa_chat(port, chat_body(max_tokens=2))
    o = r.json()
    check(o["choices"][0]["message"]["content"] == "Echo: Héllo " and
          o["choices"][0]["finish_reason"] == "length" and o["usage"]["completion_tokens"] == 2,
          "max_tokens 2 stops with length", o["choices"][0])
    r = oa_chat(port, chat_body(stop=["wörld"]))
    o = r.json()
    check(o["choices"][0]["message"]["content"] == "Echo: Héllo " and
          o["choices"][0]["finish_reason"] == "stop", "stop sequence cuts before it", o["choices"])

    # streaming with usage
    r = oa_chat(port, chat_body(stream=True, stream_options={"include_usage": True}))
    check(r.status == 200 and r.headers.get("content-type", "").startswith("text/event-stream"),
          "stream content type", r.headers)
    check(r.complete, "stream ends with chunked terminator")
    events = sse_events(r.body)
    check(events[-1] == "[DONE]", "stream ends with [DONE]", events[-1:])
    chunks = [json.loads(e) for e in events[:-1]]
    check(chunks[0]["choices"][0]["delta"].get("role") == "assistant", "first chunk has role")
    content_chunks = [c for c in chunks if c["choices"] and c["choices"][0]["delta"].get("content")]
    text = "".join(c["choices"][0]["delta"]["content"] for c in content_chunks)
    check(text == "Echo: " + UNICODE_TEXT, "streamed text", text)
    check(len(content_chunks) == 5, "one delta per word", len(content_chunks))
    check(content_chunks[-1]["choices"][0]["finish_reason"] == "stop" and
          all(c["choices"][0]["finish_reason"] is None for c in content_chunks[:-1]),
          "finish_reason in the last content chunk only")
    check(chunks[-1]["choices"] == [] and chunks[-1]["usage"] ==
          {"prompt_tokens": 6, "completion_tokens": 5, "total_tokens": 11},
          "final usage chunk with empty choices", chunks[-1])
    check(all(c["object"] == "chat.completion.chunk" for c in chunks), "chunk objects")
    check(all("usage" in c and c["usage"] is None for c in chunks[:-1]),
          "usage: null on the other chunks when include_usage")
    # awkward writes: some chunk boundary falls inside a UTF-8 sequence and inside a line
    mid_utf8 = any(c and (c[-1] & 0xC0 == 0xC0 or c[0] & 0xC0 == 0x80) for c in r.chunks)
    check(mid_utf8, "a write boundary splits a UTF-8 sequence")
    check(any(not c.endswith(b"\n\n") for c in r.chunks), "a write boundary splits an SSE line")
    check(any(c.count(b"data: ") >= 2 or (b"\n\ndata" in c) for c in r.chunks),
          "a write carries the end of one event and the start of the next")

    r = oa_chat(port, chat_body(stream=True, max_tokens=3))
    events = sse_events(r.body)
    chunks = [json.loads(e) for e in events[:-1]]
    check(all("usage" not in c for c in chunks) and events[-1] == "[DONE]",
          "no usage without include_usage")
    check(chunks[-1]["choices"][0]["finish_reason"] == "length", "stream max_tokens -> length")

    # scripted replies
    r = oa_chat(port, chat_body(), extra=[("X-Test-Reply", urllib.parse.quote('{"score": 1}'))])
    check(r.json()["choices"][0]["message"]["content"] == '{"score": 1}', "X-Test-Reply override")
    test_post(port, "/_test/replies", [{"contains": "judge this", "reply": "VERDICT: 1"}])
    r = oa_chat(port, chat_body("please judge this statement"))
    check(r.json()["choices"][0]["message"]["content"] == "VERDICT: 1", "reply rule matched")
    test_post(port, "/_test/replies", [{"contains": "vary", "reply": "one", "then": ["two", "three"]}])
    seen = [oa_chat(port, chat_body("vary please")).json()["choices"][0]["message"]["content"] for _ in range(4)]
    check(seen == ["one", "two", "three", "one"], "a rule with then cycles through its replies", seen)
    # A rule's fault picks requests by their prompt, for its first fault_count matches.
    test_post(port, "/_test/replies", [{"contains": "item-3", "reply": "fine", "fault": "429",
                                        "retry_after": "", "fault_count": 1},
                                       {"contains": "item-4", "reply": "fine", "fault": "500"}])
    r = oa_chat(port, chat_body("about item-3"))
    check(r.status == 429 and r.headers.get("retry-after") is None, "rule fault: 429 without Retry-After",
          (r.status, r.headers.get("retry-after")))
    r = oa_chat(port, chat_body("about item-3"))
    check(r.status == 200 and r.json()["choices"][0]["message"]["content"] == "fine",
          "rule fault: fault_count 1, then the rule's reply", r.status)
    check(oa_chat(port, chat_body("about item-4")).status == 500 and oa_chat(port, chat_body("item-5")).status == 200,
          "rule fault: only the matching prompt fails")

    # faults
    test_post(port, "/_test/reset")
    statuses = []
    for _ in range(3):
        r = oa_chat(port, chat_body(), extra=[("X-Test-Fault", "429"), ("X-Test-Fail-Count", "2"),
                                              ("X-Test-Key", "k1"), ("X-Test-Retry-After", "0.2")])
        statuses.append((r.status, r.headers.get("retry-after")))
    check(statuses == [(429, "0.2"), (429, "0.2"), (200, None)],
          "429 twice with Retry-After 0.2 then success", statuses)
    r = oa_chat(port, chat_body(), extra=[("X-Test-Fault", "429"), ("X-Test-Fail-Count", "2"),
                                          ("X-Test-Key", "k2")])
    check(r.status == 429 and r.headers.get("retry-after") == "1" and
          r.json()["error"]["code"] == "rate_limit_exceeded",
          "429 counted per X-Test-Key (k2 fails, default Retry-After 1)", statuses)
    r = oa_chat(port, chat_body(), extra=[("X-Test-Fault", "500"), ("X-Test-Fail-Count", "1"),
                                          ("X-Test-Key", "k3")])
    r2 = oa_chat(port, chat_body(), extra=[("X-Test-Fault", "500"), ("X-Test-Fail-Count", "1"),
                                           ("X-Test-Key", "k3")])
    check(r.status == 500 and r.json()["error"]["type"] == "server_error" and r2.status == 200,
          "500 once then success", (r.status, r2.status))
    r = oa_chat(port, chat_body(), extra=[("X-Test-Fault", "503")])
    check(r.status == 503, "503 fault", r.status)

    r = oa_chat(port, chat_body(stream=True, stream_options={"include_usage": True}),
                extra=[("X-Test-Fault", "truncate")])
    ev = sse_events(r.body)
    check(r.status == 200 and not r.complete and "[DONE]" not in ev and
          not any('"usage":{' in e for e in ev), "truncate: no terminator, no [DONE], no usage",
          (r.complete, ev[-2:]))
    r = oa_chat(port, chat_body(), extra=[("X-Test-Fault", "truncate")])
    check(r.status == 200 and not r.complete, "truncate (non-stream): short body", r.complete)

    r = oa_chat(port, chat_body(stream=True), extra=[("X-Test-Fault", "malformed")])
    bad = 0
    for e in sse_events(r.body)[:-1]:
        try:
            json.loads(e)
        except ValueError:
            bad += 1
    check(bad == 1 and sse_events(r.body)[-1] == "[DONE]", "malformed: one broken data line", bad)
    r = oa_chat(port, chat_body(), extra=[("X-Test-Fault", "malformed")])
    try:
        r.json()
        check(False, "malformed (non-stream): body is broken JSON")
    except ValueError:
        check(r.status == 200, "malformed (non-stream): 200 with broken JSON")

    r = oa_chat(port, chat_body(stream=True), extra=[("X-Test-Fault", "slow-first-byte"),
                                                     ("X-Test-Delay-Ms", "300")])
    check(r.status == 200 and r.ttfb >= 0.3, "slow-first-byte delays the first byte", r.ttfb)
    r = oa_chat(port, chat_body(), extra=[("X-Test-Fault", "latency"), ("X-Test-Delay-Ms", "200")])
    check(r.status == 200 and r.elapsed >= 0.2, "latency fault", r.elapsed)
    r = oa_chat(port, chat_body(stream=True), extra=[("X-Test-Token-Delay-Ms", "40")])
    check(r.status == 200 and r.elapsed >= 0.2, "token delay spreads the stream", r.elapsed)
    r = oa_chat(port, chat_body(), extra=[("X-Test-Fault", "drop")])
    check(r.status is None, "drop: connection closed without a response", r.error)
    r = oa_chat(port, chat_body(), extra=[("X-Test-Fault", "reset")])
    check(r.status is None, "reset: no response", r.error)
    r = oa_chat(port, chat_body(), extra=[("X-Test-Fault", "no-such-fault")])
    check(r.status == 400 and "unknown X-Test-Fault" in r.body.decode(), "unknown fault named",
          r.body[:200])

    # concurrency: 8 requests with 300 ms latency finish together
    results = []

    def one():
        results.append(oa_chat(port, chat_body(), extra=[("X-Test-Fault", "latency"),
                                                          ("X-Test-Delay-Ms", "300")]).status)
    t0 = time.monotonic()
    threads = [threading.Thread(target=one) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.monotonic() - t0
    check(results == [200] * 8 and wall < 1.2, "8 concurrent 300 ms requests overlap", wall)
    stats = test_get(port, "/_test/stats")
    check(stats["max_in_flight"] >= 4, "stats report max_in_flight", stats)

    # log and reset
    log = test_get(port, "/_test/requests")
    verdicts = [e["verdict"] for e in log]
    check(any(v == "fault:429" for v in verdicts) and any(v == "ok" for v in verdicts),
          "request log has verdicts", verdicts[:6])
    check(all({"method", "path", "headers", "body", "verdict"} <= set(e) for e in log),
          "log entries have method, path, headers, body, verdict")
    check(not any(e["path"].startswith("/_test") for e in log), "test endpoints not logged")
    test_post(port, "/_test/reset")
    check(test_get(port, "/_test/requests") == [], "reset clears the log")


# =============================================================================================
# Bedrock server

def bedrock_request(port, model_id=MODEL, op="converse", obj=None, raw=None, akid=AKID,
                    secret=SECRET, region="us-east-1", service="bedrock", amz_date=None,
                    token=None, sign_token=True, extra=(), tamper=None, single_encode=False,
                    content_sha=False, path=None):
    """Sign like an AWS SDK: the model id is percent-encoded on the wire and encoded again in the
    canonical URI. `single_encode` reproduces the classic client bug of signing the wire path."""
    if path is None:
        path = "/model/%s/%s" % (urllib.parse.quote(model_id, safe=""), op)
    body = raw if raw is not None else json.dumps(obj if obj is not None else converse_body(),
                                                  ensure_ascii=False).encode("utf-8")
    amz_date = amz_date or amz_now()
    headers = [("Host", "127.0.0.1:%d" % port), ("Content-Type", "application/json"),
               ("X-Amz-Date", amz_date)]
    if content_sha:
        headers.append(("X-Amz-Content-Sha256", hashlib.sha256(body).hexdigest()))
    if token and sign_token:
        headers.append(("X-Amz-Security-Token", token))
    sign_path = urllib.parse.unquote(path) if single_encode else path
    auth = sign_headers("POST", sign_path, "", headers, body, akid, secret, region, service,
                        amz_date)
    headers.append(("Authorization", auth))
    if token and not sign_token:
        headers.append(("X-Amz-Security-Token", token))
    if tamper == "body":
        body = body.replace(b"Echo", b"Echa") if b"Echo" in body else body + b" "
    headers += list(extra)
    return http_request(port, "POST", path, headers, body)


def converse_body(text=UNICODE_TEXT, **config):
    obj = {"messages": [{"role": "user", "content": [{"text": text}]}],
           "system": [{"text": "Be brief."}]}
    if config:
        obj["inferenceConfig"] = config
    return obj


def stream_summary(resp):
    dec = bedrock.EventStreamDecoder()
    messages = dec.feed(resp.body)
    s = summarize_events(messages)
    s["pending"] = dec.pending()
    s["frames"] = messages
    return s


def chunk_boundaries_in_frames(resp):
    """Where, relative to each frame, did the server's writes end?"""
    positions = []
    offset = 0
    frame_starts = []
    data = resp.body
    i = 0
    while i + 12 <= len(data):
        total = int.from_bytes(data[i:i + 4], "big")
        headers_len = int.from_bytes(data[i + 4:i + 8], "big")
        frame_starts.append((i, total, headers_len))
        i += total
    for c in resp.chunks[:-1]:
        offset += len(c)
        for start, total, hl in frame_starts:
            if start < offset < start + total:
                rel = offset - start
                if rel < 8:
                    positions.append("prelude")
                elif rel < 12:
                    positions.append("prelude-crc")
                elif rel < 12 + hl:
                    positions.append("headers")
                elif rel < total - 4:
                    positions.append("payload")
                else:
                    positions.append("message-crc")
    return positions


def expect_aws_error(r, status, error_type, what, message_part=None):
    try:
        msg = r.json().get("message", "")
    except ValueError:
        msg = ""
    ok = (r.status == status and r.headers.get("x-amzn-errortype", "").split(":")[0] == error_type
          and (message_part is None or message_part in msg))
    check(ok, what, (r.status, r.headers.get("x-amzn-errortype"), msg[:300]))


def test_bedrock():
    section("Bedrock Runtime server")
    proc, port = start_server("bedrock_server.py", "--access-key", AKID, "--secret-key", SECRET,
                              "--region", "us-east-1")
    try:
        run_bedrock_checks(port)
    finally:
        proc.terminate()
        proc.wait(5)
    err = proc.stderr.read().decode()
    check(err.strip() == "", "bedrock server quiet on stderr", err)

    section("Bedrock server with session credentials")
    proc, port = start_server("bedrock_server.py", "--access-key", "ASIASELFTEST", "--secret-key",
                              SECRET, "--session-token", "TOKEN/abc+def==", "--region", "eu-west-1")
    try:
        kw = dict(akid="ASIASELFTEST", region="eu-west-1")
        r = bedrock_request(port, token="TOKEN/abc+def==", **kw)
        check(r.status == 200, "signed session token accepted", (r.status, r.body[:300]))
        r = bedrock_request(port, token="TOKEN/abc+def==", sign_token=False, **kw)
        check(r.status == 200, "unsigned session token header accepted (as AWS does)",
              (r.status, r.body[:300]))
        r = bedrock_request(port, **kw)
        expect_aws_error(r, 403, "UnrecognizedClientException", "missing session token rejected")
        r = bedrock_request(port, token="TOKEN/wrong", **kw)
        expect_aws_error(r, 403, "UnrecognizedClientException", "wrong session token rejected")
        r = bedrock_request(port, token="TOKEN/abc+def==", extra=[("X-Test-Fault", "expired-token")],
                            **kw)
        expect_aws_error(r, 403, "ExpiredTokenException", "expired-token fault")
        r = bedrock_request(port, akid="ASIASELFTEST", token="TOKEN/abc+def==")
        expect_aws_error(r, 403, "InvalidSignatureException", "region scope must match --region",
                         "region")
    finally:
        proc.terminate()
        proc.wait(5)

    proc, port = start_server("bedrock_server.py", "--access-key", AKID, "--secret-key", SECRET,
                              "--session-token", "TOK", "--expired-token", "--error-type-suffix")
    try:
        r = bedrock_request(port, token="TOK")
        expect_aws_error(r, 403, "ExpiredTokenException", "--expired-token rejects the token")
        check(r.headers.get("x-amzn-errortype", "").startswith("ExpiredTokenException:http"),
              "--error-type-suffix adds the coral suffix", r.headers.get("x-amzn-errortype"))
    finally:
        proc.terminate()
        proc.wait(5)

    # Fixed clock, latency, no-split
    proc, port = start_server("bedrock_server.py", "--now", "20150830T123600Z", "--latency-ms", "100",
                              "--no-split", "--no-padding", "--any-model")
    try:
        r = bedrock_request(port, model_id="some.unknown-model-v9:0", akid="AKIDEXAMPLE",
                            secret="wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
                            amz_date="20150830T123400Z", op="converse-stream")
        s = stream_summary(r)
        check(r.status == 200 and s["text"] == "Echo: " + UNICODE_TEXT,
              "--now fixed clock, default credentials, --any-model", (r.status, r.body[:300]))
        check(r.elapsed >= 0.1, "--latency-ms applied", r.elapsed)
        check(len(r.chunks) == len(s["frames"]), "--no-split writes one frame per chunk",
              (len(r.chunks), len(s["frames"])))
        check(all(b'"p"' not in p for _, p in s["frames"]), "--no-padding omits p")
    finally:
        proc.terminate()
        proc.wait(5)


def run_bedrock_checks(port):
    # Happy path Converse
    r = bedrock_request(port)
    check(r.status == 200, "correctly signed Converse accepted", (r.status, r.body[:400]))
    o = r.json()
    check(o["output"]["message"] == {"role": "assistant",
                                     "content": [{"text": "Echo: " + UNICODE_TEXT}]},
          "Converse output message", o.get("output"))
    check(o["stopReason"] == "end_turn", "stopReason end_turn")
    check(o["usage"] == {"inputTokens": 6, "outputTokens": 5, "totalTokens": 11}, "usage",
          o.get("usage"))
    check(isinstance(o["metrics"]["latencyMs"], int), "metrics.latencyMs")
    check(bool(r.headers.get("x-amzn-requestid")), "x-amzn-RequestId header")
    log = test_get(port, "/_test/requests")
    check(log[-1]["path"].startswith("/model/anthropic.claude-3-haiku-20240307-v1%3A0/") and
          "%253A0" in log[-1]["sigv4"]["canonical_request"] and
          log[-1]["model_id"] == MODEL, "wire path %3A, canonical %253A, decoded model id",
          log[-1].get("sigv4"))
    r = bedrock_request(port, content_sha=True)
    check(r.status == 200, "signed x-amz-content-sha256 accepted", r.status)

    # Signature failures
    r = bedrock_request(port, tamper="body")
    expect_aws_error(r, 403, "InvalidSignatureException", "tampered body rejected",
                     "The request signature we calculated does not match the signature you provided")
    check("%253A" in r.json()["message"], "mismatch message shows the expected canonical request")
    r = bedrock_request(port, single_encode=True)
    expect_aws_error(r, 403, "InvalidSignatureException",
                     "path signed without encoding the segments again is rejected")
    r = bedrock_request(port, secret="not-the-secret")
    expect_aws_error(r, 403, "InvalidSignatureException", "wrong secret rejected")
    r = bedrock_request(port, akid="AKIDUNKNOWN")
    expect_aws_error(r, 403, "UnrecognizedClientException", "unknown access key rejected",
                     "security token included in the request is invalid")
    r = bedrock_request(port, region="us-west-2")
    expect_aws_error(r, 403, "InvalidSignatureException", "wrong region rejected")
    r = bedrock_request(port, service="sagemaker")
    expect_aws_error(r, 403, "InvalidSignatureException", "wrong service rejected", "bedrock")
    r = bedrock_request(port, amz_date=amz_now(-600))
    expect_aws_error(r, 403, "InvalidSignatureException", "10-minute-old date rejected",
                     "Signature expired")
    r = bedrock_request(port, amz_date=amz_now(+600))
    expect_aws_error(r, 403, "InvalidSignatureException", "10-minute-future date rejected",
                     "not yet current")
    r = bedrock_request(port, amz_date=amz_now(-200))
    check(r.status == 200, "date within 5 minutes accepted", r.status)
    r = bedrock_request(port, token="UNEXPECTED")
    expect_aws_error(r, 403, "UnrecognizedClientException", "token sent for a long-term key")
    r = bedrock_request(port, extra=[("X-Amz-Content-Sha256", "0" * 64)])
    expect_aws_error(r, 403, "InvalidSignatureException", "x-amz-content-sha256 mismatch rejected")
    r = http_request(port, "POST", "/model/%s/converse" % urllib.parse.quote(MODEL, safe=""),
                     [("Content-Type", "application/json")], json.dumps(converse_body()).encode())
    expect_aws_error(r, 403, "MissingAuthenticationTokenException", "unsigned request rejected")
    r = http_request(port, "POST", "/model/x/converse", [("Authorization", "Bearer abc")], b"{}")
    expect_aws_error(r, 400, "IncompleteSignatureException", "non-SigV4 Authorization rejected")
    # The signed header set is exactly what was sent: a header changed after signing fails.
    amz = amz_now()
    body = json.dumps(converse_body()).encode()
    path = "/model/%s/converse" % urllib.parse.quote(MODEL, safe="")
    hdrs = [("Host", "127.0.0.1:%d" % port), ("Content-Type", "application/json"),
            ("X-Amz-Date", amz)]
    auth = sign_headers("POST", path, "", hdrs, body, AKID, SECRET, "us-east-1", "bedrock", amz)
    hdrs2 = [("Host", "127.0.0.1:%d" % port), ("Content-Type", "application/json; charset=utf-8"),
             ("X-Amz-Date", amz), ("Authorization", auth)]
    r = http_request(port, "POST", path, hdrs2, body)
    expect_aws_error(r, 403, "InvalidSignatureException", "header changed after signing rejected")

    # Model and body validation
    r = bedrock_request(port, model_id="anthropic.claude-nope-v1:0")
    expect_aws_error(r, 400, "ValidationException", "unknown model rejected",
                     "The provided model identifier is invalid.")
    r = bedrock_request(port, model_id="arn:aws:bedrock:us-east-1::foundation-model/" + MODEL)
    check(r.status == 200, "model ARN (with %2F and %3A on the wire) accepted", r.status)
    bad_bodies = [
        ({"system": [{"text": "x"}]}, "Value null at 'messages'", "missing messages"),
        ({"messages": [{"role": "system", "content": [{"text": "x"}]}]},
         "enum value set: [user, assistant]", "bad role"),
        ({"messages": [{"role": "user", "content": "x"}]}, "be a list", "content not a list"),
        ({"messages": [{"role": "assistant", "content": [{"text": "x"}]}]},
         "must start with a user message", "first message from assistant"),
        ({"messages": [{"role": "user", "content": [{"text": "a"}]},
                       {"role": "user", "content": [{"text": "b"}]}]},
         "alternate between user and assistant", "two user messages in a row"),
        ({"messages": [{"role": "user", "content": [{"text": "  "}]}]}, "is blank",
         "blank text"),
        (converse_body(maxTokens=0), "inferenceConfig.maxTokens", "maxTokens 0"),
        (converse_body(temperature=1.5), "inferenceConfig.temperature", "temperature 1.5"),
        (converse_body(topP="high"), "inferenceConfig.topP", "topP string"),
        (converse_body(stopSequences="END"), "inferenceConfig.stopSequences", "stop not a list"),
        ({"messages": [{"role": "user", "content": [{"txt": "x"}]}]}, "union members",
         "unknown content block member"),
    ]
    for obj, needle, what in bad_bodies:
        r = bedrock_request(port, obj=obj)
        expect_aws_error(r, 400, "ValidationException", "ValidationException for %s" % what,
                         needle)
    r = bedrock_request(port, raw=b"{broken")
    expect_aws_error(r, 400, "ValidationException", "ValidationException for broken JSON")

    # maxTokens / stopSequences
    o = bedrock_request(port, obj=converse_body(maxTokens=2)).json()
    check(o["stopReason"] == "max_tokens" and o["output"]["message"]["content"][0]["text"] ==
          "Echo: Héllo " and o["usage"]["outputTokens"] == 2, "maxTokens -> max_tokens", o)
    o = bedrock_request(port, obj=converse_body(stopSequences=["返品"])).json()
    check(o["stopReason"] == "stop_sequence" and o["output"]["message"]["content"][0]["text"] ==
          "Echo: Héllo wörld ", "stopSequences -> stop_sequence", o)

    # ConverseStream
    r = bedrock_request(port, op="converse-stream")
    check(r.status == 200 and r.headers.get("content-type") == "application/vnd.amazon.eventstream",
          "ConverseStream content type", (r.status, r.headers, r.body[:300]))
    check(r.complete, "ConverseStream ends with chunked terminator")
    s = stream_summary(r)
    check(s["events"] == ["messageStart"] + ["contentBlockDelta"] * 5 +
          ["contentBlockStop", "messageStop", "metadata"], "ConverseStream event order",
          s["events"])
    check(s["text"] == "Echo: " + UNICODE_TEXT, "ConverseStream text", s["text"])
    check(s["stopReason"] == "end_turn" and s["usage"] ==
          {"inputTokens": 6, "outputTokens": 5, "totalTokens": 11}, "ConverseStream usage",
          s["usage"])
    check(isinstance(s["latencyMs"], int) and s["pending"] == 0, "metadata latency, nothing left")
    frame_types = {dict(h).get(":message-type") for h, _ in s["frames"]}
    check(frame_types == {"event"} and all(dict(h).get(":content-type") == "application/json"
                                           for h, _ in s["frames"]), "frame headers")
    where = set(chunk_boundaries_in_frames(r))
    check({"prelude", "prelude-crc", "headers", "payload", "message-crc"} <= where,
          "writes split inside prelude, prelude CRC, headers, payload and message CRC", where)
    check(any(c for c in r.chunks if len(c) > 4) and len(r.chunks) > 3 * len(s["frames"]),
          "many small writes", len(r.chunks))
    # decoding the stream exactly in the pieces the server wrote gives the same result
    dec = bedrock.EventStreamDecoder()
    pieced = []
    for c in r.chunks:
        pieced += dec.feed(c)
    check(summarize_events(pieced)["text"] == s["text"], "piecewise decode of the real stream")

    r = bedrock_request(port, op="converse-stream", obj=converse_body(maxTokens=3))
    s = stream_summary(r)
    check(s["stopReason"] == "max_tokens" and s["usage"]["outputTokens"] == 3,
          "stream maxTokens", s["stopReason"])

    # Faults
    test_post(port, "/_test/reset")
    got = []
    for _ in range(3):
        r = bedrock_request(port, extra=[("X-Test-Fault", "429"), ("X-Test-Fail-Count", "2"),
                                         ("X-Test-Key", "b1")])
        got.append((r.status, r.headers.get("x-amzn-errortype")))
    check(got == [(429, "ThrottlingException"), (429, "ThrottlingException"), (200, None)],
          "429 ThrottlingException twice then success", got)
    r = bedrock_request(port, extra=[("X-Test-Fault", "429"), ("X-Test-Retry-After", "0.2")])
    check(r.status == 429 and r.headers.get("retry-after") == "0.2",
          "Retry-After only when asked for", r.headers)
    r = bedrock_request(port, op="converse-stream", extra=[("X-Test-Fault", "500"),
                                                           ("X-Test-Fail-Count", "1"),
                                                           ("X-Test-Key", "b2")])
    expect_aws_error(r, 500, "InternalServerException", "500 InternalServerException")
    r = bedrock_request(port, op="converse-stream", extra=[("X-Test-Fault", "500"),
                                                           ("X-Test-Fail-Count", "1"),
                                                           ("X-Test-Key", "b2")])
    check(r.status == 200, "500 once then success", r.status)
    r = bedrock_request(port, extra=[("X-Test-Fault", "503")])
    expect_aws_error(r, 503, "ServiceUnavailableException", "503 ServiceUnavailableException")
    r = bedrock_request(port, extra=[("X-Test-Fault", "access-denied")])
    expect_aws_error(r, 403, "AccessDeniedException", "access-denied fault")

    r = bedrock_request(port, op="converse-stream", extra=[("X-Test-Fault", "throttle-stream")])
    s = stream_summary(r)
    check(r.status == 200 and s["events"] == ["messageStart", "contentBlockDelta"] and
          [e[0] for e in s["exceptions"]] == ["throttlingException"],
          "throttle-stream: exception frame after one delta", (s["events"], s["exceptions"]))
    exc = [h for h, _ in s["frames"] if dict(h).get(":message-type") == "exception"]
    check(len(exc) == 1 and dict(exc[0]).get(":exception-type") == "throttlingException",
          ":message-type exception, :exception-type throttlingException")
    r = bedrock_request(port, op="converse-stream", extra=[("X-Test-Fault", "model-stream-error")])
    s = stream_summary(r)
    check([e[0] for e in s["exceptions"]] == ["modelStreamErrorException"],
          "model-stream-error exception frame", s["exceptions"])

    r = bedrock_request(port, op="converse-stream", extra=[("X-Test-Fault", "truncate")])
    dec = bedrock.EventStreamDecoder()
    msgs = dec.feed(r.body)
    s = summarize_events(msgs)
    check(r.status == 200 and not r.complete and dec.pending() > 0 and
          "metadata" not in s["events"], "truncate: partial frame, no terminator, no metadata",
          (r.complete, dec.pending(), s["events"]))
    r = bedrock_request(port, extra=[("X-Test-Fault", "truncate")])
    check(r.status == 200 and not r.complete, "truncate (Converse): short body")

    r = bedrock_request(port, op="converse-stream", extra=[("X-Test-Fault", "malformed")])
    try:
        bedrock.EventStreamDecoder().feed(r.body)
        check(False, "malformed: a frame with a bad CRC")
    except bedrock.EventStreamError as e:
        check("checksum" in str(e), "malformed: decoder reports a checksum mismatch", e)
    r = bedrock_request(port, op="converse-stream", extra=[("X-Test-Fault", "malformed-json")])
    msgs = bedrock.EventStreamDecoder().feed(r.body)
    broken = 0
    for _, p in msgs:
        try:
            json.loads(p)
        except ValueError:
            broken += 1
    check(broken == 1, "malformed-json: one valid frame with broken JSON", broken)
    r = bedrock_request(port, extra=[("X-Test-Fault", "malformed")])
    try:
        r.json()
        check(False, "malformed (Converse): broken JSON body")
    except ValueError:
        check(r.status == 200, "malformed (Converse): 200 with broken JSON")

    r = bedrock_request(port, op="converse-stream", extra=[("X-Test-Fault", "slow-first-byte"),
                                                           ("X-Test-Delay-Ms", "300")])
    check(r.status == 200 and r.ttfb >= 0.3, "slow-first-byte", r.ttfb)
    r = bedrock_request(port, extra=[("X-Test-Fault", "latency"), ("X-Test-Delay-Ms", "200")])
    check(r.status == 200 and r.elapsed >= 0.2 and r.json()["metrics"]["latencyMs"] >= 200,
          "latency fault (and metrics.latencyMs reflects it)", r.elapsed)
    r = bedrock_request(port, extra=[("X-Test-Fault", "drop")])
    check(r.status is None, "drop: no response", r.error)

    log = test_get(port, "/_test/requests")
    check(any(e["verdict"] == "fault:429" for e in log) and
          any(e["verdict"] == "fault:throttle-stream" for e in log),
          "request log verdicts", [e["verdict"] for e in log][:8])
    test_post(port, "/_test/reset")
    check(test_get(port, "/_test/requests") == [], "reset clears the log")
    r = bedrock_request(port)
    log = test_get(port, "/_test/requests")
    check(len(log) == 1 and log[0]["verdict"] == "ok" and "authorization" in log[0]["headers"],
          "log after reset", log)


def main():
    started = time.monotonic()
    for test in (test_sigv4_suite, test_eventstream_vectors, test_openai, test_bedrock):
        try:
            test()
        except Exception as e:  # a failed expectation that broke the rest of its section
            import traceback
            traceback.print_exc()
            check(False, "%s stopped early" % test.__name__, repr(e))
    import selftest_registry  # the registry servers' checks, sharing this module's helpers
    selftest_registry.run(sys.modules[__name__])
    import selftest_guardrails  # guardrails, ApplyGuardrail and the Agent Runtime server
    selftest_guardrails.run(sys.modules[__name__])
    print("%d checks passed, %d failed (%.1f s)" % (passes, len(failures),
                                                    time.monotonic() - started))
    if failures:
        print("FAILED:")
        for f in failures:
            print("  - " + f[:300])
        sys.exit(1)
    print("selftest OK")


if __name__ == "__main__":
    main()
