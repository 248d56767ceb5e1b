"""AWS Signature Version 4 verification for the protocol-faithful test servers (standard library only).

bedrock_server.py and sagemaker_server.py import this module from their own directory. It checks a
header-signed request the way AWS services do and raises AwsError with the service's error type and
wording, so a client's signer bugs show up as they would against AWS. See README.md ("SigV4").
"""

import calendar
import hashlib
import hmac
import re
import time
import urllib.parse

DEFAULT_ACCESS_KEY = "AKIDEXAMPLE"
DEFAULT_SECRET_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
SIGNATURE_MISMATCH = ("The request signature we calculated does not match the signature you "
                      "provided. Check your AWS Secret Access Key and signing method. Consult the "
                      "service documentation for details.")

# =============================================================================================
# SigV4 verification


class AwsError(Exception):
    def __init__(self, status, error_type, message, headers=(), fault=None):
        super().__init__(message)
        self.fault = fault
        self.status = status
        self.error_type = error_type
        self.message = message
        self.headers = list(headers)


UNRESERVED = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~")


def uri_encode(data):
    """RFC 3986 encoding as SigV4 defines it: everything but unreserved bytes as upper-case %XX."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    return "".join(chr(b) if b in UNRESERVED else "%%%02X" % b for b in data)


def normalize_path(path):
    """Remove '.' and '..' segments and empty segments; keep a trailing slash."""
    segments = []
    for seg in path.split(b"/"):
        if seg in (b"", b"."):
            continue
        if seg == b"..":
            if segments:
                segments.pop()
            continue
        segments.append(seg)
    out = b"/" + b"/".join(segments)
    if path.endswith(b"/") and segments:
        out += b"/"
    return out


def canonical_uri(raw_path, normalize=True, encode_again=True):
    """raw_path: the path bytes exactly as they arrived on the wire. Each segment is encoded again,
    except for S3 (encode_again=False), which signs the path as sent."""
    if not encode_again:
        return raw_path.decode("ascii") or "/"
    path = normalize_path(raw_path) if normalize else raw_path
    uri = "/".join(uri_encode(seg) for seg in path.split(b"/"))
    return uri if uri.startswith("/") else "/" + uri


def canonical_query(raw_query):
    params = []
    for pair in raw_query.split(b"&"):
        if not pair:
            continue
        key, _, value = pair.partition(b"=")
        params.append((uri_encode(urllib.parse.unquote_to_bytes(key)),
                       uri_encode(urllib.parse.unquote_to_bytes(value))))
    params.sort()
    return "&".join("%s=%s" % kv for kv in params)


def header_values(headers, name):
    return [v for n, v in headers if n.strip().lower() == name]


def canonical_header_value(values):
    return b",".join(b" ".join(v.split()) for v in values)


def parse_amz_date(text):
    if not re.fullmatch(r"\d{8}T\d{6}Z", text or ""):
        return None
    try:
        return calendar.timegm(time.strptime(text, "%Y%m%dT%H%M%SZ"))
    except ValueError:
        return None


def format_amz_date(epoch):
    return time.strftime("%Y%m%dT%H%M%SZ", time.gmtime(epoch))


def parse_authorization(value):
    """Split 'AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...'."""
    algorithm, _, rest = value.strip().partition(" ")
    fields = {}
    for part in rest.split(","):
        k, eq, v = part.strip().partition("=")
        if eq:
            fields[k.strip()] = v.strip()
    return algorithm, fields


def hmac_sha256(key, msg):
    return hmac.new(key, msg, hashlib.sha256).digest()


def signing_key(secret, date, region, service):
    k = hmac_sha256(("AWS4" + secret).encode("utf-8"), date.encode("ascii"))
    k = hmac_sha256(k, region.encode("utf-8"))
    k = hmac_sha256(k, service.encode("utf-8"))
    return hmac_sha256(k, b"aws4_request")


class SigV4Result:
    def __init__(self):
        self.access_key = None
        self.canonical_request = None
        self.string_to_sign = None
        self.expected_signature = None

    def as_dict(self):
        return {"access_key": self.access_key, "canonical_request": self.canonical_request,
                "string_to_sign": self.string_to_sign}


def verify_sigv4(method, raw_path, raw_query, headers, body, credentials, region, service, now,
                 max_skew_s=300, normalize=True, expired_token=False, result=None, s3=False):
    """Verify a header-signed SigV4 request. Raises AwsError like the real service; returns
    a SigV4Result on success.

    raw_path / raw_query: bytes exactly as on the wire. headers: list of (name, value bytes) in
    wire order, duplicates kept. credentials: {access_key: (secret, session_token or None)}.
    """
    res = result if result is not None else SigV4Result()
    auth_values = header_values(headers, "authorization")
    if not auth_values:
        raise AwsError(403, "MissingAuthenticationTokenException", "Missing Authentication Token")
    auth = auth_values[0].decode("latin-1")
    algorithm, fields = parse_authorization(auth)

    problems = []
    if algorithm != "AWS4-HMAC-SHA256":
        problems.append("Unsupported authorization type '%s'." % algorithm)
    for name in ("Credential", "Signature", "SignedHeaders"):
        if not fields.get(name):
            problems.append("Authorization header requires '%s' parameter." % name)
    amz_date_values = header_values(headers, "x-amz-date")
    amz_date = amz_date_values[0].decode("latin-1").strip() if amz_date_values else None
    if amz_date is None:
        problems.append("Authorization header requires existence of either a 'X-Amz-Date' or a "
                        "'Date' header.")
    if problems:
        raise AwsError(400, "IncompleteSignatureException", " ".join(problems)
                       + " Authorization=" + auth)
    request_time = parse_amz_date(amz_date)
    if request_time is None:
        raise AwsError(400, "IncompleteSignatureException",
                       "Date must be in ISO-8601 'basic format'. Got '%s'. See "
                       "http://en.wikipedia.org/wiki/ISO_8601" % amz_date)

    scope = fields["Credential"].split("/")
    if len(scope) != 5:
        raise AwsError(400, "IncompleteSignatureException",
                       "Credential should be of the form AKID/YYYYMMDD/region/service/aws4_request, "
                       "got '%s'." % fields["Credential"])
    access_key, scope_date, scope_region, scope_service, terminator = scope
    res.access_key = access_key
    if access_key not in credentials:
        raise AwsError(403, "UnrecognizedClientException",
                       "The security token included in the request is invalid.")
    secret, token = credentials[access_key]
    token_values = header_values(headers, "x-amz-security-token")
    given_token = token_values[0].decode("latin-1").strip() if token_values else None
    if token is not None or given_token is not None:
        if given_token != token:
            raise AwsError(403, "UnrecognizedClientException",
                           "The security token included in the request is invalid.")
        if expired_token:
            raise AwsError(403, "ExpiredTokenException",
                           "The security token included in the request is expired")

    if terminator != "aws4_request":
        raise AwsError(403, "InvalidSignatureException",
                       "Credential should be scoped with a valid terminator: 'aws4_request', "
                       "not '%s'." % terminator)
    if scope_date != amz_date[:8]:
        raise AwsError(403, "InvalidSignatureException",
                       "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of "
                       "date from HTTP: '%s' != '%s', from '%s'." % (scope_date, amz_date[:8],
                                                                      amz_date))
    if scope_service != service:
        raise AwsError(403, "InvalidSignatureException",
                       "Credential should be scoped to correct service: '%s'. " % service)
    if scope_region != region:
        raise AwsError(403, "InvalidSignatureException",
                       "Credential should be scoped to a valid region. ")

    if request_time < now - max_skew_s:
        raise AwsError(403, "InvalidSignatureException",
                       "Signature expired: %s is now earlier than %s (%s - %d min.)"
                       % (amz_date, format_amz_date(now - max_skew_s), format_amz_date(now),
                          max_skew_s // 60))
    if request_time > now + max_skew_s:
        raise AwsError(403, "InvalidSignatureException",
                       "Signature not yet current: %s is still later than %s (%s + %d min.)"
                       % (amz_date, format_amz_date(now + max_skew_s), format_amz_date(now),
                          max_skew_s // 60))

    given_signed = fields["SignedHeaders"].split(";")
    signed = sorted(set(h.strip().lower() for h in given_signed if h.strip()))
    if "host" not in signed and ":authority" not in signed:
        raise AwsError(403, "InvalidSignatureException",
                       "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.")
    if "x-amz-date" not in signed:
        raise AwsError(403, "InvalidSignatureException",
                       "'X-Amz-Date' must be a 'SignedHeader' in the AWS Authorization "
                       "(test server rule: the date must be signed).")

    body_hash = hashlib.sha256(body).hexdigest()
    content_sha = header_values(headers, "x-amz-content-sha256")
    payload_hash = body_hash
    if content_sha:
        claimed = content_sha[0].decode("latin-1").strip()
        if claimed != body_hash:
            raise AwsError(403, "InvalidSignatureException",
                           "The provided 'x-amz-content-sha256' header does not match what was "
                           "computed (%s != sha256 of the body %s)." % (claimed, body_hash))
        payload_hash = claimed

    if s3 and not content_sha:
        raise AwsError(400, "InvalidRequest", "Missing required header for this request: "
                       "x-amz-content-sha256")
    lines = [method.encode("ascii"), canonical_uri(raw_path, normalize and not s3, not s3).encode("ascii"),
             canonical_query(raw_query).encode("ascii")]
    for name in signed:
        lines.append(name.encode("latin-1") + b":" + canonical_header_value(
            header_values(headers, name)))
    lines.append(b"")
    lines.append(";".join(signed).encode("latin-1"))
    lines.append(payload_hash.encode("ascii"))
    creq = b"\n".join(lines)
    res.canonical_request = creq.decode("utf-8", errors="replace")

    scope_text = "/".join(scope[1:])
    sts = "\n".join(["AWS4-HMAC-SHA256", amz_date, scope_text, hashlib.sha256(creq).hexdigest()])
    res.string_to_sign = sts
    expected = hmac.new(signing_key(secret, scope_date, scope_region, scope_service),
                        sts.encode("utf-8"), hashlib.sha256).hexdigest()
    res.expected_signature = expected
    if not hmac.compare_digest(expected, fields["Signature"]):
        note = ""
        if [h.strip() for h in given_signed] != signed:
            note = ("\n\n(test server: SignedHeaders '%s' is not the sorted, lower-case, unique "
                    "list '%s')" % (fields["SignedHeaders"], ";".join(signed)))
        raise AwsError(403, "InvalidSignatureException",
                       SIGNATURE_MISMATCH + "\n\nThe Canonical String for this request should have "
                       "been\n'" + res.canonical_request + "'\n\nThe String-to-Sign should have "
                       "been\n'" + sts + "'\n" + note)
    return res


# =============================================================================================
# Flags and credentials shared by the AWS servers


def add_auth_arguments(parser, service):
    parser.add_argument("--region", default="us-east-1", help="region the signature must be "
                        "scoped to (default us-east-1)")
    parser.add_argument("--access-key", default=DEFAULT_ACCESS_KEY,
                        help="access key id (default %(default)s)")
    parser.add_argument("--secret-key", default=DEFAULT_SECRET_KEY,
                        help="secret access key (default: the AWS documentation example key)")
    parser.add_argument("--session-token", default=None,
                        help="session token that must then arrive as X-Amz-Security-Token")
    parser.add_argument("--credential", action="append", metavar="AKID:SECRET[:TOKEN]",
                        help="an additional accepted credential (repeatable)")
    parser.add_argument("--expired-token", action="store_true",
                        help="reject requests bearing the session token with ExpiredTokenException")
    parser.add_argument("--max-skew-s", type=int, default=300,
                        help="allowed difference between X-Amz-Date and now (default 300)")
    parser.add_argument("--now", default=None, metavar="YYYYMMDDTHHMMSSZ",
                        help="pretend the server clock reads this (for fixed-clock signing tests)")
    parser.add_argument("--skip-auth", action="store_true",
                        help="do not check signatures (service %s)" % service)


def credentials_from_args(args):
    """{access_key: (secret, session_token or None)} from --access-key/--secret-key/--credential."""
    creds = {args.access_key: (args.secret_key, args.session_token)}
    for extra in args.credential or []:
        parts = extra.split(":", 2)
        creds[parts[0]] = (parts[1], parts[2] if len(parts) > 2 and parts[2] else None)
    return creds


def server_now(args):
    return parse_amz_date(args.now) if args.now else int(time.time())
