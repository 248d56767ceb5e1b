#!/usr/bin/env python3
"""Protocol-faithful local Amazon SageMaker Model Registry server for tests (standard library only).

POST /  X-Amz-Target: SageMaker.<Operation>, Content-Type: application/x-amz-json-1.1
        ListModelPackageGroups, DescribeModelPackageGroup, CreateModelPackageGroup,
        ListModelPackages, DescribeModelPackage, CreateModelPackage, UpdateModelPackage
POST /  Content-Type: application/x-www-form-urlencoded, Action=GetCallerIdentity&Version=2011-06-15
        STS GetCallerIdentity (Query protocol, XML answer)

Every request must carry a valid SigV4 signature (aws_sigv4.py) scoped to service "sagemaker" for
the JSON operations and "sts" for GetCallerIdentity. The registry lives in memory; --seed-group
NAME --seed-versions N fills it, and GET /_test/state shows it. See README.md in this directory.

On start it prints exactly one line "LISTENING <port>" on stdout.
"""

import base64
import hashlib
import json
import os
import re
import sys
import threading
import time
import urllib.parse
from xml.sax.saxutils import escape as xml_escape

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import testserver_common as common  # noqa: E402
from aws_sigv4 import (AwsError, SigV4Result, add_auth_arguments,  # noqa: E402
                       credentials_from_args, server_now, verify_sigv4)

FAULTS = common.COMMON_FAULTS + ("expired-token", "access-denied")
APPROVAL_STATUSES = ("Approved", "Rejected", "PendingManualApproval")
NAME_RE = re.compile(r"^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$")
PACKAGE_ARN_RE = re.compile(r"^arn:aws[a-z\-]*:sagemaker:[a-z0-9\-]*:[0-9]{12}:model-package/(.+)/([0-9]+)$")
METADATA_RE = re.compile(r"^[\w .:/=+\-@\u00a0\u3000]*$")
STS_NS = "https://sts.amazonaws.com/doc/2011-06-15/"
# STS speaks the Query protocol: the verifier's JSON-protocol error types have other names there.
STS_ERROR_CODES = {"InvalidSignatureException": "SignatureDoesNotMatch",
                   "UnrecognizedClientException": "InvalidClientTokenId",
                   "IncompleteSignatureException": "IncompleteSignature",
                   "MissingAuthenticationTokenException": "MissingAuthenticationToken",
                   "ExpiredTokenException": "ExpiredToken",
                   "AccessDeniedException": "AccessDenied"}
AUTH_TYPES = ("UnrecognizedClientException", "InvalidSignatureException",
              "IncompleteSignatureException", "MissingAuthenticationTokenException",
              "ExpiredTokenException", "AccessDeniedException")


def utf16_length(text):
    """Lengths as AWS counts them (Java strings: UTF-16 code units)."""
    return len(text.encode("utf-16-le")) // 2


class Validation:
    """Collects Coral-style validation errors: "Value 'x' at 'member' failed to satisfy ..."."""

    def __init__(self):
        self.errors = []

    def add(self, value, member, constraint):
        shown = "null" if value is None else "'%s'" % (value if isinstance(value, str)
                                                        else json.dumps(value))
        self.errors.append("Value %s at '%s' failed to satisfy constraint: Member must %s"
                           % (shown, member, constraint))

    def string(self, obj, key, member, max_len, min_len=0, required=False, pattern=None):
        value = obj.get(key)
        if value is None:
            if required:
                self.add(None, member, "not be null")
            return None
        if not isinstance(value, str):
            self.add(value, member, "be a string")
            return None
        if utf16_length(value) > max_len:
            self.add(value, member, "have length less than or equal to %d" % max_len)
        elif utf16_length(value) < min_len:
            self.add(value, member, "have length greater than or equal to %d" % min_len)
        elif pattern is not None and not pattern.match(value):
            self.add(value, member, "satisfy regular expression pattern: %s" % pattern.pattern)
        return value

    def enum(self, obj, key, member, allowed, required=False):
        value = obj.get(key)
        if value is None:
            if required:
                self.add(None, member, "not be null")
        elif value not in allowed:
            self.add(value, member, "satisfy enum value set: [%s]" % ", ".join(allowed))
        return value

    def metadata(self, obj, key, member):
        value = obj.get(key)
        if value is None:
            return None
        if not isinstance(value, dict):
            self.add(value, member, "be a map")
            return None
        if len(value) > 50:
            self.add(value, member, "have length less than or equal to 50")
        for k, v in value.items():
            if not (1 <= utf16_length(k) <= 128) or not METADATA_RE.match(k):
                self.add(k, member + ".key", "have length between 1 and 128 and satisfy "
                         "regular expression pattern: ^([\\p{L}\\p{Z}\\p{N}_.:\\/=+\\-@]*)$")
            if not isinstance(v, str) or not (1 <= utf16_length(v) <= 256) \
                    or not METADATA_RE.match(v):
                self.add(v, member + ".value", "have length between 1 and 256 and satisfy "
                         "regular expression pattern: ^([\\p{L}\\p{Z}\\p{N}_.:\\/=+\\-@]*)$")
        return value

    def raise_if_any(self):
        if self.errors:
            n = len(self.errors)
            raise AwsError(400, "ValidationException", "%d validation error%s detected: %s"
                           % (n, "" if n == 1 else "s", "; ".join(self.errors)))


def page_size(request, v):
    size = request.get("MaxResults")
    if size is None:
        return None
    if isinstance(size, bool) or not isinstance(size, int):
        v.add(size, "maxResults", "be an integer")
    elif size < 1:
        v.add(size, "maxResults", "have value greater than or equal to 1")
    elif size > 100:
        v.add(size, "maxResults", "have value less than or equal to 100")
    return size


def make_token(offset, query):
    raw = json.dumps({"o": offset, "q": query}, sort_keys=True).encode()
    return base64.urlsafe_b64encode(raw).decode()


def read_token(token, query):
    """The offset a NextToken stands for; the token must come from the same query."""
    if token is None:
        return 0
    try:
        data = json.loads(base64.urlsafe_b64decode(token.encode()))
        if data["q"] == query and isinstance(data["o"], int) and data["o"] >= 0:
            return data["o"]
    except (ValueError, KeyError, TypeError):
        pass
    raise AwsError(400, "ValidationException", "Invalid pagination token: %s" % token[:64])


def paginate(items, request, default_size, v):
    """One page of `items` for the request's NextToken/MaxResults; (page, NextToken or None)."""
    size = page_size(request, v)
    v.raise_if_any()
    size = size or default_size
    query = {k: val for k, val in request.items() if k not in ("NextToken", "MaxResults")}
    query = hashlib.sha256(json.dumps(query, sort_keys=True).encode()).hexdigest()[:16]
    offset = read_token(request.get("NextToken"), query)
    page = items[offset:offset + size]
    more = offset + size < len(items)
    return page, make_token(offset + size, query) if more else None


class Registry:
    """Model package groups and versioned model packages, as SageMaker keeps them."""

    def __init__(self, args):
        self.args = args
        self.lock = threading.RLock()
        self.groups = {}     # name -> group description
        self.packages = {}   # group name -> [package description], version order
        self.clock = 1700000000.0

    def now(self):
        # Strictly increasing, so two changes within one clock tick still differ.
        with self.lock:
            self.clock = max(self.clock + 0.001, time.time())
            return round(self.clock, 3)

    def group_arn(self, name):
        return "arn:aws:sagemaker:%s:%s:model-package-group/%s" % (
            self.args.region, self.args.account_id, name.lower())

    def package_arn(self, group, version):
        return "arn:aws:sagemaker:%s:%s:model-package/%s/%d" % (
            self.args.region, self.args.account_id, group.lower(), version)

    def group_name(self, name_or_arn):
        name = name_or_arn.rsplit("/", 1)[-1] if name_or_arn.startswith("arn:") else name_or_arn
        for existing in self.groups:
            if existing.lower() == name.lower():
                return existing
        return None

    def create_group(self, name, description, creator):
        with self.lock:
            if self.group_name(name):
                raise AwsError(400, "ValidationException",
                               "Model Package Group already exists: %s" % self.group_arn(name))
            self.groups[name] = {"ModelPackageGroupName": name,
                                 "ModelPackageGroupArn": self.group_arn(name),
                                 "ModelPackageGroupDescription": description,
                                 "CreationTime": self.now(), "CreatedBy": creator,
                                 "ModelPackageGroupStatus": "Completed"}
            self.packages[name] = []
            return self.groups[name]

    def create_package(self, group, fields, creator):
        with self.lock:
            name = self.group_name(group)
            if name is None:
                raise AwsError(400, "ResourceNotFound",
                               "Model Package Group %s does not exist." % group)
            versions = self.packages[name]
            version = len(versions) + 1
            created = self.now()
            package = {"ModelPackageName": name, "ModelPackageGroupName": name,
                       "ModelPackageVersion": version,
                       "ModelPackageArn": self.package_arn(name, version),
                       "CreationTime": created, "ModelPackageStatus": "Completed",
                       "ModelPackageStatusDetails": {"ValidationStatuses": [],
                                                     "ImageScanStatuses": []},
                       "CertifyForMarketplace": False,
                       "ModelApprovalStatus": "PendingManualApproval",
                       "CreatedBy": creator, "LastModifiedTime": created,
                       "LastModifiedBy": creator}
            package.update({k: v for k, v in fields.items() if v is not None})
            versions.append(package)
            return package

    def find(self, name_or_arn):
        """A package by ARN or by "group/version"; ResourceNotFound otherwise."""
        match = PACKAGE_ARN_RE.match(name_or_arn)
        group, version = (match.group(1), match.group(2)) if match else \
            (name_or_arn.rpartition("/")[0], name_or_arn.rpartition("/")[2])
        with self.lock:
            name = self.group_name(group) if group else None
            if name is not None and version.isdigit():
                versions = self.packages[name]
                if 1 <= int(version) <= len(versions):
                    return versions[int(version) - 1]
        raise AwsError(400, "ResourceNotFound", "ModelPackage %s does not exist." % name_or_arn)

    def snapshot(self):
        with self.lock:
            return json.loads(json.dumps({"groups": list(self.groups.values()),
                                          "packages": self.packages}))

    def seed(self):
        args = self.args
        creator = identity_context(args.seed_registrant, args.seed_user_profile)
        for group in args.seed_group or []:
            self.create_group(group, "Seeded model group %s" % group, creator)
            for i in range(1, args.seed_versions + 1):
                self.create_package(group, {
                    "ModelPackageDescription": "%s version %d" % (group, i),
                    "SourceUri": "s3://genaiops-test/%s/v%d/model.tar.gz" % (group, i),
                    "CustomerMetadataProperties": {
                        "metric.faithfulness": "%.2f" % (0.70 + (i % 10) / 40.0),
                        "metric.relevance": "%.2f" % (0.60 + (i % 7) / 20.0)},
                    "InferenceSpecification": {
                        "Containers": [{"Image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/"
                                                 "genaiops:latest",
                                        "ModelDataUrl": "s3://genaiops-test/%s/v%d/model.tar.gz"
                                                        % (group, i)}],
                        "SupportedContentTypes": ["application/json"],
                        "SupportedResponseMIMETypes": ["application/json"]},
                }, creator)


def identity_context(arn, user_profile=None):
    """SageMaker's UserContext for the creator or modifier of a resource."""
    if user_profile:
        return {"UserProfileName": user_profile, "DomainId": "d-testdomain",
                "UserProfileArn": "arn:aws:sagemaker:us-east-1:123456789012:user-profile/"
                                  "d-testdomain/" + user_profile}
    principal = "AIDA" + hashlib.sha256(arn.encode()).hexdigest()[:17].upper()
    return {"IamIdentity": {"Arn": arn, "PrincipalId": principal}}


class SageMakerHandler(common.BaseTestHandler):
    server_version = "sagemaker-testserver/1"
    registry = None  # set by main()

    # -- plumbing
    def do_GET(self):
        if self.raw_path() == "/_test/state":
            self.send_json(200, self.registry.snapshot())
            return
        if self.handle_test_endpoint("GET"):
            return
        self.handle_request(b"")

    def do_POST(self):
        body = self.read_body()
        if self.handle_test_endpoint("POST", body):
            return
        self.handle_request(body)

    def is_sts(self):
        return "X-Amz-Target" not in self.headers and self.headers.get(
            "Content-Type", "").lower().startswith("application/x-www-form-urlencoded")

    def handle_request(self, body):
        entry = self.state.new_entry(self.command, self.path, self.header_dict(), body)
        sts = self.is_sts()
        self.state.enter()
        try:
            self.handle_operation(entry, body, sts)
        except AwsError as err:
            self.send_error_answer(entry, err, sts)
        except common.ClientGone:
            self.state.update(entry, verdict="aborted")
        except Exception as e:  # a bug in this server: say so on stderr, hang up
            import traceback
            traceback.print_exc()
            self.state.update(entry, verdict="server-bug: %r" % e, status=500)
            self.close_connection = True
        finally:
            self.state.leave()

    def send_error_answer(self, entry, err, sts):
        verdict = ("fault:" + err.fault) if err.fault else \
            "rejected:%d %s" % (err.status, err.error_type)
        self.state.update(entry, verdict=verdict, status=err.status, error=err.message)
        request_id = common.new_request_id()
        if sts:
            code = STS_ERROR_CODES.get(err.error_type, err.error_type)
            kind = "Receiver" if err.status >= 500 else "Sender"
            xml = ('<ErrorResponse xmlns="%s">\n  <Error>\n    <Type>%s</Type>\n    <Code>%s</Code>'
                   '\n    <Message>%s</Message>\n  </Error>\n  <RequestId>%s</RequestId>\n'
                   '</ErrorResponse>\n' % (STS_NS, kind, code, xml_escape(err.message),
                                           request_id))
            self.send_bytes(err.status, xml.encode(), "text/xml",
                            [("x-amzn-RequestId", request_id)] + err.headers)
            return
        # Front-end (authentication) errors carry Coral's namespace in __type, as AWS sends them.
        namespace = "com.amazon.coral.service#" if err.error_type in AUTH_TYPES else ""
        self.send_json(err.status, {"__type": namespace + err.error_type, "message": err.message},
                       [("x-amzn-RequestId", request_id),
                        ("x-amzn-ErrorType", err.error_type)] + err.headers,
                       content_type="application/x-amz-json-1.1")

    def caller_arn(self, access_key):
        for item in self.state.args.identity or []:
            key, _, arn = item.partition("=")
            if key == access_key:
                return arn
        return self.state.args.caller_arn

    def authenticate(self, body, entry, service):
        args = self.state.args
        res = SigV4Result()
        if args.skip_auth:
            return args.access_key
        headers = [(name, value.encode("latin-1", errors="replace"))
                   for name, value in self.headers.items()]
        try:
            verify_sigv4(self.command, self.raw_path().encode("latin-1"),
                         self.raw_query().encode("latin-1"), headers, body,
                         credentials_from_args(args), args.region, service, server_now(args),
                         max_skew_s=args.max_skew_s, expired_token=args.expired_token, result=res)
        finally:
            self.state.update(entry, sigv4=res.as_dict())
        return res.access_key

    def apply_faults(self, entry):
        try:
            faults = common.resolve_faults(self.state, self.headers)
        except ValueError as e:
            raise AwsError(400, "ValidationException", "test server: bad X-Test-* header: %s" % e)
        if faults.unknown:
            raise AwsError(400, "ValidationException", "test server: unknown X-Test-Fault %s "
                           "(known: %s)" % (", ".join(faults.unknown), ", ".join(FAULTS)))
        if faults.names:
            self.state.update(entry, faults=faults.describe())
        if "latency" in faults or "slow-first-byte" in faults:
            time.sleep(faults.delay_ms / 1000.0)
        if "drop" in faults or "reset" in faults:
            self.state.update(entry, verdict="fault:" + ("drop" if "drop" in faults else "reset"))
            self.abort_connection(reset="reset" in faults)
            return None
        errors = {"expired-token": (403, "ExpiredTokenException",
                                    "The security token included in the request is expired"),
                  "access-denied": (403, "AccessDeniedException", "User is not authorized to "
                                    "perform this action (test server fault)."),
                  "429": (400, "ThrottlingException", "Rate exceeded"),
                  "500": (500, "InternalFailure", "An internal error occurred."),
                  "503": (503, "ServiceUnavailable", "Service is unavailable.")}
        for name, (status, error_type, message) in errors.items():
            if name in faults:
                raise AwsError(status, error_type, message, fault=name)
        return faults

    # -- dispatch
    def handle_operation(self, entry, body, sts):
        if self.state.args.latency_ms > 0:
            time.sleep(self.state.args.latency_ms / 1000.0)
        # Named before authentication, so a test can count rejected calls per operation too.
        if sts:
            action = dict(urllib.parse.parse_qsl(body.decode("utf-8", errors="replace")))
            self.state.update(entry, service="sts", operation=action.get("Action"))
        else:
            self.state.update(entry, service="sagemaker", operation=self.headers.get(
                "X-Amz-Target", "").partition(".")[2])
        access_key = self.authenticate(body, entry, "sts" if sts else "sagemaker")
        if self.command != "POST" or self.raw_path() != "/":
            raise AwsError(404, "UnknownOperationException",
                           "Unknown operation %s %s" % (self.command, self.raw_path()))
        faults = self.apply_faults(entry)
        if faults is None:
            return
        caller = self.caller_arn(access_key)
        if sts:
            answer, content_type = self.sts_operation(entry, body, caller), "text/xml"
        else:
            answer = json.dumps(self.json_operation(entry, body, caller)).encode()
            content_type = "application/x-amz-json-1.1"
        self.send_answer(entry, answer, content_type, faults)

    def send_answer(self, entry, answer, content_type, faults):
        verdict = "fault:" + faults.describe() if faults.names else "ok"
        self.state.update(entry, verdict=verdict, status=200)
        if "malformed" in faults:
            answer = answer[: len(answer) * 2 // 3]
        headers = [("x-amzn-RequestId", common.new_request_id())]
        if "truncate" in faults:
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.raw_write(answer[: len(answer) // 2])
            self.abort_connection()
            return
        self.send_bytes(200, answer, content_type, headers)

    def sts_operation(self, entry, body, caller):
        params = dict(urllib.parse.parse_qsl(body.decode("utf-8", errors="replace")))
        action, version = params.get("Action"), params.get("Version")
        if action != "GetCallerIdentity" or version != "2011-06-15":
            raise AwsError(400, "InvalidAction", "Could not find operation %s for version %s"
                           % (action, version))
        user_id = "AIDA" + hashlib.sha256(caller.encode()).hexdigest()[:17].upper()
        account = caller.split(":")[4] if caller.count(":") >= 5 else self.state.args.account_id
        return ('<GetCallerIdentityResponse xmlns="%s">\n  <GetCallerIdentityResult>\n'
                '    <Arn>%s</Arn>\n    <UserId>%s</UserId>\n    <Account>%s</Account>\n'
                '  </GetCallerIdentityResult>\n  <ResponseMetadata>\n    <RequestId>%s</RequestId>'
                '\n  </ResponseMetadata>\n</GetCallerIdentityResponse>\n'
                % (STS_NS, xml_escape(caller), user_id, account,
                   common.new_request_id())).encode()

    def json_operation(self, entry, body, caller):
        target = self.headers.get("X-Amz-Target", "")
        service, _, operation = target.partition(".")
        if not self.headers.get("Content-Type", "").startswith("application/x-amz-json-1.1"):
            raise AwsError(400, "SerializationException", "Content-Type must be "
                           "application/x-amz-json-1.1 (got '%s')"
                           % self.headers.get("Content-Type", ""))
        handler = getattr(self, "op_" + operation, None) if service == "SageMaker" else None
        if handler is None:
            raise AwsError(400, "UnknownOperationException",
                           "Unknown operation '%s'" % target)
        try:
            request = json.loads(body.decode("utf-8")) if body.strip() else {}
        except (UnicodeDecodeError, ValueError) as e:
            raise AwsError(400, "SerializationException", "Malformed JSON body: %s" % e)
        if not isinstance(request, dict):
            raise AwsError(400, "SerializationException", "The body must be a JSON object.")
        return handler(request, identity_context(caller))

    # -- operations
    def op_ListModelPackageGroups(self, request, caller):
        v = Validation()
        v.enum(request, "SortBy", "sortBy", ("Name", "CreationTime"))
        v.enum(request, "SortOrder", "sortOrder", ("Ascending", "Descending"))
        contains = v.string(request, "NameContains", "nameContains", 63) or ""
        with self.registry.lock:
            groups = [g for g in self.registry.groups.values()
                      if contains.lower() in g["ModelPackageGroupName"].lower()]
        groups = sort_items(groups, request, "ModelPackageGroupName")
        page, token = paginate(groups, request, self.state.args.default_page_size, v)
        keys = ("ModelPackageGroupName", "ModelPackageGroupArn", "ModelPackageGroupDescription",
                "CreationTime", "ModelPackageGroupStatus")
        answer = {"ModelPackageGroupSummaryList": [{k: g[k] for k in keys} for g in page]}
        if token:
            answer["NextToken"] = token
        return answer

    def op_DescribeModelPackageGroup(self, request, caller):
        v = Validation()
        name = v.string(request, "ModelPackageGroupName", "modelPackageGroupName", 170, 1, True)
        v.raise_if_any()
        with self.registry.lock:
            found = self.registry.group_name(name)
            if found is None:
                raise AwsError(400, "ResourceNotFound",
                               "Model Package Group %s does not exist." % name)
            return dict(self.registry.groups[found])

    def op_CreateModelPackageGroup(self, request, caller):
        v = Validation()
        name = v.string(request, "ModelPackageGroupName", "modelPackageGroupName", 63, 1, True,
                        NAME_RE)
        description = v.string(request, "ModelPackageGroupDescription",
                               "modelPackageGroupDescription", 1024)
        v.raise_if_any()
        group = self.registry.create_group(name, description, caller)
        return {"ModelPackageGroupArn": group["ModelPackageGroupArn"]}

    def op_ListModelPackages(self, request, caller):
        v = Validation()
        status = v.enum(request, "ModelApprovalStatus", "modelApprovalStatus", APPROVAL_STATUSES)
        group = v.string(request, "ModelPackageGroupName", "modelPackageGroupName", 170, 1)
        v.enum(request, "ModelPackageType", "modelPackageType",
               ("Versioned", "Unversioned", "Both"))
        v.enum(request, "SortBy", "sortBy", ("Name", "CreationTime"))
        v.enum(request, "SortOrder", "sortOrder", ("Ascending", "Descending"))
        v.raise_if_any()
        with self.registry.lock:
            if group is not None:
                name = self.registry.group_name(group)
                packages = list(self.registry.packages.get(name, [])) if name else []
            else:
                packages = [p for versions in self.registry.packages.values() for p in versions]
            packages = [p for p in packages if status in (None, p["ModelApprovalStatus"])]
            packages = json.loads(json.dumps(packages))
        packages = sort_items(packages, request, "ModelPackageName")
        page, token = paginate(packages, request, self.state.args.default_page_size, v)
        keys = ("ModelPackageName", "ModelPackageGroupName", "ModelPackageVersion",
                "ModelPackageArn", "ModelPackageDescription", "CreationTime",
                "ModelPackageStatus", "ModelApprovalStatus", "ModelLifeCycle")
        answer = {"ModelPackageSummaryList": [{k: p[k] for k in keys if k in p} for p in page]}
        if token:
            answer["NextToken"] = token
        return answer

    def op_DescribeModelPackage(self, request, caller):
        v = Validation()
        name = v.string(request, "ModelPackageName", "modelPackageName", 2048, 1, True)
        if self.state.args.describe_needs_arn and name and not PACKAGE_ARN_RE.match(name):
            v.add(name, "modelPackageName", "satisfy regular expression pattern: "
                  "arn:aws[a-z\\-]*:sagemaker:[a-z0-9\\-]*:[0-9]{12}:model-package/.*")
        v.raise_if_any()
        with self.registry.lock:
            return json.loads(json.dumps(self.registry.find(name)))

    def op_CreateModelPackage(self, request, caller):
        v = Validation()
        group = v.string(request, "ModelPackageGroupName", "modelPackageGroupName", 170, 1)
        description = v.string(request, "ModelPackageDescription", "modelPackageDescription",
                               1024)
        status = v.enum(request, "ModelApprovalStatus", "modelApprovalStatus", APPROVAL_STATUSES)
        metadata = v.metadata(request, "CustomerMetadataProperties", "customerMetadataProperties")
        source = v.string(request, "SourceUri", "sourceUri", 1024)
        lifecycle = check_lifecycle(request, v)
        if group is None:
            v.add(None, "modelPackageGroupName", "not be null (this server keeps versioned "
                  "model packages only)")
        v.raise_if_any()
        fields = {"ModelPackageDescription": description,
                  "ModelApprovalStatus": status or "PendingManualApproval",
                  "CustomerMetadataProperties": metadata, "SourceUri": source,
                  "ModelLifeCycle": lifecycle,
                  "InferenceSpecification": request.get("InferenceSpecification")}
        package = self.registry.create_package(group, fields, caller)
        return {"ModelPackageArn": package["ModelPackageArn"]}

    def op_UpdateModelPackage(self, request, caller):
        v = Validation()
        arn = v.string(request, "ModelPackageArn", "modelPackageArn", 2048, 1, True,
                       PACKAGE_ARN_RE)
        status = v.enum(request, "ModelApprovalStatus", "modelApprovalStatus", APPROVAL_STATUSES)
        description = v.string(request, "ApprovalDescription", "approvalDescription", 1024)
        metadata = v.metadata(request, "CustomerMetadataProperties", "customerMetadataProperties")
        remove = request.get("CustomerMetadataPropertiesToRemove") or []
        if not isinstance(remove, list) or not all(isinstance(k, str) for k in remove):
            v.add(remove, "customerMetadataPropertiesToRemove", "be a list of strings")
            remove = []
        lifecycle = check_lifecycle(request, v)
        v.raise_if_any()
        updatable = ("ModelApprovalStatus", "ApprovalDescription", "CustomerMetadataProperties",
                     "CustomerMetadataPropertiesToRemove", "ModelLifeCycle", "SourceUri",
                     "InferenceSpecification", "AdditionalInferenceSpecificationsToAdd",
                     "ModelCard")
        if not any(k in request for k in updatable):
            raise AwsError(400, "ValidationException", "UpdateModelPackage needs at least one "
                           "field to update.")
        with self.registry.lock:
            package = self.registry.find(arn)
            if status is not None:
                package["ModelApprovalStatus"] = status
            if description is not None:
                package["ApprovalDescription"] = description
            if metadata is not None or remove:
                merged = dict(package.get("CustomerMetadataProperties") or {})
                merged.update(metadata or {})
                for key in remove:
                    merged.pop(key, None)
                if len(merged) > 50:
                    raise AwsError(400, "ValidationException", "CustomerMetadataProperties "
                                   "would have %d entries; at most 50 are allowed." % len(merged))
                package["CustomerMetadataProperties"] = merged
            if lifecycle is not None:
                package["ModelLifeCycle"] = lifecycle
            package["LastModifiedTime"] = self.registry.now()
            package["LastModifiedBy"] = caller
            return {"ModelPackageArn": package["ModelPackageArn"]}


def check_lifecycle(request, v):
    lifecycle = request.get("ModelLifeCycle")
    if lifecycle is None:
        return None
    if not isinstance(lifecycle, dict):
        v.add(lifecycle, "modelLifeCycle", "be a structure")
        return None
    stage_re = re.compile(r"^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$")
    v.string(lifecycle, "Stage", "modelLifeCycle.stage", 63, 1, True, stage_re)
    v.string(lifecycle, "StageStatus", "modelLifeCycle.stageStatus", 63, 1, True, stage_re)
    v.string(lifecycle, "StageDescription", "modelLifeCycle.stageDescription", 1024)
    keys = ("Stage", "StageStatus", "StageDescription")
    return {k: lifecycle[k] for k in keys if k in lifecycle}


def sort_items(items, request, name_key):
    key = name_key if request.get("SortBy") == "Name" else "CreationTime"
    return sorted(items, key=lambda item: (item[key], item.get("ModelPackageVersion", 0)),
                  reverse=request.get("SortOrder") == "Descending")


def main(argv=None):
    parser = common.make_parser(__doc__.split("\n")[1], ())
    add_auth_arguments(parser, "sagemaker and sts")
    parser.add_argument("--account-id", default="123456789012", help="account in ARNs")
    parser.add_argument("--caller-arn", default="arn:aws:iam::123456789012:user/test-user",
                        help="who --access-key is (GetCallerIdentity, CreatedBy, LastModifiedBy)")
    parser.add_argument("--identity", action="append", metavar="AKID=ARN",
                        help="who a --credential access key is (repeatable)")
    parser.add_argument("--default-page-size", type=int, default=10,
                        help="page size when a List call gives no MaxResults (default 10)")
    parser.add_argument("--describe-needs-arn", action="store_true",
                        help="DescribeModelPackage refuses \"group/version\" names (ARNs only)")
    parser.add_argument("--seed-group", action="append", metavar="NAME",
                        help="create this model package group at start (repeatable)")
    parser.add_argument("--seed-versions", type=int, default=3,
                        help="versions created in each --seed-group (default 3)")
    parser.add_argument("--seed-registrant", default="arn:aws:iam::123456789012:user/"
                        "data-scientist", help="IAM ARN in CreatedBy of seeded versions")
    parser.add_argument("--seed-user-profile", default=None,
                        help="Studio user profile name in CreatedBy of seeded versions instead")
    args = parser.parse_args(argv)
    SageMakerHandler.registry = Registry(args)
    SageMakerHandler.registry.seed()
    common.serve(SageMakerHandler, common.ServerState(args, FAULTS))


if __name__ == "__main__":
    main()
