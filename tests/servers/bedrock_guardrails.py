"""Deterministic Amazon Bedrock Guardrails engine for the test servers (standard library only).

bedrock_server.py (Converse, ConverseStream, ApplyGuardrail) and bedrock_agent_server.py (Retrieve,
RetrieveAndGenerate) import this module from their own directory. Guardrails come from a JSON file
(`--guardrails FILE`, format in README.md "Guardrails"). Everything here is a pure function of the
guardrail and the texts, so selftest.py can check the engine directly:

* load_guardrails(path) / parse_guardrails(obj)  -> {id: Guardrail}
* validate_version(v, where), validate_trace(t, where), validate_identifier(i, where)
* find_guardrail(guardrails, identifier, version) -> Guardrail or AwsError 404
* check_input(g, texts, total_chars=None) / check_output(g, texts, sources=(), query=None, ...)
  -> Check, whose .assessment(level) is the AWS wire object for trace level
  "enabled" / "enabled_full" (ApplyGuardrail outputScope INTERVENTIONS / FULL).

Wire names are AWS's (GuardrailAssessment and friends).
"""

import json
import math
import re
import time

from aws_sigv4 import AwsError

VERSION_PATTERN = r"^(([1-9][0-9]{0,7})|(DRAFT))$"
IDENTIFIER_PATTERN = (r"^(([a-z0-9]+)|(arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:[0-9]{12}:"
                      r"guardrail/[a-z0-9]+))$")
TRACE_VALUES = ("enabled", "disabled", "enabled_full")
QUALIFIERS = ("grounding_source", "query", "guard_content")
STRENGTHS = ("NONE", "LOW", "MEDIUM", "HIGH")
NOT_FOUND = "The guardrail identifier or version provided doesn't exist."

# Built-in PII detectors (type -> regex). Types not listed here are refused when the file is loaded,
# so a typo fails loudly instead of never matching.
PII_PATTERNS = {
    "EMAIL": r"(?<![\w.+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?!\w)",
    "US_SOCIAL_SECURITY_NUMBER": r"(?<![\w-])\d{3}-\d{2}-\d{4}(?![\w-])",
    "PHONE": r"(?<![\w+-])(?:\+?1[ .-]?)?(?:\(\d{3}\)\s?|\d{3}[ .-]?)\d{3}[ .-]\d{4}(?![\w-])",
    "CREDIT_DEBIT_CARD_NUMBER": r"(?<![\w-])\d(?:[ -]?\d){12,15}(?![\w-])",
    "IP_ADDRESS": r"(?<![\w.])(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)(?![\w.])",
    "AWS_ACCESS_KEY": r"(?<!\w)(?:AKIA|ASIA)[A-Z0-9]{16}(?!\w)",
    "URL": r"(?<!\w)https?://[^\s]+[^\s.,;:!?)\]]",
}
# Which PII type wins when two detectors match overlapping text (the earlier start wins first).
PII_ORDER = ("EMAIL", "URL", "AWS_ACCESS_KEY", "US_SOCIAL_SECURITY_NUMBER",
             "CREDIT_DEBIT_CARD_NUMBER", "PHONE", "IP_ADDRESS")

# Content filters: deterministic word and phrase lists; a hit is confidence HIGH.
CONTENT_LISTS = {
    "PROMPT_ATTACK": ["ignore previous instructions", "ignore all previous", "ignore the above",
                      "disregard your instructions", "disregard previous instructions",
                      "you are now dan", "reveal your system prompt", "print your system prompt"],
    "INSULTS": ["idiot", "idiots", "stupid", "moron", "morons", "dumb"],
    "HATE": ["hate all", "subhuman", "vermin"],
    "SEXUAL": ["explicit sex", "porn", "nude"],
    "VIOLENCE": ["kill", "murder", "stab", "shoot"],
    "MISCONDUCT": ["make a bomb", "build a bomb", "steal a car", "launder money", "shoplift"],
}
INPUT_ONLY = ("PROMPT_ATTACK",)

STOP_WORDS = frozenset("""
a an the and or but if then else of to in on at by for with from as is are was were be been being
it its this that these those i you he she we they me him her us them my your his our their what
which who whom whose when where why how do does did done have has had having not no yes so than too
very can could should would will shall may might must just also about into over under again there
here all any both each few more most other some such only own same s t don now
""".split())


def phrase_regex(phrase):
    """Case-insensitive whole-word (or whole-phrase) match; runs of whitespace match any space."""
    words = [re.escape(w) for w in phrase.split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)


def content_words(text):
    return set(w for w in re.findall(r"\w+", text.lower()) if w not in STOP_WORDS)


# =============================================================================================
# Guardrail definitions


class Guardrail:
    def __init__(self, spec):
        def need(cond, what):
            if not cond:
                raise ValueError("guardrail %r: %s" % (spec.get("id"), what))
        need(isinstance(spec, dict), "must be an object")
        self.id = spec.get("id")
        need(isinstance(self.id, str) and re.fullmatch(r"[a-z0-9]+", self.id or ""),
             "'id' must be lower-case letters and digits")
        self.versions = [str(v) for v in spec.get("versions", ["DRAFT"])]
        for v in self.versions:
            need(re.fullmatch(VERSION_PATTERN, v), "version %r is not DRAFT or 1..99999999" % v)
        self.blocked_input_message = spec.get("blocked_input_message",
                                              "Sorry, the model cannot answer this question.")
        self.blocked_output_message = spec.get("blocked_output_message",
                                               "Sorry, the model cannot answer this question.")
        self.topics = []
        for t in spec.get("topics", []):
            need(isinstance(t, dict) and isinstance(t.get("name"), str)
                 and isinstance(t.get("keywords", []), list), "each topic needs name and keywords")
            self.topics.append((t["name"], [phrase_regex(k) for k in t.get("keywords", [])]))
        self.words = []
        for w in spec.get("words", []):
            need(isinstance(w, str) and w.strip(), "words must be non-empty strings")
            self.words.append((w, phrase_regex(w)))
        self.pii = []
        for p in spec.get("pii", []):
            need(isinstance(p, dict) and p.get("type") in PII_PATTERNS,
                 "pii type %r unknown (known: %s)" % (p.get("type") if isinstance(p, dict) else p,
                                                      ", ".join(sorted(PII_PATTERNS))))
            action = p.get("action", "BLOCK")
            need(action in ("BLOCK", "ANONYMIZE", "NONE"), "pii action must be BLOCK, ANONYMIZE "
                 "or NONE")
            self.pii.append((p["type"], action))
        self.regexes = []
        for r in spec.get("regexes", []):
            need(isinstance(r, dict) and isinstance(r.get("name"), str)
                 and isinstance(r.get("pattern"), str), "each regex needs name and pattern")
            action = r.get("action", "BLOCK")
            need(action in ("BLOCK", "ANONYMIZE", "NONE"), "regex action must be BLOCK, "
                 "ANONYMIZE or NONE")
            try:
                compiled = re.compile(r["pattern"])
            except re.error as e:
                raise ValueError("guardrail %r: regex %r: %s" % (self.id, r["name"], e))
            self.regexes.append((r["name"], r["pattern"], compiled, action))
        self.content = []
        for c in spec.get("content", []):
            need(isinstance(c, dict) and c.get("type") in CONTENT_LISTS,
                 "content filter type must be one of %s" % ", ".join(CONTENT_LISTS))
            ins = c.get("input_strength", "HIGH")
            outs = c.get("output_strength", "NONE" if c["type"] in INPUT_ONLY else "HIGH")
            need(ins in STRENGTHS and outs in STRENGTHS, "strengths are NONE|LOW|MEDIUM|HIGH")
            if c["type"] in INPUT_ONLY:
                outs = "NONE"  # as in AWS: prompt attacks are an input filter only
            self.content.append((c["type"], ins, outs,
                                 [phrase_regex(p) for p in CONTENT_LISTS[c["type"]]]))
        self.grounding = self._threshold(spec, "grounding")
        self.relevance = self._threshold(spec, "relevance")

    def _threshold(self, spec, name):
        value = spec.get(name)
        if value is None:
            return None
        threshold = value.get("threshold") if isinstance(value, dict) else None
        if isinstance(threshold, bool) or not isinstance(threshold, (int, float)) \
                or not 0 <= threshold <= 0.99:
            raise ValueError("guardrail %r: %s.threshold must be a number in 0..0.99"
                             % (self.id, name))
        return float(threshold)

    def as_dict(self):
        return {"id": self.id, "versions": self.versions,
                "topics": [t for t, _ in self.topics], "words": [w for w, _ in self.words],
                "pii": [{"type": t, "action": a} for t, a in self.pii],
                "regexes": [{"name": n, "pattern": p, "action": a} for n, p, _, a in self.regexes],
                "content": [{"type": t, "input_strength": i, "output_strength": o}
                            for t, i, o, _ in self.content],
                "grounding": self.grounding, "relevance": self.relevance}


def parse_guardrails(obj):
    items = obj.get("guardrails") if isinstance(obj, dict) else obj
    if not isinstance(items, list):
        raise ValueError('guardrails file must be {"guardrails": [...]}')
    out = {}
    for spec in items:
        g = Guardrail(spec)
        if g.id in out:
            raise ValueError("guardrail %r defined twice" % g.id)
        out[g.id] = g
    return out


def load_guardrails(path):
    if not path:
        return {}
    with open(path, encoding="utf-8") as f:
        return parse_guardrails(json.load(f))


# =============================================================================================
# Request-side validation (Coral wording, like bedrock_server.Validation)


def coral(value, where, constraint):
    shown = "null" if value is None else "'%s'" % value
    return AwsError(400, "ValidationException",
                    "1 validation error detected: Value %s at '%s' failed to satisfy constraint: "
                    "Member must %s" % (shown, where, constraint))


def validate_identifier(identifier, where):
    if not isinstance(identifier, str):
        raise coral(None if identifier is None else identifier, where, "not be null"
                    if identifier is None else "be a string")
    if len(identifier) > 2048 or not re.fullmatch(IDENTIFIER_PATTERN, identifier):
        raise coral(identifier, where, "satisfy regular expression pattern: " + IDENTIFIER_PATTERN)


def validate_version(version, where):
    if version is None:
        raise coral(None, where, "not be null")
    if not isinstance(version, str) or not re.fullmatch(VERSION_PATTERN, version):
        raise coral(version, where, "satisfy regular expression pattern: " + VERSION_PATTERN)


def validate_trace(trace, where):
    if trace is not None and trace not in TRACE_VALUES:
        raise coral(trace, where, "satisfy enum value set: [%s]" % ", ".join(TRACE_VALUES))


def find_guardrail(guardrails, identifier, version):
    """The guardrail named by an id or a guardrail ARN, at a listed version; else AWS's 404."""
    gid = identifier.rsplit("/", 1)[-1] if identifier.startswith("arn:") else identifier
    g = guardrails.get(gid)
    if g is None or version not in g.versions:
        raise AwsError(404, "ResourceNotFoundException", NOT_FOUND)
    return g


# =============================================================================================
# Checks


class Check:
    """The result of one input or output check.

    entries: policy -> list of (entry dict, always_shown). texts: the guarded texts with
    ANONYMIZE matches masked (same order as given). blocked / anonymized: booleans.
    """

    def __init__(self, guardrail, source):
        self.guardrail = guardrail
        self.source = source
        self.blocked = False
        self.anonymized = False
        self.texts = []
        self.original = []
        self.entries = {"topics": [], "filters": [], "customWords": [], "piiEntities": [],
                        "regexes": [], "grounding": []}
        self.guarded_chars = 0
        self.total_chars = 0
        self.latency_ms = 0
        self.units = {}

    @property
    def intervened(self):
        return self.blocked or self.anonymized

    @property
    def action(self):
        """BLOCKED | ANONYMIZED | NONE (this server's summary, used in request logs)."""
        return "BLOCKED" if self.blocked else "ANONYMIZED" if self.anonymized else "NONE"

    def action_reason(self):
        if self.blocked:
            return "Guardrail blocked."
        if self.anonymized:
            return "Guardrail masked."
        return "No action."

    def add(self, policy, entry, always=False):
        self.entries[policy].append((entry, always))
        if entry.get("action") == "BLOCKED":
            self.blocked = True
        elif entry.get("action") == "ANONYMIZED":
            self.anonymized = True

    def usage(self):
        return dict(self.units)

    def coverage(self):
        return {"textCharacters": {"guarded": self.guarded_chars, "total": self.total_chars}}

    def assessment(self, level="enabled_full"):
        """The GuardrailAssessment object. level "enabled": entries whose action is not NONE, plus
        every contextual-grounding filter; "enabled_full": every checked entry."""
        full = level == "enabled_full"

        def pick(policy):
            return [dict(e) for e, always in self.entries[policy]
                    if full or always or e.get("action") != "NONE"]
        out = {}
        topics = pick("topics")
        if topics:
            out["topicPolicy"] = {"topics": topics}
        filters = pick("filters")
        if filters:
            out["contentPolicy"] = {"filters": filters}
        words = pick("customWords")
        if words:
            out["wordPolicy"] = {"customWords": words, "managedWordLists": []}
        pii, regexes = pick("piiEntities"), pick("regexes")
        if pii or regexes:
            out["sensitiveInformationPolicy"] = {"piiEntities": pii, "regexes": regexes}
        grounding = pick("grounding")
        if grounding:
            out["contextualGroundingPolicy"] = {"filters": grounding}
        out["invocationMetrics"] = {"guardrailProcessingLatency": self.latency_ms,
                                    "usage": self.usage(),
                                    "guardrailCoverage": self.coverage()}
        return out


def _text_chars(texts):
    return sum(len(t) for t in texts)


def _sensitive(g, text, check):
    """PII and regex matches of one text; returns the text with ANONYMIZE matches masked."""
    found = []  # (start, end, rank, kind, name/type, action, pattern)
    rank = {t: i for i, t in enumerate(PII_ORDER)}
    for pii_type, action in g.pii:
        for m in re.finditer(PII_PATTERNS[pii_type], text):
            found.append((m.start(), m.end(), rank.get(pii_type, 99), "pii", pii_type, action, None))
    for index, (name, pattern, compiled, action) in enumerate(g.regexes):
        for m in compiled.finditer(text):
            if m.end() > m.start():
                found.append((m.start(), m.end(), 100 + index, "regex", name, action, pattern))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0]), f[2]))
    kept, last_end = [], -1
    for f in found:
        if f[0] >= last_end:
            kept.append(f)
            last_end = f[1]
    out, pos = [], 0
    for start, end, _, kind, name, action, pattern in kept:
        match = text[start:end]
        wire = {"BLOCK": "BLOCKED", "ANONYMIZE": "ANONYMIZED", "NONE": "NONE"}[action]
        if kind == "pii":
            check.add("piiEntities", {"match": match, "type": name, "action": wire,
                                      "detected": True})
        else:
            check.add("regexes", {"name": name, "match": match, "regex": pattern, "action": wire,
                                  "detected": True})
        out.append(text[pos:start])
        out.append("{%s}" % name if action == "ANONYMIZE" else match)
        pos = end
    out.append(text[pos:])
    return "".join(out)


def _run(g, source, texts, total_chars, sources=(), query=None):
    started = time.monotonic()
    check = Check(g, source)
    texts = [t for t in texts if isinstance(t, str)]
    check.original = list(texts)
    joined = "\n".join(texts)
    side = 1 if source == "INPUT" else 2

    for name, patterns in g.topics:
        hit = any(p.search(joined) for p in patterns)
        check.add("topics", {"name": name, "type": "DENY", "action": "BLOCKED" if hit else "NONE",
                             "detected": hit})
    content_on = False
    for spec in g.content:
        ftype, strength, patterns = spec[0], spec[side], spec[3]
        if strength == "NONE":
            continue  # that filter is off for this side
        content_on = True
        hit = any(p.search(joined) for p in patterns)
        check.add("filters", {"type": ftype, "confidence": "HIGH" if hit else "NONE",
                              "filterStrength": strength, "action": "BLOCKED" if hit else "NONE",
                              "detected": hit})
    for word, pattern in g.words:
        for m in pattern.finditer(joined):
            check.add("customWords", {"match": m.group(0), "action": "BLOCKED", "detected": True})
    check.texts = [_sensitive(g, t, check) for t in texts]

    grounded = False
    if source == "OUTPUT" and (g.grounding is not None or g.relevance is not None) and sources:
        grounded = True
        response = content_words(joined)
        if g.grounding is not None:
            known = content_words("\n".join(sources))
            score = round(len(response & known) / len(response), 2) if response else 1.0
            low = score < g.grounding
            check.add("grounding", {"type": "GROUNDING", "threshold": g.grounding, "score": score,
                                    "action": "BLOCKED" if low else "NONE", "detected": low},
                      always=True)
        if g.relevance is not None and query:
            asked = content_words(query)
            score = round(len(asked & response) / len(asked), 2) if asked else 1.0
            low = score < g.relevance
            check.add("grounding", {"type": "RELEVANCE", "threshold": g.relevance, "score": score,
                                    "action": "BLOCKED" if low else "NONE", "detected": low},
                      always=True)

    check.guarded_chars = _text_chars(texts)
    check.total_chars = check.guarded_chars if total_chars is None else total_chars
    checked = bool(texts)
    units = max(1, math.ceil(check.guarded_chars / 1000)) if checked else 0
    check.units = {
        "topicPolicyUnits": units if g.topics else 0,
        "contentPolicyUnits": units if content_on else 0,
        "wordPolicyUnits": units if g.words else 0,
        "sensitiveInformationPolicyUnits": units if g.pii else 0,
        "sensitiveInformationPolicyFreeUnits": units if g.regexes else 0,
        "contextualGroundingPolicyUnits": units if grounded else 0,
    }
    check.latency_ms = int((time.monotonic() - started) * 1000)
    return check


def check_input(g, texts, total_chars=None):
    """Input check of the guarded texts: topics, words, PII/regexes, content filters (input
    strengths). total_chars: every text character of the request (guarded or not), for
    guardrailCoverage; defaults to the guarded ones."""
    return _run(g, "INPUT", texts, total_chars)


def check_output(g, texts, sources=(), query=None, total_chars=None):
    """Output check: as check_input with output strengths, plus contextual grounding when the
    guardrail has a grounding/relevance threshold and grounding sources are given."""
    return _run(g, "OUTPUT", texts, total_chars, sources=list(sources), query=query)


def split_qualified(blocks):
    """guardContent-style text blocks [{"text": str, "qualifiers": [...]}] ->
    (guarded texts, grounding sources, query or None). Blocks without qualifiers are guarded."""
    guarded, sources, queries = [], [], []
    for b in blocks:
        quals = b.get("qualifiers") or []
        if not quals or "guard_content" in quals:
            guarded.append(b["text"])
        if "grounding_source" in quals:
            sources.append(b["text"])
        if "query" in quals:
            queries.append(b["text"])
    return guarded, sources, ("\n".join(queries) if queries else None)
