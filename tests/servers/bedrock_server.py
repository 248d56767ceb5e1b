#!/usr/bin/env python3
"""Protocol-faithful local Amazon Bedrock Runtime server for tests (standard library only).

POST /model/{modelId}/converse          Converse
POST /model/{modelId}/converse-stream   ConverseStream (application/vnd.amazon.eventstream)
POST /guardrail/{id}/version/{v}/apply  ApplyGuardrail (guardrails from --guardrails FILE)

Every model request must carry a valid AWS Signature Version 4 (verified here independently, the
way AWS does: canonical URI from the raw wire path with each segment encoded again, so a model id's
"%3A" is signed as "%253A"). The Converse body is validated, and the reply is deterministic:
"Echo: " + the text of the last user message, one delta per whitespace-separated word (a token is
one such word). See README.md in this directory for flags, X-Test-* headers and /_test endpoints.

On start it prints exactly one line "LISTENING <port>" on stdout.
"""

import json
import os
import re
import struct
import sys
import time
import urllib.parse
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import testserver_common as common  # noqa: E402
import bedrock_guardrails as guardrails  # noqa: E402

DEFAULT_MODELS = (
    "anthropic.claude-3-haiku-20240307-v1:0",
    "anthropic.claude-3-5-sonnet-20240620-v1:0",
    "us.anthropic.claude-3-haiku-20240307-v1:0",
    "amazon.titan-text-express-v1",
    "amazon.nova-micro-v1:0",
    "meta.llama3-8b-instruct-v1:0",
)
FAULTS = common.COMMON_FAULTS + (
    "throttle-stream",     # ConverseStream: exception frame throttlingException mid-stream
    "model-stream-error",  # ConverseStream: exception frame modelStreamErrorException mid-stream
    "malformed-json",      # a frame (or body) with valid framing but broken JSON
    "expired-token",       # 403 ExpiredTokenException
    "access-denied",       # 403 AccessDeniedException
)
ERROR_TYPE_SUFFIX = ":http://internal.amazon.com/coral/com.amazon.bedrock/"
PADDING_ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"

# The SigV4 verifier is shared with sagemaker_server.py; these names stay importable from here.
from aws_sigv4 import (  # noqa: E402,F401
    AwsError, SigV4Result, verify_sigv4, parse_amz_date, format_amz_date, uri_encode,
    normalize_path, canonical_uri, canonical_query, header_values, canonical_header_value,
    parse_authorization, hmac_sha256, signing_key, DEFAULT_ACCESS_KEY, DEFAULT_SECRET_KEY,
    SIGNATURE_MISMATCH, add_auth_arguments, credentials_from_args, server_now)

# =============================================================================================
# application/vnd.amazon.eventstream

MAX_FRAME = 16 * 1024 * 1024
HEADER_STRING = 7


def encode_headers(headers):
    out = bytearray()
    for name, value in headers:
        raw_name = name.encode("utf-8")
        out += bytes([len(raw_name)]) + raw_name
        if isinstance(value, bool):
            out += bytes([0 if value else 1])
        elif isinstance(value, int):
            out += bytes([5]) + struct.pack(">q", value)
        elif isinstance(value, bytes):
            out += bytes([6]) + struct.pack(">H", len(value)) + value
        else:
            raw = value.encode("utf-8")
            out += bytes([HEADER_STRING]) + struct.pack(">H", len(raw)) + raw
    return bytes(out)


def encode_frame(headers, payload):
    """One event-stream message: prelude (total length, headers length, CRC32), headers, payload,
    message CRC32 over everything before it."""
    raw_headers = encode_headers(headers)
    total = 12 + len(raw_headers) + len(payload) + 4
    prelude = struct.pack(">II", total, len(raw_headers))
    message = prelude + struct.pack(">I", zlib.crc32(prelude)) + raw_headers + payload
    return message + struct.pack(">I", zlib.crc32(message))


class EventStreamError(Exception):
    pass


def decode_headers(data):
    headers = []
    i = 0
    while i < len(data):
        name_len = data[i]
        i += 1
        name = data[i:i + name_len].decode("utf-8")
        i += name_len
        if i >= len(data):
            raise EventStreamError("header %r has no value type" % name)
        kind = data[i]
        i += 1
        fixed = {2: (1, ">b"), 3: (2, ">h"), 4: (4, ">i"), 5: (8, ">q"), 8: (8, ">q")}
        if kind in (0, 1):
            value = kind == 0
        elif kind in fixed:
            size, fmt = fixed[kind]
            value = struct.unpack(fmt, data[i:i + size])[0]
            i += size
        elif kind in (6, 7):
            (length,) = struct.unpack(">H", data[i:i + 2])
            i += 2
            value = bytes(data[i:i + length])
            if len(value) != length:
                raise EventStreamError("header %r value runs past the headers" % name)
            i += length
            if kind == 7:
                value = value.decode("utf-8")
        elif kind == 9:
            value = bytes(data[i:i + 16])
            i += 16
        else:
            raise EventStreamError("header %r has unknown value type %d" % (name, kind))
        if i > len(data):
            raise EventStreamError("header %r runs past the headers" % name)
        headers.append((name, value))
    return headers


class EventStreamDecoder:
    """Incremental decoder: feed() any bytes, get complete messages as (headers list, payload)."""

    def __init__(self, max_frame=MAX_FRAME):
        self.buffer = bytearray()
        self.max_frame = max_frame

    def pending(self):
        return len(self.buffer)

    def feed(self, data):
        self.buffer += data
        messages = []
        while len(self.buffer) >= 12:
            total, headers_len, prelude_crc = struct.unpack(">III", self.buffer[:12])
            if total < 16 or total > self.max_frame:
                raise EventStreamError("frame length %d outside [16, %d]" % (total, self.max_frame))
            if zlib.crc32(bytes(self.buffer[:8])) != prelude_crc:
                raise EventStreamError("prelude checksum mismatch")
            if headers_len > total - 16:
                raise EventStreamError("headers length %d does not fit in frame of %d"
                                       % (headers_len, total))
            if len(self.buffer) < total:
                break
            frame = bytes(self.buffer[:total])
            (message_crc,) = struct.unpack(">I", frame[-4:])
            if zlib.crc32(frame[:-4]) != message_crc:
                raise EventStreamError("message checksum mismatch")
            headers = decode_headers(frame[12:12 + headers_len])
            payload = frame[12 + headers_len:-4]
            messages.append((headers, payload))
            del self.buffer[:total]
        return messages


def event_frame(event_type, payload_obj, padding):
    obj = dict(payload_obj)
    if padding:
        obj["p"] = padding
    payload = json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return encode_frame([(":event-type", event_type), (":content-type", "application/json"),
                         (":message-type", "event")], payload)


def exception_frame(exception_type, payload_obj):
    payload = json.dumps(payload_obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return encode_frame([(":exception-type", exception_type), (":content-type", "application/json"),
                         (":message-type", "exception")], payload)


def frame_cut_points(frame):
    """Awkward places inside one frame: the total length, the prelude CRC, the headers, the
    payload and the message CRC."""
    total, headers_len = struct.unpack(">II", frame[:8])
    payload_len = total - 16 - headers_len
    cuts = [3, 10, 12 + max(1, headers_len // 2), 12 + headers_len + max(1, payload_len // 2),
            total - 2]
    return sorted(set(c for c in cuts if 0 < c < total))


# =============================================================================================
# Converse request validation


class Validation:
    def __init__(self):
        self.errors = []

    def add(self, value, where, constraint):
        if value is None:
            shown = "null"
        elif isinstance(value, str):
            shown = "'%s'" % value
        else:
            shown = "'%s'" % json.dumps(value, ensure_ascii=False)
        self.errors.append("Value %s at '%s' failed to satisfy constraint: Member must %s"
                           % (shown, where, constraint))

    def raise_if_any(self):
        if self.errors:
            n = len(self.errors)
            raise AwsError(400, "ValidationException", "%d validation error%s detected: %s"
                           % (n, "" if n == 1 else "s", "; ".join(self.errors)))


CONTENT_MEMBERS = ("text", "image", "document", "video", "toolUse", "toolResult", "guardContent",
                   "cachePoint", "reasoningContent", "citationsContent")
SYSTEM_MEMBERS = ("text", "guardContent", "cachePoint")


def validation_error(message):
    return AwsError(400, "ValidationException", message)


def parse_json_body(body):
    try:
        req = json.loads(body.decode("utf-8")) if body.strip() else {}
    except (UnicodeDecodeError, ValueError) as e:
        raise validation_error("Malformed request body: not valid JSON (%s)." % e)
    if not isinstance(req, dict):
        raise validation_error("Malformed request body: expected a JSON object.")
    return req


def check_number(v, where, low, high, integer, out):
    if v is None:
        return
    if isinstance(v, bool) or not isinstance(v, (int, float)) or (integer and not isinstance(v, int)):
        out.add(v, where, "be %s" % ("an integer" if integer else "a number"))
        return
    if low is not None and v < low:
        out.add(v, where, "have value greater than or equal to %s" % low)
    if high is not None and v > high:
        out.add(v, where, "have value less than or equal to %s" % high)


def validate_converse(body, streaming=False):
    """Returns (messages, system, inference_config, guardrail_config or None) or raises AwsError
    ValidationException."""
    req = parse_json_body(body)

    v = Validation()
    messages = req.get("messages")
    if messages is None:
        v.add(None, "messages", "not be null")
    elif not isinstance(messages, list):
        v.add(messages, "messages", "be a list")
        messages = None
    else:
        for i, m in enumerate(messages, start=1):
            where = "messages.%d.member" % i
            if not isinstance(m, dict):
                v.add(m, where, "be a structure")
                continue
            role = m.get("role")
            if role is None:
                v.add(None, where + ".role", "not be null")
            elif role not in ("user", "assistant"):
                v.add(role, where + ".role", "satisfy enum value set: [user, assistant]")
            content = m.get("content")
            if content is None:
                v.add(None, where + ".content", "not be null")
            elif not isinstance(content, list):
                v.add(content, where + ".content", "be a list")
            else:
                for j, block in enumerate(content, start=1):
                    bwhere = "%s.content.%d.member" % (where, j)
                    check_block(block, bwhere, CONTENT_MEMBERS, v)

    system = req.get("system")
    if system is not None:
        if not isinstance(system, list):
            v.add(system, "system", "be a list")
            system = None
        else:
            for j, block in enumerate(system, start=1):
                check_block(block, "system.%d.member" % j, SYSTEM_MEMBERS, v)

    config = req.get("inferenceConfig")
    if config is not None and not isinstance(config, dict):
        v.add(config, "inferenceConfig", "be a structure")
        config = None
    config = config or {}
    check_number(config.get("maxTokens"), "inferenceConfig.maxTokens", 1, None, True, v)
    check_number(config.get("temperature"), "inferenceConfig.temperature", 0, 1, False, v)
    check_number(config.get("topP"), "inferenceConfig.topP", 0, 1, False, v)
    stops = config.get("stopSequences")
    if stops is not None:
        if not isinstance(stops, list):
            v.add(stops, "inferenceConfig.stopSequences", "be a list")
        else:
            if len(stops) > 2500:
                v.add(len(stops), "inferenceConfig.stopSequences",
                      "have length less than or equal to 2500")
            for j, s in enumerate(stops, start=1):
                if not isinstance(s, str):
                    v.add(s, "inferenceConfig.stopSequences.%d.member" % j, "be a string")
                elif not s:
                    v.add(s, "inferenceConfig.stopSequences.%d.member" % j,
                          "have length greater than or equal to 1")
    v.raise_if_any()
    guard = validate_guardrail_config(req, streaming)

    # Conversation rules the service applies after the shape is valid.
    if not messages or messages[0].get("role") != "user":
        raise validation_error("A conversation must start with a user message. Try again with a "
                               "conversation that starts with a user message.")
    for a, b in zip(messages, messages[1:]):
        if a.get("role") == b.get("role"):
            raise validation_error("A conversation must alternate between user and assistant roles. "
                                   "Make sure the conversation alternates between user and "
                                   "assistant roles and try again.")
    for i, m in enumerate(messages):
        if not m["content"]:
            raise validation_error("The content field in the Message object at messages.%d is "
                                   "empty. Add a ContentBlock object to the content field and try "
                                   "again." % i)
        for j, block in enumerate(m["content"]):
            if "text" in block and not block["text"].strip():
                raise validation_error("The text field in the ContentBlock object at "
                                       "messages.%d.content.%d is blank. Add text to the text "
                                       "field, and try again." % (i, j))
    for j, block in enumerate(system or []):
        if "text" in block and not block["text"].strip():
            raise validation_error("The text field in the SystemContentBlock object at system.%d "
                                   "is blank. Add text to the text field, and try again." % j)
    return messages, system or [], config, guard


def check_block(block, where, members, v):
    if not isinstance(block, dict):
        v.add(block, where, "be a structure")
        return
    present = [k for k in block if block[k] is not None]
    unknown = [k for k in present if k not in members]
    if unknown:
        v.add(unknown[0], where, "be one of the union members [%s]" % ", ".join(members))
        return
    if len(present) != 1:
        v.add(None if not present else ",".join(present), where,
              "set exactly one union member")
        return
    if "text" in block and not isinstance(block["text"], str):
        v.add(block["text"], where + ".text", "be a string")
    if "guardContent" in block:
        check_guard_content(block["guardContent"], where + ".guardContent", v)


def check_guard_content(gc, where, v):
    """guardContent is a union {text: {text, qualifiers}} | {image}; only text is understood."""
    if not isinstance(gc, dict):
        v.add(gc, where, "be a structure")
        return
    present = [k for k in gc if gc[k] is not None]
    if present != ["text"]:
        v.add(",".join(present) or None, where, "set exactly one union member [text] "
              "(test server: guardContent images are not supported)")
        return
    t = gc["text"]
    if not isinstance(t, dict):
        v.add(t, where + ".text", "be a structure")
        return
    if t.get("text") is None:
        v.add(None, where + ".text.text", "not be null")
    elif not isinstance(t["text"], str):
        v.add(t["text"], where + ".text.text", "be a string")
    quals = t.get("qualifiers")
    if quals is not None:
        if not isinstance(quals, list):
            v.add(quals, where + ".text.qualifiers", "be a list")
        else:
            for k, q in enumerate(quals, start=1):
                if q not in guardrails.QUALIFIERS:
                    v.add(q, "%s.text.qualifiers.%d.member" % (where, k),
                          "satisfy enum value set: [%s]" % ", ".join(guardrails.QUALIFIERS))


def guard_text(block):
    """{text, qualifiers} of a guardContent block, or None."""
    gc = block.get("guardContent")
    if isinstance(gc, dict) and isinstance(gc.get("text"), dict) \
            and isinstance(gc["text"].get("text"), str):
        return {"text": gc["text"]["text"], "qualifiers": list(gc["text"].get("qualifiers") or [])}
    return None


def block_text(block):
    """The model-visible text of a block: text blocks and guardContent text blocks."""
    if isinstance(block.get("text"), str):
        return block["text"]
    gt = guard_text(block)
    return gt["text"] if gt else None


def blocks_text(blocks):
    return "\n".join(t for t in (block_text(b) for b in blocks) if t is not None)


def validate_guardrail_config(req, streaming):
    """guardrailConfig {guardrailIdentifier, guardrailVersion, trace[, streamProcessingMode]} or
    None; raises ValidationException in Coral's words."""
    gc = req.get("guardrailConfig")
    if gc is None:
        return None
    if not isinstance(gc, dict):
        raise guardrails.coral(json.dumps(gc), "guardrailConfig", "be a structure")
    guardrails.validate_identifier(gc.get("guardrailIdentifier"),
                                   "guardrailConfig.guardrailIdentifier")
    guardrails.validate_version(gc.get("guardrailVersion"), "guardrailConfig.guardrailVersion")
    guardrails.validate_trace(gc.get("trace"), "guardrailConfig.trace")
    if streaming:
        mode = gc.get("streamProcessingMode")
        if mode is not None and mode not in ("sync", "async"):
            raise guardrails.coral(mode, "guardrailConfig.streamProcessingMode",
                                   "satisfy enum value set: [sync, async]")
    return gc


# =============================================================================================
# HTTP handler

PATH_RE = re.compile(r"^/model/([^/]+)/(converse|converse-stream)$")
APPLY_GUARDRAIL_RE = re.compile(r"^/guardrail/([^/]+)/version/([^/]+)/apply$")


class ConverseGuard:
    """A Converse request's guardrail: what is checked on input, what the model sees, the output
    check of its reply, and the trace.

    Guarded on input: when any message or system block is a guardContent block, only guardContent
    blocks qualified guard_content (or unqualified); otherwise every text block of the user
    messages. guardContent grounding_source / query blocks feed the output's contextual grounding
    check. ANONYMIZE matches are masked in what the model sees."""

    def __init__(self, registry, config, messages, system):
        self.guardrail = guardrails.find_guardrail(registry, config["guardrailIdentifier"],
                                                   config["guardrailVersion"])
        self.version = config["guardrailVersion"]
        self.level = config.get("trace") or "disabled"
        self.model_messages = json.loads(json.dumps(messages))
        self.model_system = json.loads(json.dumps(system))
        blocks = [b for m in self.model_messages for b in m["content"]] + self.model_system
        any_guard = any(guard_text(b) is not None for b in blocks)
        targets, self.sources, queries, total = [], [], [], 0
        for m in [{"role": "system", "content": self.model_system}] + self.model_messages:
            for b in m["content"]:
                text = block_text(b)
                if text is None:
                    continue
                total += len(text)
                gt = guard_text(b)
                if gt is not None:
                    quals = gt["qualifiers"]
                    if not quals or "guard_content" in quals:
                        targets.append(b)
                    if "grounding_source" in quals:
                        self.sources.append(gt["text"])
                    if "query" in quals:
                        queries.append(gt["text"])
                elif not any_guard and m["role"] == "user":
                    targets.append(b)
        self.query = "\n".join(queries) if queries else None
        self.input = guardrails.check_input(self.guardrail, [block_text(b) for b in targets],
                                            total_chars=total)
        self.output = None
        self.model_output = None
        if self.input.blocked:
            self.model_messages, self.model_system = messages, system
        elif self.input.anonymized:
            for b, masked in zip(targets, self.input.texts):
                if "text" in b:
                    b["text"] = masked
                else:
                    b["guardContent"]["text"]["text"] = masked

    def check_reply(self, reply):
        """Output check of the model's reply; returns the text to send instead, or None."""
        self.model_output = reply
        self.output = guardrails.check_output(self.guardrail, [reply], self.sources, self.query)
        if self.output.blocked:
            return self.guardrail.blocked_output_message
        if self.output.anonymized:
            return self.output.texts[0]
        return None

    @property
    def intervened(self):
        return self.input.blocked or (self.output is not None and self.output.intervened)

    def trace(self):
        """trace.guardrail for the answer, or None when the trace is disabled."""
        if self.level == "disabled":
            return None
        gid = self.guardrail.id
        out = {}
        if self.output is not None and self.output.intervened:
            out["modelOutput"] = [self.model_output]
        out["inputAssessment"] = {gid: self.input.assessment(self.level)}
        if self.output is not None:
            out["outputAssessments"] = {gid: [self.output.assessment(self.level)]}
        blocked = self.input.blocked or (self.output is not None and self.output.blocked)
        masked = self.input.anonymized or (self.output is not None and self.output.anonymized)
        out["actionReason"] = ("Guardrail blocked." if blocked else
                               "Guardrail masked." if masked else "No action.")
        return out

    def log_entry(self):
        return {"id": self.guardrail.id, "version": self.version,
                "action": "INTERVENED" if self.intervened else "NONE",
                "input": self.input.action,
                "output": self.output.action if self.output is not None else None,
                "trace": self.level}


class BedrockHandler(common.BaseTestHandler):
    server_version = "bedrock-testserver/1"
    fault_list = FAULTS
    access_denied_message = "You don't have access to the model with the specified model ID."

    def send_aws_error(self, entry, err):
        suffix = ERROR_TYPE_SUFFIX if self.state.args.error_type_suffix else ""
        headers = [("x-amzn-ErrorType", err.error_type + suffix),
                   ("x-amzn-RequestId", common.new_request_id())] + err.headers
        verdict = ("fault:" + err.fault) if err.fault else \
            "rejected:%d %s" % (err.status, err.error_type)
        self.state.update(entry, verdict=verdict, status=err.status, error=err.message)
        self.send_json(err.status, {"message": err.message}, headers)

    def authenticate(self, body, entry):
        if self.state.args.skip_auth:
            return
        headers = [(name, value.encode("latin-1", errors="replace"))
                   for name, value in self.headers.items()]
        res = SigV4Result()
        try:
            verify_sigv4(self.command, self.raw_path().encode("latin-1"),
                         self.raw_query().encode("latin-1"), headers, body,
                         credentials_from_args(self.state.args), self.state.args.region, "bedrock",
                         server_now(self.state.args),
                         max_skew_s=self.state.args.max_skew_s,
                         expired_token=self.state.args.expired_token, result=res)
        finally:
            self.state.update(entry, sigv4=res.as_dict())

    def do_GET(self):
        if self.raw_path() == "/_test/guardrails":
            self.send_json(200, [g.as_dict() for g in self.state.guardrails.values()])
            return
        if self.handle_test_endpoint("GET"):
            return
        self.handle_model_request(b"")

    def do_POST(self):
        body = self.read_body()
        if self.handle_test_endpoint("POST", body):
            return
        self.handle_model_request(body)

    def handle_model_request(self, body):
        entry = self.state.new_entry(self.command, self.path, self.header_dict(), body)
        self.state.enter()
        try:
            self.handle_operation(entry, body)
        except AwsError as err:
            self.send_aws_error(entry, err)
        except common.ClientGone:
            self.state.update(entry, verdict="aborted")
        except Exception as e:  # a bug in this server: say so on stderr, hang up
            import traceback
            traceback.print_exc()
            self.state.update(entry, verdict="server-bug: %r" % e, status=500)
            self.close_connection = True
        finally:
            self.state.leave()

    def handle_operation(self, entry, body):
        started = time.monotonic()
        args = self.state.args
        if args.latency_ms > 0:
            time.sleep(args.latency_ms / 1000.0)
        self.authenticate(body, entry)

        match = PATH_RE.match(self.raw_path())
        apply_match = APPLY_GUARDRAIL_RE.match(self.raw_path())
        if self.command != "POST" or not (match or apply_match):
            raise AwsError(404, "UnknownOperationException",
                           "Unknown operation %s %s" % (self.command, self.raw_path()))
        if apply_match:
            self.state.update(entry, operation="ApplyGuardrail")
            faults = self.request_faults(entry)
            if faults is not None:
                self.apply_guardrail(entry, apply_match, body, faults)
            return
        model_id = urllib.parse.unquote(match.group(1), encoding="utf-8", errors="replace")
        streaming = match.group(2) == "converse-stream"
        self.state.update(entry, model_id=model_id,
                          operation="ConverseStream" if streaming else "Converse")
        faults = self.request_faults(entry)
        if faults is None:
            return

        if not self.known_model(model_id):
            raise AwsError(400, "ValidationException", "The provided model identifier is invalid.")
        messages, system, config, guard_config = validate_converse(body, streaming)
        guard = None
        if guard_config is not None:
            guard = ConverseGuard(self.state.guardrails, guard_config, messages, system)
            messages, system = guard.model_messages, guard.model_system

        prompt_text = "\n".join([blocks_text(system)] + [blocks_text(m["content"])
                                                         for m in messages])
        last_user = ""
        for m in messages:
            if m["role"] == "user":
                last_user = blocks_text(m["content"])
        input_tokens = sum(common.count_tokens(blocks_text(m["content"])) for m in messages) \
            + common.count_tokens(blocks_text(system))
        trace = None
        if guard is not None and guard.input.blocked:
            # No model call: the answer is the guardrail's blocked-input message.
            deltas = common.split_deltas(guard.guardrail.blocked_input_message)
            stop_reason, output_tokens = "guardrail_intervened", 0
            trace = guard.trace()
        else:
            reply = common.reply_override(self.headers)
            if reply is None:
                reply = self.state.match_rule(model_id, prompt_text)
            if reply is None:
                reply = "Echo: " + last_user
            deltas, reason, _ = common.plan_reply(reply, config.get("maxTokens"),
                                                  config.get("stopSequences") or [])
            stop_reason = {"end": "end_turn", "length": "max_tokens",
                           "stop": "stop_sequence"}[reason]
            output_tokens = len(deltas)
            if guard is not None:
                final = guard.check_reply("".join(deltas))
                if final is not None:
                    deltas, stop_reason = common.split_deltas(final), "guardrail_intervened"
                trace = guard.trace()
        usage = {"inputTokens": input_tokens, "outputTokens": output_tokens,
                 "totalTokens": input_tokens + output_tokens}
        verdict = "fault:" + faults.describe() if faults.names else "ok"
        fields = {"verdict": verdict, "status": 200}
        if guard is not None:
            fields["guardrail"] = guard.log_entry()
        self.state.update(entry, **fields)
        request_id = common.new_request_id()
        if streaming:
            self.stream_converse(deltas, stop_reason, usage, faults, started, request_id, trace)
        else:
            self.answer_converse("".join(deltas), stop_reason, usage, faults, started, request_id,
                                 trace)

    def request_faults(self, entry):
        """Resolve X-Test-Fault; raise the error faults; None when the connection was dropped."""
        try:
            faults = common.resolve_faults(self.state, self.headers)
        except ValueError as e:
            raise AwsError(400, "ValidationException", "test server: bad X-Test-* header: %s" % e)
        if faults.unknown:
            raise AwsError(400, "ValidationException", "test server: unknown X-Test-Fault %s "
                           "(known: %s)" % (", ".join(faults.unknown), ", ".join(self.fault_list)))
        if faults.names:
            self.state.update(entry, faults=faults.describe())
        if "latency" in faults or "slow-first-byte" in faults:
            time.sleep(faults.delay_ms / 1000.0)
        if "drop" in faults or "reset" in faults:
            self.state.update(entry, verdict="fault:" + ("drop" if "drop" in faults else "reset"))
            self.abort_connection(reset="reset" in faults)
            return None
        if "expired-token" in faults:
            raise AwsError(403, "ExpiredTokenException",
                           "The security token included in the request is expired",
                           fault="expired-token")
        if "access-denied" in faults:
            raise AwsError(403, "AccessDeniedException", self.access_denied_message,
                           fault="access-denied")
        if "429" in faults:
            extra = [("Retry-After", faults.retry_after)] if faults.retry_after_explicit else []
            raise AwsError(429, "ThrottlingException",
                           "Too many requests, please wait before trying again.", extra,
                           fault="429")
        if "500" in faults:
            raise AwsError(500, "InternalServerException",
                           "The server encountered an internal error while processing the request.",
                           fault="500")
        if "503" in faults:
            raise AwsError(503, "ServiceUnavailableException",
                           "Bedrock is unable to process your request.", fault="503")
        return faults

    def apply_guardrail(self, entry, match, body, faults):
        identifier = urllib.parse.unquote(match.group(1), encoding="utf-8", errors="replace")
        version = urllib.parse.unquote(match.group(2), encoding="utf-8", errors="replace")
        guardrails.validate_identifier(identifier, "guardrailIdentifier")
        guardrails.validate_version(version, "guardrailVersion")
        req = parse_json_body(body)
        v = Validation()
        source = req.get("source")
        if source is None:
            v.add(None, "source", "not be null")
        elif source not in ("INPUT", "OUTPUT"):
            v.add(source, "source", "satisfy enum value set: [INPUT, OUTPUT]")
        scope = req.get("outputScope")
        if scope is not None and scope not in ("INTERVENTIONS", "FULL"):
            v.add(scope, "outputScope", "satisfy enum value set: [INTERVENTIONS, FULL]")
        content = req.get("content")
        blocks = []
        if content is None:
            v.add(None, "content", "not be null")
        elif not isinstance(content, list):
            v.add(content, "content", "be a list")
        elif not content:
            v.add(content, "content", "have length greater than or equal to 1")
        else:
            for i, block in enumerate(content, start=1):
                check_guard_content(block, "content.%d.member" % i, v)
                gt = guard_text({"guardContent": block}) if isinstance(block, dict) else None
                if gt is not None:
                    blocks.append(gt)
        v.raise_if_any()
        g = guardrails.find_guardrail(self.state.guardrails, identifier, version)
        guarded, sources, query = guardrails.split_qualified(blocks)
        total = sum(len(b["text"]) for b in blocks)
        if source == "INPUT":
            chk = guardrails.check_input(g, guarded, total_chars=total)
            blocked_message = g.blocked_input_message
        else:
            chk = guardrails.check_output(g, guarded, sources, query, total_chars=total)
            blocked_message = g.blocked_output_message
        if chk.blocked:
            outputs = [{"text": blocked_message}]
        elif chk.anonymized:
            outputs = [{"text": t} for t in chk.texts]
        else:
            outputs = []
        usage = chk.usage()
        usage["contentPolicyImageUnits"] = 0
        answer = {"usage": usage,
                  "action": "GUARDRAIL_INTERVENED" if chk.intervened else "NONE",
                  "actionReason": chk.action_reason(), "outputs": outputs,
                  "assessments": [chk.assessment("enabled_full" if scope == "FULL"
                                                 else "enabled")],
                  "guardrailCoverage": chk.coverage()}
        verdict = "fault:" + faults.describe() if faults.names else "ok"
        self.state.update(entry, verdict=verdict, status=200,
                          guardrail={"id": g.id, "version": version, "source": source,
                                     "action": "INTERVENED" if chk.intervened else "NONE",
                                     source.lower(): chk.action})
        self.send_json_faulty(answer, faults, common.new_request_id())

    def known_model(self, model_id):
        if self.state.args.any_model:
            return True
        known = common.model_list(self.state.args)
        if model_id in known:
            return True
        # ARNs: arn:aws:bedrock:region:account:foundation-model/ID or inference-profile/ID
        if model_id.startswith("arn:"):
            return model_id.rsplit("/", 1)[-1] in known
        return False

    def answer_converse(self, text, stop_reason, usage, faults, started, request_id, trace=None):
        latency = int((time.monotonic() - started) * 1000)
        obj = {"output": {"message": {"role": "assistant", "content": [{"text": text}]}},
               "stopReason": stop_reason, "usage": usage, "metrics": {"latencyMs": latency}}
        if trace is not None:
            obj["trace"] = {"guardrail": trace}
        self.send_json_faulty(obj, faults, request_id)

    def send_json_faulty(self, obj, faults, request_id):
        """A JSON answer with the body faults applied (malformed, malformed-json, truncate)."""
        body = json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        headers = [("x-amzn-RequestId", request_id)]
        if "malformed" in faults or "malformed-json" in faults:
            body = body[: len(body) - len(body) // 3]
        if "truncate" in faults:
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

    def padding(self, index):
        if self.state.args.no_padding:
            return None
        return PADDING_ALPHABET[: 1 + (index * 11) % len(PADDING_ALPHABET)]

    def stream_converse(self, deltas, stop_reason, usage, faults, started, request_id,
                        trace=None):
        # frames: list of (is_text_delta, bytes)
        frames = [(False, event_frame("messageStart", {"role": "assistant"}, self.padding(0)))]
        for i, text in enumerate(deltas, start=1):
            frames.append((True, event_frame("contentBlockDelta",
                                             {"contentBlockIndex": 0, "delta": {"text": text}},
                                             self.padding(i))))
        n = len(frames)
        tail = [(False, event_frame("contentBlockStop", {"contentBlockIndex": 0},
                                    self.padding(n))),
                (False, event_frame("messageStop", {"stopReason": stop_reason},
                                    self.padding(n + 1)))]
        truncated = False
        if "throttle-stream" in faults or "model-stream-error" in faults:
            frames = frames[:2]
            if "throttle-stream" in faults:
                exc = exception_frame("throttlingException",
                                      {"message": "Too many requests, please wait before trying "
                                                  "again."})
            else:
                exc = exception_frame("modelStreamErrorException",
                                      {"message": "Model stream error (test server).",
                                       "originalStatusCode": 500,
                                       "originalMessage": "model failed mid-stream"})
            frames.append((False, exc))
        else:
            frames += tail
            if "malformed" in faults:
                bad = bytearray(frames[min(1, len(frames) - 1)][1])
                bad[-1] ^= 0xFF  # wrong message CRC
                frames.insert(min(2, len(frames)), (False, bytes(bad)))
            if "malformed-json" in faults:
                broken = encode_frame([(":event-type", "contentBlockDelta"),
                                       (":content-type", "application/json"),
                                       (":message-type", "event")],
                                      b'{"contentBlockIndex":0,"delta":{"text":"brok')
                frames.insert(min(2, len(frames)), (False, broken))
            if "truncate" in faults:
                keep = 1 + max(1, len(deltas) // 2)
                if keep < len(frames):
                    partial = frames[keep][1][: len(frames[keep][1]) // 2]
                    frames = frames[:keep] + [(False, partial)]
                    truncated = True

        self.begin_chunked(200, "application/vnd.amazon.eventstream",
                           [("x-amzn-RequestId", request_id)])
        gap = 0 if self.state.args.no_split else self.state.args.write_gap_ms / 1000.0
        token_delay = faults.token_delay_ms / 1000.0
        segments = self.frame_segments(frames, token_delay)
        # The metadata frame carries the latency measured when it is written.
        self.write_pieces(segments, gap)
        if truncated:
            self.abort_connection()
            return
        if "throttle-stream" not in faults and "model-stream-error" not in faults:
            latency = int((time.monotonic() - started) * 1000)
            meta_obj = {"usage": usage, "metrics": {"latencyMs": latency}}
            if trace is not None:
                meta_obj["trace"] = {"guardrail": trace}
            meta = event_frame("metadata", meta_obj, self.padding(len(deltas) + 3))
            self.write_pieces(self.frame_segments([(False, meta)], 0), gap)
        self.end_chunked()

    def frame_segments(self, frames, token_delay_s):
        """Split frames at awkward places; every other frame shares its last piece's write with
        the next frame's first piece (unless a token delay separates them)."""
        if self.state.args.no_split:
            return [(token_delay_s if is_delta else 0, data) for is_delta, data in frames]
        segments = []
        carry = b""
        for index, (is_delta, frame) in enumerate(frames):
            pause = token_delay_s if is_delta else 0
            try:
                cuts = frame_cut_points(frame)
            except struct.error:
                cuts = []
            bounds = [0] + [c for c in cuts if c < len(frame)] + [len(frame)]
            pieces = [frame[a:b] for a, b in zip(bounds, bounds[1:]) if b > a]
            if carry:
                if pause == 0:
                    pieces[0] = carry + pieces[0]
                else:
                    segments.append((0, carry))
                carry = b""
            segments.append((pause, pieces[0]))
            segments.extend((0, p) for p in pieces[1:-1])
            if len(pieces) > 1:
                if index % 2 == 1 and token_delay_s == 0:
                    carry = pieces[-1]
                else:
                    segments.append((0, pieces[-1]))
        if carry:
            segments.append((0, carry))
        return segments


def main(argv=None):
    parser = common.make_parser(__doc__.split("\n")[1], DEFAULT_MODELS)
    add_auth_arguments(parser, "bedrock")
    parser.add_argument("--error-type-suffix", action="store_true",
                        help="send x-amzn-ErrorType as real services do, with a ':http://internal"
                             ".amazon.com/coral/...' suffix the client must strip")
    parser.add_argument("--no-padding", action="store_true",
                        help="omit the \"p\" padding field Bedrock adds to stream event payloads")
    parser.add_argument("--guardrails", default=None, metavar="FILE",
                        help="JSON file of guardrails for guardrailConfig and ApplyGuardrail "
                             "(see README.md, Guardrails)")
    args = parser.parse_args(argv)
    if args.now and parse_amz_date(args.now) is None:
        parser.error("--now must look like 20150830T123600Z")
    try:
        registry = guardrails.load_guardrails(args.guardrails)
    except (OSError, ValueError) as e:
        parser.error("--guardrails: %s" % e)
    state = common.ServerState(args, FAULTS)
    state.guardrails = registry
    common.serve(BedrockHandler, state)


if __name__ == "__main__":
    main()
