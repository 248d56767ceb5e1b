#!/usr/bin/env python3
"""Protocol-faithful local Amazon Bedrock Agent Runtime server (Knowledge Bases) for tests.

POST /knowledgebases/{knowledgeBaseId}/retrieve   Retrieve (BM25 over the --corpus passages)
POST /retrieveAndGenerate                         RetrieveAndGenerate (deterministic, with citations)

Same plumbing as bedrock_server.py: SigV4 for service "bedrock", AWS JSON errors with
x-amzn-ErrorType, the common faults, /_test endpoints, guardrails from --guardrails FILE. Documents
come from --corpus FILE (JSONL {"uri", "text", "metadata"}), split into passages at blank lines.
See README.md in this directory.

On start it prints exactly one line "LISTENING <port>" on stdout.
"""

import base64
import hashlib
import json
import math
import os
import re
import sys
import time
import urllib.parse
import uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import testserver_common as common  # noqa: E402
import bedrock_guardrails as guardrails  # noqa: E402
import bedrock_server as bedrock  # noqa: E402
from aws_sigv4 import AwsError, add_auth_arguments, parse_amz_date  # noqa: E402

DEFAULT_KB = "KB12345678"
FAULTS = common.COMMON_FAULTS + (
    "expired-token",   # 403 ExpiredTokenException
    "access-denied",   # 403 AccessDeniedException
)
KB_ID_PATTERN = r"^[0-9a-zA-Z]{10}$"
SESSION_PATTERN = r"^[0-9a-zA-Z._:-]+$"
MODEL_ARN_PATTERN = (
    r"^arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:("
    r"([0-9]{12}:custom-model/[a-z0-9-]{1,63}[.][a-z0-9-]{1,63}(:[0-9]+)?/[a-z0-9]{12})|"
    r"(:foundation-model/[a-z0-9-]{1,63}[.][a-z0-9-]{1,63}([.:]?[a-z0-9-]{1,63})?)|"
    r"([0-9]{12}:provisioned-model/[a-z0-9]{12})|"
    r"([0-9]{12}:inference-profile/[a-z0-9-]{1,63}([.][a-z0-9-]{1,63}){1,2}([.:]?[a-z0-9-]{1,63})?)|"
    r"([0-9]{12}:application-inference-profile/[a-z0-9]{12}))$")
NO_ANSWER = "Sorry, I am unable to assist you with this request."
MAX_INPUT = 1000
K1, B = 1.2, 0.75
RETRIEVE_RE = re.compile(r"^/knowledgebases/([^/]+)/retrieve$")


def tokens(text):
    return re.findall(r"\w+", text.lower())


def utf16_len(text):
    return len(text.encode("utf-16-le")) // 2


def first_sentence(passage):
    m = re.search(r"[.!?](?=\s|$)", passage)
    return passage[: m.end()] if m else passage


# =============================================================================================
# Corpus and BM25


class Passage:
    def __init__(self, index, uri, text, metadata):
        self.index = index
        self.uri = uri
        self.text = text
        self.metadata = metadata
        self.tokens = tokens(text)
        self.tf = {}
        for t in self.tokens:
            self.tf[t] = self.tf.get(t, 0) + 1

    def meta(self):
        out = dict(self.metadata)
        out["x-amz-bedrock-kb-source-uri"] = self.uri
        return out

    def location(self):
        return {"type": "S3", "s3Location": {"uri": self.uri}}


def load_corpus(path):
    passages = []
    if not path:
        return passages
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, start=1):
            if not line.strip():
                continue
            try:
                doc = json.loads(line)
            except ValueError as e:
                raise ValueError("line %d: %s" % (lineno, e))
            if not isinstance(doc, dict) or not isinstance(doc.get("uri"), str) \
                    or not isinstance(doc.get("text"), str):
                raise ValueError("line %d: each document needs a string uri and text" % lineno)
            metadata = doc.get("metadata") or {}
            if not isinstance(metadata, dict):
                raise ValueError("line %d: metadata must be an object" % lineno)
            for part in re.split(r"\n\s*\n", doc["text"]):
                part = part.strip()
                if part:
                    passages.append(Passage(len(passages), doc["uri"], part, metadata))
    return passages


class KnowledgeBase:
    def __init__(self, kb_id, passages):
        self.id = kb_id
        self.passages = passages
        self.df = {}
        for p in passages:
            for t in p.tf:
                self.df[t] = self.df.get(t, 0) + 1
        self.avgdl = (sum(len(p.tokens) for p in passages) / len(passages)) if passages else 0.0

    def search(self, query, limit):
        """[(passage, normalised score)] with BM25 > 0, best first, ties in corpus order."""
        n = len(self.passages)
        terms = sorted(set(tokens(query)))
        scored = []
        for p in self.passages:
            score = 0.0
            for t in terms:
                f = p.tf.get(t, 0)
                if not f:
                    continue
                df = self.df[t]
                idf = math.log((n - df + 0.5) / (df + 0.5) + 1.0)
                score += idf * f * (K1 + 1) / (f + K1 * (1 - B + B * len(p.tokens) / self.avgdl))
            if score > 0:
                scored.append((score, p))
        scored.sort(key=lambda sp: (-sp[0], sp[1].index))
        scored = scored[:limit]
        best = scored[0][0] if scored else 1.0
        return [(p, round(s / best, 4)) for s, p in scored]


# =============================================================================================
# Validation (Coral wording)


def check_text(value, where, low, high, v, sensitive=False):
    """A required string of low..high characters (sensitive values are not echoed, as AWS does)."""
    if value is None:
        v.add(None, where, "not be null")
    elif not isinstance(value, str):
        v.add(value, where, "be a string")
    elif len(value) < low or len(value) > high:
        constraint = ("have length less than or equal to %d" % high if len(value) > high
                      else "have length greater than or equal to %d" % low)
        if sensitive:
            v.errors.append("Value at '%s' failed to satisfy constraint: Member must %s"
                            % (where, constraint))
        else:
            v.add(value, where, constraint)


def check_struct(obj, where, v, required=False):
    if obj is None:
        if required:
            v.add(None, where, "not be null")
        return {}
    if not isinstance(obj, dict):
        v.add(obj, where, "be a structure")
        return {}
    return obj


def check_search_config(rc, where, v):
    rc = check_struct(rc, where, v)
    vs = check_struct(rc.get("vectorSearchConfiguration"), where + ".vectorSearchConfiguration", v)
    n = vs.get("numberOfResults")
    bedrock.check_number(n, where + ".vectorSearchConfiguration.numberOfResults", 1, 100, True, v)
    st = vs.get("overrideSearchType")
    if st is not None and st not in ("HYBRID", "SEMANTIC"):
        v.add(st, where + ".vectorSearchConfiguration.overrideSearchType",
              "satisfy enum value set: [HYBRID, SEMANTIC]")
    return n if isinstance(n, int) and not isinstance(n, bool) and 1 <= n <= 100 else 5


def check_guardrail_configuration(gc, where, v):
    gc = check_struct(gc, where, v)
    if not gc:
        return None
    gid, version = gc.get("guardrailId"), gc.get("guardrailVersion")
    if gid is None:
        v.add(None, where + ".guardrailId", "not be null")
    elif not isinstance(gid, str) or not re.fullmatch(r"^[a-z0-9]+$", gid):
        v.add(gid, where + ".guardrailId", "satisfy regular expression pattern: ^[a-z0-9]+$")
    if version is None:
        v.add(None, where + ".guardrailVersion", "not be null")
    elif not isinstance(version, str) or not re.fullmatch(guardrails.VERSION_PATTERN, version):
        v.add(version, where + ".guardrailVersion",
              "satisfy regular expression pattern: " + guardrails.VERSION_PATTERN)
    return gc


# =============================================================================================
# HTTP handler


class AgentHandler(bedrock.BedrockHandler):
    server_version = "bedrock-agent-testserver/1"
    fault_list = FAULTS
    access_denied_message = "Access denied when calling Bedrock. Check your request permissions " \
                            "and retry the request."

    def do_GET(self):
        if self.raw_path() == "/_test/state":
            st = self.state
            with st.lock:
                sessions = sorted(st.sessions)
            self.send_json(200, {"knowledge_bases": {k: len(kb.passages)
                                                     for k, kb in st.knowledge_bases.items()},
                                 "sessions": sessions,
                                 "guardrails": [g.as_dict() for g in st.guardrails.values()]})
            return
        super().do_GET()

    def handle_operation(self, entry, body):
        args = self.state.args
        if args.latency_ms > 0:
            time.sleep(args.latency_ms / 1000.0)
        self.authenticate(body, entry)
        path = self.raw_path()
        retrieve = RETRIEVE_RE.match(path)
        if self.command != "POST" or not (retrieve or path == "/retrieveAndGenerate"):
            raise AwsError(404, "UnknownOperationException",
                           "Unknown operation %s %s" % (self.command, path))
        operation = "Retrieve" if retrieve else "RetrieveAndGenerate"
        self.state.update(entry, operation=operation)
        faults = self.request_faults(entry)
        if faults is None:
            return
        if retrieve:
            kb_id = urllib.parse.unquote(retrieve.group(1), encoding="utf-8", errors="replace")
            answer, fields = self.retrieve(entry, kb_id, body)
        else:
            answer, fields = self.retrieve_and_generate(entry, body)
        verdict = "fault:" + faults.describe() if faults.names else "ok"
        self.state.update(entry, verdict=verdict, status=200, **fields)
        self.send_json_faulty(answer, faults, common.new_request_id())

    def knowledge_base(self, kb_id, where, entry):
        self.state.update(entry, knowledge_base_id=kb_id)
        if not isinstance(kb_id, str) or not re.fullmatch(KB_ID_PATTERN, kb_id):
            raise guardrails.coral(kb_id, where, "satisfy regular expression pattern: "
                                   "[0-9a-zA-Z]{10}")
        kb = self.state.knowledge_bases.get(kb_id)
        if kb is None:
            raise AwsError(404, "ResourceNotFoundException",
                           "Knowledge base %s does not exist." % kb_id)
        return kb

    def guardrail(self, config):
        if config is None:
            return None
        return guardrails.find_guardrail(self.state.guardrails, config["guardrailId"],
                                         config["guardrailVersion"])

    # -- Retrieve
    def retrieve(self, entry, kb_id, body):
        kb = self.knowledge_base(kb_id, "knowledgeBaseId", entry)
        req = bedrock.parse_json_body(body)
        v = bedrock.Validation()
        rq = check_struct(req.get("retrievalQuery"), "retrievalQuery", v, required=True)
        if isinstance(req.get("retrievalQuery"), dict):
            check_text(rq.get("text"), "retrievalQuery.text", 1, 100000, v, sensitive=True)
        limit = check_search_config(req.get("retrievalConfiguration"), "retrievalConfiguration", v)
        gconf = check_guardrail_configuration(req.get("guardrailConfiguration"),
                                              "guardrailConfiguration", v)
        token = req.get("nextToken")
        if token is not None and not isinstance(token, str):
            v.add(token, "nextToken", "be a string")
        v.raise_if_any()
        query = rq["text"]
        fields = {}
        g = self.guardrail(gconf)
        action, blocked = None, False
        if g is not None:
            chk = guardrails.check_input(g, [query])
            blocked = chk.blocked
            action = "INTERVENED" if chk.intervened else "NONE"
            fields["guardrail"] = {"id": g.id, "version": gconf["guardrailVersion"],
                                   "action": action, "input": chk.action}
            query = chk.texts[0]
        fingerprint = hashlib.sha256(json.dumps([kb.id, query, limit]).encode()).hexdigest()[:16]
        offset = 0
        if token is not None:
            offset = self.decode_token(token, fingerprint)
        results = [] if blocked else kb.search(query, limit)
        page = results[offset:offset + self.state.args.page_size]
        answer = {"retrievalResults": [
            {"content": {"text": p.text, "type": "TEXT"}, "location": p.location(),
             "score": score, "metadata": p.meta()} for p, score in page]}
        if offset + self.state.args.page_size < len(results):
            answer["nextToken"] = self.encode_token(fingerprint, offset + self.state.args.page_size)
        if action is not None:
            answer["guardrailAction"] = action
        fields["results"] = len(page)
        return answer, fields

    @staticmethod
    def encode_token(fingerprint, offset):
        raw = json.dumps({"q": fingerprint, "o": offset}, separators=(",", ":")).encode()
        return base64.urlsafe_b64encode(raw).decode().rstrip("=")

    @staticmethod
    def decode_token(token, fingerprint):
        try:
            obj = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
            if obj["q"] == fingerprint and isinstance(obj["o"], int) and obj["o"] >= 0:
                return obj["o"]
        except (ValueError, KeyError, TypeError):
            pass
        raise AwsError(400, "ValidationException",
                       "The nextToken is not valid for this request. Repeat the request that "
                       "returned it, unchanged, with its nextToken.")

    # -- RetrieveAndGenerate
    def retrieve_and_generate(self, entry, body):
        req = bedrock.parse_json_body(body)
        v = bedrock.Validation()
        inp = check_struct(req.get("input"), "input", v, required=True)
        if isinstance(req.get("input"), dict):
            check_text(inp.get("text"), "input.text", 1, MAX_INPUT, v, sensitive=True)
        cfg = check_struct(req.get("retrieveAndGenerateConfiguration"),
                           "retrieveAndGenerateConfiguration", v, required=True)
        where = "retrieveAndGenerateConfiguration"
        kind = cfg.get("type")
        kbc, limit, gconf = {}, 5, None
        if isinstance(req.get("retrieveAndGenerateConfiguration"), dict):
            if kind is None:
                v.add(None, where + ".type", "not be null")
            elif kind not in ("KNOWLEDGE_BASE", "EXTERNAL_SOURCES"):
                v.add(kind, where + ".type", "satisfy enum value set: [KNOWLEDGE_BASE, "
                      "EXTERNAL_SOURCES]")
            kwhere = where + ".knowledgeBaseConfiguration"
            kbc = check_struct(cfg.get("knowledgeBaseConfiguration"), kwhere, v,
                               required=kind == "KNOWLEDGE_BASE")
            if kbc:
                kb_id = kbc.get("knowledgeBaseId")
                if kb_id is None:
                    v.add(None, kwhere + ".knowledgeBaseId", "not be null")
                elif not isinstance(kb_id, str) or not re.fullmatch(KB_ID_PATTERN, kb_id):
                    v.add(kb_id, kwhere + ".knowledgeBaseId",
                          "satisfy regular expression pattern: [0-9a-zA-Z]{10}")
                arn = kbc.get("modelArn")
                if arn is None:
                    v.add(None, kwhere + ".modelArn", "not be null")
                elif not isinstance(arn, str) or len(arn) > 2048 \
                        or not re.fullmatch(MODEL_ARN_PATTERN, arn):
                    v.add(arn, kwhere + ".modelArn",
                          "satisfy regular expression pattern: " + MODEL_ARN_PATTERN)
                limit = check_search_config(kbc.get("retrievalConfiguration"),
                                            kwhere + ".retrievalConfiguration", v)
                gen = check_struct(kbc.get("generationConfiguration"),
                                   kwhere + ".generationConfiguration", v)
                gwhere = kwhere + ".generationConfiguration"
                gconf = check_guardrail_configuration(gen.get("guardrailConfiguration"),
                                                      gwhere + ".guardrailConfiguration", v)
                ic = check_struct(gen.get("inferenceConfig"), gwhere + ".inferenceConfig", v)
                tic = check_struct(ic.get("textInferenceConfig"),
                                   gwhere + ".inferenceConfig.textInferenceConfig", v)
                twhere = gwhere + ".inferenceConfig.textInferenceConfig"
                bedrock.check_number(tic.get("maxTokens"), twhere + ".maxTokens", 0, 65536, True, v)
                bedrock.check_number(tic.get("temperature"), twhere + ".temperature", 0, 1, False, v)
                bedrock.check_number(tic.get("topP"), twhere + ".topP", 0, 1, False, v)
                stops = tic.get("stopSequences")
                if stops is not None and (not isinstance(stops, list) or len(stops) > 4):
                    v.add(stops, twhere + ".stopSequences",
                          "be a list of at most 4 strings" if isinstance(stops, list)
                          else "be a list")
                pt = check_struct(gen.get("promptTemplate"), gwhere + ".promptTemplate", v)
                tpl = pt.get("textPromptTemplate")
                if tpl is not None:
                    check_text(tpl, gwhere + ".promptTemplate.textPromptTemplate", 1, 100000, v,
                               sensitive=True)
        session = req.get("sessionId")
        if session is not None:
            if not isinstance(session, str) or not 2 <= len(session) <= 100 \
                    or not re.fullmatch(SESSION_PATTERN, session):
                v.add(session, "sessionId", "satisfy regular expression pattern: " + SESSION_PATTERN)
        v.raise_if_any()
        if kind != "KNOWLEDGE_BASE":
            raise AwsError(400, "ValidationException", "test server: only retrieveAndGenerate"
                           "Configuration.type KNOWLEDGE_BASE is supported")
        kb = self.knowledge_base(kbc["knowledgeBaseId"], "knowledgeBaseId", entry)
        with self.state.lock:
            if session is None:
                session = str(uuid.uuid4())
                self.state.sessions.add(session)
            elif session not in self.state.sessions:
                session = None
        if session is None:
            raise AwsError(400, "ValidationException", "Session with Id %s is not valid. Please "
                           "check and try again." % req["sessionId"])
        g = self.guardrail(gconf)
        fields = {"session_id": session, "model_arn": kbc["modelArn"]}

        query = inp["text"]
        in_check = out_check = None
        if g is not None:
            in_check = guardrails.check_input(g, [query])
            query = in_check.texts[0]
        if in_check is not None and in_check.blocked:
            text, citations = g.blocked_input_message, []
        else:
            found = kb.search(query, limit)
            top = found[:2]
            sentences = [first_sentence(p.text) for p, _ in top]
            if g is not None and sentences:
                out_check = guardrails.check_output(g, sentences, [p.text for p, _ in found],
                                                    query)
            if not sentences:
                text, citations = NO_ANSWER, []
            elif out_check is not None and out_check.blocked:
                text, citations = g.blocked_output_message, []
            else:
                if out_check is not None and out_check.anonymized:
                    sentences = out_check.texts
                text, citations = self.cite(sentences, [p for p, _ in top])
        answer = {"output": {"text": text}, "citations": citations, "sessionId": session}
        if g is not None:
            intervened = in_check.blocked or (out_check is not None and out_check.intervened)
            answer["guardrailAction"] = "INTERVENED" if intervened else "NONE"
            fields["guardrail"] = {"id": g.id, "version": gconf["guardrailVersion"],
                                   "action": answer["guardrailAction"], "input": in_check.action,
                                   "output": out_check.action if out_check else None}
        return answer, fields

    @staticmethod
    def cite(sentences, passages):
        """output text and citations; span start/end are UTF-16 offsets into the text, end
        inclusive (the sentence's last character)."""
        text, citations = "", []
        for sentence, p in zip(sentences, passages):
            if text:
                text += " "
            start = utf16_len(text)
            text += sentence
            citations.append({
                "generatedResponsePart": {"textResponsePart": {
                    "text": sentence,
                    "span": {"start": start, "end": start + utf16_len(sentence) - 1}}},
                "retrievedReferences": [{"content": {"text": p.text, "type": "TEXT"},
                                         "location": p.location(), "metadata": p.meta()}]})
        return text, citations


def main(argv=None):
    parser = common.make_parser(__doc__.split("\n")[1], ())
    add_auth_arguments(parser, "bedrock")
    parser.add_argument("--error-type-suffix", action="store_true",
                        help="send x-amzn-ErrorType as real services do, with a ':http://internal"
                             ".amazon.com/coral/...' suffix the client must strip")
    parser.add_argument("--corpus", default=None, metavar="FILE",
                        help='JSONL documents {"uri", "text", "metadata"}; passages are split at '
                             "blank lines")
    parser.add_argument("--knowledge-base", action="append", metavar="ID[=URI_PREFIX]",
                        help="a knowledge base id (10 letters/digits; repeatable); with "
                             "=URI_PREFIX it holds only the documents whose uri starts with it "
                             "(default: one KB %s holding the whole corpus)" % DEFAULT_KB)
    parser.add_argument("--guardrails", default=None, metavar="FILE",
                        help="JSON file of guardrails (see README.md, Guardrails)")
    parser.add_argument("--page-size", type=int, default=10,
                        help="Retrieve results per page (default 10)")
    args = parser.parse_args(argv)
    if args.now and parse_amz_date(args.now) is None:
        parser.error("--now must look like 20150830T123600Z")
    if args.page_size < 1:
        parser.error("--page-size must be at least 1")
    try:
        registry = guardrails.load_guardrails(args.guardrails)
        passages = load_corpus(args.corpus)
    except (OSError, ValueError) as e:
        parser.error(str(e))
    kbs = {}
    for spec in args.knowledge_base or [DEFAULT_KB]:
        kb_id, _, prefix = spec.partition("=")
        if not re.fullmatch(KB_ID_PATTERN, kb_id):
            parser.error("--knowledge-base %r: the id must be 10 letters or digits" % kb_id)
        chosen = [p for p in passages if p.uri.startswith(prefix)]
        renumbered = [Passage(i, p.uri, p.text, p.metadata) for i, p in enumerate(chosen)]
        kbs[kb_id] = KnowledgeBase(kb_id, renumbered)
    state = common.ServerState(args, FAULTS)
    state.guardrails = registry
    state.knowledge_bases = kbs
    state.sessions = set()
    common.serve(AgentHandler, state)


if __name__ == "__main__":
    main()
