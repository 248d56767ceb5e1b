#!/usr/bin/env python3
"""Protocol-faithful local OpenAI-compatible chat server for tests (standard library only).

POST .../chat/completions   (any path ending so: /v1/chat/completions, /chat/completions, /x/v1/...)
GET  .../models             lists the configured models

Checks what the real API checks (JSON body, model, messages, parameter types and ranges, bearer
key) and answers with OpenAI-style error objects. Replies are deterministic: "Echo: " + the text of
the last user message, one delta per whitespace-separated word; a token is one such word.
See README.md in this directory for flags, X-Test-* headers and the /_test endpoints.

On start it prints exactly one line "LISTENING <port>" on stdout.
"""

import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import testserver_common as common  # noqa: E402

DEFAULT_MODELS = ("gpt-4o-mini", "gpt-4o", "test-model")
FAULTS = common.COMMON_FAULTS
ROLES = ("system", "assistant", "user", "function", "tool", "developer")
ROLE_LIST_TEXT = "'system', 'assistant', 'user', 'function', 'tool', and 'developer'"
FINGERPRINT = "fp_testserver"
OWNED_BY = "genaiops-test"
MAX_STOP_SEQUENCES = 4


class ApiError(Exception):
    def __init__(self, status, message, param=None, code=None, err_type="invalid_request_error",
                 headers=(), fault=None):
        super().__init__(message)
        self.fault = fault
        self.status = status
        self.message = message
        self.param = param
        self.code = code
        self.err_type = err_type
        self.headers = list(headers)

    def body(self):
        return {"error": {"message": self.message, "type": self.err_type, "param": self.param,
                          "code": self.code}}


def json_type_name(value):
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a decimal"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"


def invalid_type(param, expected, value):
    return ApiError(400, "Invalid type for '%s': expected %s, but got %s instead."
                    % (param, expected, json_type_name(value)), param, "invalid_type")


def missing(param):
    return ApiError(400, "Missing required parameter: '%s'." % param, param,
                    "missing_required_parameter")


def is_number(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def check_range(req, name, low, high):
    if name not in req or req[name] is None:
        return
    value = req[name]
    if not is_number(value):
        raise invalid_type(name, "a decimal", value)
    if value < low:
        raise ApiError(400, "Invalid '%s': decimal below minimum value. Expected a value >= %s, but "
                       "got %s instead." % (name, low, value), name, "decimal_below_min_value")
    if value > high:
        raise ApiError(400, "Invalid '%s': decimal above maximum value. Expected a value <= %s, but "
                       "got %s instead." % (name, high, value), name, "decimal_above_max_value")


def message_text(content):
    """Text of a message content: a string, or the text parts of a content-part array."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "\n".join(p.get("text", "") for p in content
                         if isinstance(p, dict) and p.get("type") == "text")
    return ""


def validate_chat(body):
    """Validate a chat.completions request the way the real API does. Returns the parsed dict."""
    try:
        req = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise ApiError(400, "We could not parse the JSON body of your request. (HINT: This likely "
                       "means you aren't using your HTTP library correctly. The OpenAI API expects a "
                       "JSON payload, but what was sent was not valid JSON.)")
    if not isinstance(req, dict):
        raise ApiError(400, "Invalid type for request body: expected an object, but got %s instead."
                       % json_type_name(req), None, "invalid_type")

    model = req.get("model")
    if model is None or model == "":
        raise ApiError(400, "you must provide a model parameter")
    if not isinstance(model, str):
        raise invalid_type("model", "a string", model)

    if "messages" not in req or req["messages"] is None:
        raise missing("messages")
    messages = req["messages"]
    if not isinstance(messages, list):
        raise invalid_type("messages", "an array of objects", messages)
    if not messages:
        raise ApiError(400, "Invalid 'messages': empty array. Expected an array with minimum length "
                       "1, but got an empty array instead.", "messages", "empty_array")
    for i, m in enumerate(messages):
        where = "messages[%d]" % i
        if not isinstance(m, dict):
            raise invalid_type(where, "an object", m)
        if "role" not in m or m["role"] is None:
            raise missing(where + ".role")
        role = m["role"]
        if not isinstance(role, str):
            raise invalid_type(where + ".role", "a string", role)
        if role not in ROLES:
            raise ApiError(400, "Invalid value: '%s'. Supported values are: %s."
                           % (role, ROLE_LIST_TEXT), where + ".role", "invalid_value")
        content = m.get("content")
        if content is None:
            if role == "assistant" and (m.get("tool_calls") or m.get("function_call")):
                pass
            else:
                raise missing(where + ".content")
        elif isinstance(content, list):
            for j, part in enumerate(content):
                pwhere = "%s.content[%d]" % (where, j)
                if not isinstance(part, dict):
                    raise invalid_type(pwhere, "an object", part)
                ptype = part.get("type")
                if ptype is None:
                    raise missing(pwhere + ".type")
                if ptype == "text":
                    if "text" not in part:
                        raise missing(pwhere + ".text")
                    if not isinstance(part["text"], str):
                        raise invalid_type(pwhere + ".text", "a string", part["text"])
                elif ptype not in ("image_url", "input_audio", "file", "refusal"):
                    raise ApiError(400, "Invalid value: '%s'. Supported values are: 'text', "
                                   "'image_url', 'input_audio', 'refusal', and 'file'." % ptype,
                                   pwhere + ".type", "invalid_value")
        elif not isinstance(content, str):
            raise invalid_type(where + ".content", "one of a string or array of objects", content)
        if role == "tool" and not m.get("tool_call_id"):
            raise missing(where + ".tool_call_id")

    stream = req.get("stream")
    if stream is not None and not isinstance(stream, bool):
        raise invalid_type("stream", "a boolean", stream)
    options = req.get("stream_options")
    if options is not None:
        if not stream:
            raise ApiError(400, "The 'stream_options' parameter is only allowed when 'stream' is "
                           "enabled.", "stream_options")
        if not isinstance(options, dict):
            raise invalid_type("stream_options", "an object", options)
        inc = options.get("include_usage")
        if inc is not None and not isinstance(inc, bool):
            raise invalid_type("stream_options.include_usage", "a boolean", inc)

    for name in ("max_tokens", "max_completion_tokens"):
        value = req.get(name)
        if value is None:
            continue
        if not isinstance(value, int) or isinstance(value, bool):
            raise invalid_type(name, "an integer", value)
        if value < 1:
            raise ApiError(400, "Invalid '%s': integer below minimum value. Expected a value >= 1, "
                           "but got %d instead." % (name, value), name, "integer_below_min_value")
    check_range(req, "temperature", 0, 2)
    check_range(req, "top_p", 0, 1)
    check_range(req, "presence_penalty", -2, 2)
    check_range(req, "frequency_penalty", -2, 2)

    n = req.get("n")
    if n is not None:
        if not isinstance(n, int) or isinstance(n, bool):
            raise invalid_type("n", "an integer", n)
        if n < 1:
            raise ApiError(400, "Invalid 'n': integer below minimum value. Expected a value >= 1, "
                           "but got %d instead." % n, "n", "integer_below_min_value")
        if n > 1:
            raise ApiError(400, "This test server only supports n=1.", "n", "unsupported_value")

    stop = req.get("stop")
    if stop is not None:
        if isinstance(stop, str):
            pass
        elif isinstance(stop, list):
            if len(stop) > MAX_STOP_SEQUENCES:
                raise ApiError(400, "Invalid 'stop': array too long. Expected an array with maximum "
                               "length %d, but got an array with length %d instead."
                               % (MAX_STOP_SEQUENCES, len(stop)), "stop", "array_above_max_length")
            for j, s in enumerate(stop):
                if not isinstance(s, str):
                    raise invalid_type("stop[%d]" % j, "a string", s)
        else:
            raise invalid_type("stop", "one of a string or array of strings", stop)
    return req


class OpenAIHandler(common.BaseTestHandler):
    server_version = "openai-testserver/1"

    # ---- helpers
    def send_api_error(self, entry, err):
        verdict = ("fault:" + err.fault) if err.fault else \
            "rejected:%d %s" % (err.status, err.code or err.err_type)
        self.state.update(entry, verdict=verdict, status=err.status, error=err.message)
        headers = [("x-request-id", "req_" + common.new_request_id().replace("-", ""))] + err.headers
        self.send_json(err.status, err.body(), headers)

    def check_auth(self):
        key = self.state.args.api_key
        if not key:
            return
        header = self.headers.get("Authorization")
        if not header or not header.startswith("Bearer ") or not header[7:].strip():
            raise ApiError(401, "You didn't provide an API key. You need to provide your API key in "
                           "an Authorization header using Bearer auth (i.e. Authorization: Bearer "
                           "YOUR_KEY).")
        given = header[7:].strip()
        if given != key:
            shown = given[:3] + "*" * 4 + given[-4:] if len(given) > 8 else "*" * 4
            raise ApiError(401, "Incorrect API key provided: %s. You can find your API key at "
                           "https://platform.openai.com/account/api-keys." % shown, None,
                           "invalid_api_key")

    def known_model(self, model):
        return self.state.args.any_model or model in common.model_list(self.state.args)

    # ---- GET
    def do_GET(self):
        if self.handle_test_endpoint("GET"):
            return
        path = self.raw_path()
        entry = self.state.new_entry("GET", self.path, self.header_dict(), b"")
        try:
            self.check_auth()
            if path.rstrip("/").endswith("/models"):
                created = 1700000000
                data = [{"id": m, "object": "model", "created": created, "owned_by": OWNED_BY}
                        for m in common.model_list(self.state.args)]
                self.state.update(entry, verdict="ok", status=200)
                self.send_json(200, {"object": "list", "data": data})
            elif path.endswith("/chat/completions"):
                raise ApiError(405, "Invalid method for URL (GET %s)" % path)
            else:
                raise ApiError(404, "Invalid URL (GET %s)" % path)
        except ApiError as err:
            self.send_api_error(entry, err)
        except common.ClientGone:
            self.state.update(entry, verdict="aborted")

    # ---- POST
    def do_POST(self):
        body = self.read_body()
        if self.handle_test_endpoint("POST", body):
            return
        entry = self.state.new_entry("POST", self.path, self.header_dict(), body)
        self.answer_at = self.arrived + self.state.args.latency_ms / 1000.0
        self.state.enter()
        try:
            self.handle_chat(entry, body)
        except ApiError as err:
            self.wait_for_answer_time()
            self.send_api_error(entry, err)
        except common.ClientGone:
            self.state.update(entry, verdict="aborted")
        except Exception as e:  # a bug in this server: say so on stderr, hang up
            import traceback
            traceback.print_exc()
            self.state.update(entry, verdict="server-bug: %r" % e, status=500)
            self.close_connection = True
        finally:
            self.state.leave()

    def wait_for_answer_time(self):
        """--latency-ms is the time from a request's arrival to its answer, as a client sees a
        service's latency: the work this server does meanwhile counts toward it, so a bench's ideal
        (items × latency ÷ concurrency) is one this server can reach."""
        remaining = self.answer_at - time.monotonic()
        if remaining > 0:
            time.sleep(remaining)

    def apply_request_faults(self, entry, faults):
        """The faults that answer instead of the model: latency, a dropped or reset connection,
        429, 500 and 503. Malformed and truncated bodies are the answer's own (answer_chat). True
        when the connection was closed and nothing more may be written."""
        if "latency" in faults or "slow-first-byte" in faults:
            self.answer_at += faults.delay_ms / 1000.0
        if "drop" in faults or "reset" in faults:
            self.wait_for_answer_time()
            self.state.update(entry, verdict="fault:" + ("drop" if "drop" in faults else "reset"))
            self.abort_connection(reset="reset" in faults)
            return True
        if "429" in faults:
            secs = common.retry_after_seconds(faults.retry_after)
            # An empty Retry-After (a reply rule's "retry_after": "") sends none, as some gateways do.
            advice = [("Retry-After", faults.retry_after),
                      ("retry-after-ms", str(int(round(secs * 1000))))] if faults.retry_after else []
            when = ("in %ss" % faults.retry_after) if faults.retry_after else "later"
            raise ApiError(429, "Rate limit reached for requests (test server). Please try again "
                           "%s." % when, None, "rate_limit_exceeded", "requests",
                           headers=advice + [("x-ratelimit-remaining-requests", "0")], fault="429")
        if "500" in faults:
            raise ApiError(500, "The server had an error while processing your request. Sorry about "
                           "that!", None, None, "server_error", fault="500")
        if "503" in faults:
            raise ApiError(503, "The engine is currently overloaded, please try again later.", None,
                           None, "server_error", fault="503")
        return False

    def handle_chat(self, entry, body):
        started = time.monotonic()
        args = self.state.args
        path = self.raw_path()
        if not path.endswith("/chat/completions"):
            raise ApiError(404, "Invalid URL (POST %s)" % path)
        self.check_auth()

        try:
            faults = common.resolve_faults(self.state, self.headers)
        except ValueError as e:
            raise ApiError(400, "test server: bad X-Test-* header: %s" % e, None, "test_header")
        if faults.unknown:
            raise ApiError(400, "test server: unknown X-Test-Fault %s (known: %s)"
                           % (", ".join(faults.unknown), ", ".join(FAULTS)), None, "test_header")
        if faults.names:
            self.state.update(entry, faults=faults.describe())
        if self.apply_request_faults(entry, faults):
            return

        req = validate_chat(body)
        model = req["model"]
        if not self.known_model(model):
            raise ApiError(404, "The model `%s` does not exist or you do not have access to it."
                           % model, None, "model_not_found")

        messages = req["messages"]
        prompt_text = "\n".join(message_text(m.get("content")) for m in messages)
        # A reply rule with "fault" picks requests by their prompt: one item of a run, not all.
        by_rule = self.state.rule_faults(model, prompt_text, faults)
        if by_rule is not None:
            self.state.update(entry, faults=by_rule.describe())
            if self.apply_request_faults(entry, by_rule):
                return
            faults = by_rule
        last_user = ""
        for m in messages:
            if m.get("role") == "user":
                last_user = message_text(m.get("content"))
        reply = common.reply_override(self.headers)
        if reply is None:
            reply = self.state.match_rule(model, prompt_text)
        if reply is None:
            reply = "Echo: " + last_user
        stop = req.get("stop")
        stops = [stop] if isinstance(stop, str) else (stop or [])
        max_tokens = req.get("max_completion_tokens")
        if max_tokens is None:
            max_tokens = req.get("max_tokens")
        deltas, reason, _ = common.plan_reply(reply, max_tokens, stops)
        finish = "length" if reason == "length" else "stop"
        usage = {"prompt_tokens": common.count_tokens(prompt_text),
                 "completion_tokens": len(deltas)}
        usage["total_tokens"] = usage["prompt_tokens"] + usage["completion_tokens"]

        cid = "chatcmpl-" + common.new_request_id().replace("-", "")[:24]
        created = int(time.time())
        verdict = "fault:" + faults.describe() if faults.names else "ok"
        self.wait_for_answer_time()
        self.state.update(entry, verdict=verdict, status=200)
        headers = [("x-request-id", "req_" + cid[9:]),
                   ("openai-processing-ms", str(int((time.monotonic() - started) * 1000)))]
        if req.get("stream"):
            include_usage = bool((req.get("stream_options") or {}).get("include_usage"))
            self.stream_chat(cid, created, model, deltas, finish, usage, include_usage, faults,
                             headers)
        else:
            self.answer_chat(cid, created, model, "".join(deltas), finish, usage, faults, headers)

    def answer_chat(self, cid, created, model, text, finish, usage, faults, headers):
        obj = {"id": cid, "object": "chat.completion", "created": created, "model": model,
               "choices": [{"index": 0,
                            "message": {"role": "assistant", "content": text, "refusal": None},
                            "logprobs": None, "finish_reason": finish}],
               "usage": usage, "system_fingerprint": FINGERPRINT}
        body = json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        if "malformed" in faults:
            body = body[: len(body) - len(body) // 3]  # valid HTTP, broken JSON
        if "truncate" in faults:
            # Promise the whole body, send half of it, hang up.
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            for name, value in headers:
                self.send_header(name, value)
            self.end_headers()
            self.raw_write(body[: len(body) // 2])
            self.abort_connection()
            return
        self.send_bytes(200, body, "application/json", headers)

    def stream_chat(self, cid, created, model, deltas, finish, usage, include_usage, faults,
                    headers):
        args = self.state.args
        base = {"id": cid, "object": "chat.completion.chunk", "created": created, "model": model,
                "system_fingerprint": FINGERPRINT}

        def chunk(delta, finish_reason):
            obj = dict(base)
            obj["choices"] = [{"index": 0, "delta": delta, "logprobs": None,
                               "finish_reason": finish_reason}]
            if include_usage:
                obj["usage"] = None
            return obj

        def event(obj):
            if isinstance(obj, bytes):
                return b"data: " + obj + b"\n\n"
            return b"data: " + json.dumps(obj, ensure_ascii=False,
                                          separators=(",", ":")).encode("utf-8") + b"\n\n"

        # (is_content_delta, bytes)
        events = [(False, event(chunk({"role": "assistant", "content": "", "refusal": None}, None)))]
        separate = args.separate_finish_chunk or not deltas
        for i, text in enumerate(deltas):
            last = i == len(deltas) - 1
            events.append((True, event(chunk({"content": text},
                                             finish if last and not separate else None))))
        if separate:
            events.append((False, event(chunk({}, finish))))
        if include_usage:
            final = dict(base)
            final["choices"] = []
            final["usage"] = usage
            events.append((False, event(final)))
        events.append((False, event(b"[DONE]")))

        if "malformed" in faults:
            broken = (b'data: {"id":"' + cid.encode() + b'","object":"chat.completion.chunk",'
                      b'"choices":[{"index":0,"delta":{"content":"broken\n\n')
            events.insert(min(2, len(events) - 1), (False, broken))
        truncated = False
        if "truncate" in faults:
            # Keep the role chunk and about half of the content, then half of the next event.
            keep = 1 + max(1, len(deltas) // 2)
            if keep < len(events):
                partial = events[keep][1][: len(events[keep][1]) // 2]
                events = events[:keep] + [(False, partial)]
                truncated = True

        self.begin_chunked(200, "text/event-stream; charset=utf-8",
                           headers + [("Cache-Control", "no-cache")])
        if args.sse_comments:
            self.write_chunk(b": test-server keep-alive comment\n\n")
        self.write_pieces(self.sse_segments(events, faults.token_delay_ms / 1000.0),
                          0 if args.no_split else args.write_gap_ms / 1000.0)
        if truncated:
            self.abort_connection()
            return
        self.end_chunked()

    def sse_segments(self, events, token_delay_s):
        """Cut events into awkward writes: inside a line, inside a UTF-8 sequence when there is one,
        and (when no token delay is asked for) with one event's tail sharing a write with the
        next event's head."""
        if self.state.args.no_split:
            return [(token_delay_s if is_delta else 0, data) for is_delta, data in events]
        segments = []
        carry = b""
        for index, (is_delta, data) in enumerate(events):
            pause = token_delay_s if is_delta else 0
            cut = split_point(data)
            head, tail = data[:cut], data[cut:]
            if carry and pause == 0:
                head = carry + head
            elif carry:
                segments.append((0, carry))
            carry = b""
            segments.append((pause, head))
            if index % 2 == 0 and token_delay_s == 0:
                carry = tail
            else:
                segments.append((0, tail))
        if carry:
            segments.append((0, carry))
        return [s for s in segments if s[1]]


def split_point(data):
    """Inside the first multi-byte UTF-8 sequence if any, else in the middle."""
    for i, b in enumerate(data):
        if b >= 0xC0 and i + 1 < len(data):
            return i + 1
    return max(1, len(data) // 2)


def main(argv=None):
    parser = common.make_parser(__doc__.split("\n")[1], DEFAULT_MODELS)
    parser.add_argument("--api-key", default=None,
                        help="require 'Authorization: Bearer KEY' on model endpoints")
    parser.add_argument("--separate-finish-chunk", action="store_true",
                        help="send finish_reason in its own chunk with an empty delta (as "
                             "api.openai.com does) instead of in the last content chunk")
    parser.add_argument("--sse-comments", action="store_true",
                        help="start each stream with an SSE comment line (as some gateways do)")
    args = parser.parse_args(argv)
    state = common.ServerState(args, FAULTS)
    common.serve(OpenAIHandler, state)


if __name__ == "__main__":
    main()
