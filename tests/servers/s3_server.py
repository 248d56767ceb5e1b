#!/usr/bin/env python3
"""Protocol-faithful local Amazon S3 server for GetObject, for tests (standard library only).

GET /<bucket>/<key>   path-style GetObject of a file under --root (<root>/<bucket>/<key>)

Checks what S3 checks for a header-signed GET: a SigV4 signature scoped to service "s3" whose
canonical URI is the path exactly as sent (S3 neither normalises nor encodes it again), the
X-Amz-Content-Sha256 header (required, and equal to the body's hash), the clock skew and the
credentials. Errors are S3's XML (<Error><Code>NoSuchKey</Code>…). GET /_test/requests lists what
arrived. See README.md in this directory.

On start it prints exactly one line "LISTENING <port>" on stdout.
"""

import os
import sys
import urllib.parse
from xml.sax.saxutils import escape as xml_escape

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import testserver_common as common  # noqa: E402
from aws_sigv4 import (AwsError, SigV4Result, add_auth_arguments,  # noqa: E402
                       credentials_from_args, server_now, verify_sigv4)

# S3 names its signature errors otherwise than the JSON services.
S3_CODES = {"InvalidSignatureException": "SignatureDoesNotMatch",
            "UnrecognizedClientException": "InvalidAccessKeyId",
            "MissingAuthenticationTokenException": "AccessDenied",
            "IncompleteSignatureException": "AuthorizationHeaderMalformed"}


class S3Handler(common.BaseTestHandler):
    def do_GET(self):
        if self.handle_test_endpoint("GET"):
            return
        entry = self.state.new_entry(self.command, self.path, self.header_dict(), b"")
        try:
            self.authenticate(entry)
            self.send_object(entry)
        except AwsError as err:
            code = S3_CODES.get(err.error_type, err.error_type)
            self.state.update(entry, verdict="rejected:%d %s" % (err.status, code), status=err.status)
            xml = ('<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>%s</Code><Message>%s</Message>'
                   '<RequestId>%s</RequestId></Error>' % (code, xml_escape(err.message),
                                                          common.new_request_id()))
            self.send_bytes(err.status, xml.encode(), "application/xml")

    def do_POST(self):
        body = self.read_body()
        if self.handle_test_endpoint("POST", body):
            return
        self.send_bytes(405, b"", "application/xml")

    def authenticate(self, entry):
        args = self.state.args
        if args.skip_auth:
            return
        res = SigV4Result()
        headers = [(name, value.encode("latin-1", errors="replace"))
                   for name, value in self.headers.items()]
        try:
            verify_sigv4(self.command, self.raw_path().encode("latin-1"),
                         self.raw_query().encode("latin-1"), headers, b"",
                         credentials_from_args(args), args.region, "s3", server_now(args),
                         max_skew_s=args.max_skew_s, result=res, s3=True)
        finally:
            self.state.update(entry, sigv4=res.as_dict())

    def send_object(self, entry):
        parts = self.raw_path().lstrip("/").split("/", 1)
        if len(parts) < 2 or not parts[0] or not parts[1]:
            raise AwsError(400, "InvalidRequest", "expected /<bucket>/<key> (path-style)")
        bucket = urllib.parse.unquote(parts[0])
        key = urllib.parse.unquote(parts[1])
        root = os.path.realpath(self.state.args.root)
        path = os.path.realpath(os.path.join(root, bucket, key))
        if not path.startswith(root + os.sep):
            raise AwsError(403, "AccessDenied", "Access Denied")
        if not os.path.isdir(os.path.join(root, bucket)):
            raise AwsError(404, "NoSuchBucket", "The specified bucket does not exist")
        if not os.path.isfile(path):
            raise AwsError(404, "NoSuchKey", "The specified key does not exist.")
        with open(path, "rb") as f:
            data = f.read()
        self.state.update(entry, verdict="ok", status=200)
        self.send_bytes(200, data, "application/octet-stream", [("ETag", '"%x"' % len(data))])


def main(argv=None):
    parser = common.make_parser(__doc__.split("\n")[1], ())
    add_auth_arguments(parser, "s3")
    parser.add_argument("--root", required=True, help="directory whose subdirectories are buckets")
    args = parser.parse_args(argv)
    common.serve(S3Handler, common.ServerState(args, ()))


if __name__ == "__main__":
    main()
