#!/usr/bin/env python3
"""Protocol-faithful local MLflow Model Registry server (REST API 2.0) for tests (standard library only).

GET    /api/2.0/mlflow/registered-models/search   filter, max_results, page_token
GET    /api/2.0/mlflow/registered-models/get      name
POST   /api/2.0/mlflow/registered-models/create   {name, description?, tags?}
POST   /api/2.0/mlflow/registered-models/alias    {name, alias, version}
DELETE /api/2.0/mlflow/registered-models/alias    {name, alias}
GET    /api/2.0/mlflow/registered-models/alias    name, alias
GET    /api/2.0/mlflow/model-versions/search      filter, max_results, page_token
GET    /api/2.0/mlflow/model-versions/get         name, version
POST   /api/2.0/mlflow/model-versions/create      {name, source, run_id?, description?, tags?}
POST   /api/2.0/mlflow/model-versions/set-tag     {name, version, key, value}
DELETE /api/2.0/mlflow/model-versions/delete-tag  {name, version, key}

Errors are MLflow's {"error_code", "message"} with RESOURCE_DOES_NOT_EXIST (404),
INVALID_PARAMETER_VALUE (400), RESOURCE_ALREADY_EXISTS (400), ENDPOINT_NOT_FOUND (404) and
UNAUTHENTICATED (401, with --token). State is in memory; --seed-model NAME --seed-versions N fills
it and GET /_test/state shows it. See README.md in this directory.

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

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import testserver_common as common  # noqa: E402

FAULTS = common.COMMON_FAULTS
PREFIX = "/api/2.0/mlflow/"
STATUS_FOR_CODE = {"RESOURCE_DOES_NOT_EXIST": 404, "ENDPOINT_NOT_FOUND": 404,
                   "INVALID_PARAMETER_VALUE": 400, "RESOURCE_ALREADY_EXISTS": 400,
                   "UNAUTHENTICATED": 401, "PERMISSION_DENIED": 403,
                   "REQUEST_LIMIT_EXCEEDED": 429, "INTERNAL_ERROR": 500,
                   "TEMPORARILY_UNAVAILABLE": 503}
FILTER_RE = re.compile(r"""^\s*name\s*(=|LIKE|ILIKE)\s*(?:'((?:[^']|'')*)'|"([^"]*)")\s*$""",
                       re.IGNORECASE)
TAG_KEY_RE = re.compile(r"^[\w\-. /]+$")
MAX_TAG_VALUE = 5000


class MlflowError(Exception):
    def __init__(self, code, message, fault=None):
        super().__init__(message)
        self.code = code
        self.message = message
        self.status = STATUS_FOR_CODE.get(code, 400)
        self.fault = fault


def now_ms():
    return int(time.time() * 1000)


def compact(obj):
    """MLflow's protobuf JSON leaves out empty strings and empty lists."""
    return {k: v for k, v in obj.items() if v not in ("", [], None)}


def page(items, params, default_size, threshold, cap=0):
    """One page for max_results/page_token; `cap` is --page-cap, this server's own limit."""
    text = params.get("max_results")
    try:
        size = int(text) if text not in (None, "") else default_size
    except ValueError:
        raise MlflowError("INVALID_PARAMETER_VALUE", "Invalid value '%s' for parameter "
                          "'max_results': it must be an integer." % text)
    if size < 1 or size > threshold:
        raise MlflowError("INVALID_PARAMETER_VALUE", "Invalid value %d for parameter "
                          "'max_results' supplied. It must be a positive integer at most %d."
                          % (size, threshold))
    query = hashlib.sha256((params.get("filter") or "").encode()).hexdigest()[:16]
    offset = 0
    token = params.get("page_token")
    if token:
        try:
            data = json.loads(base64.urlsafe_b64decode(token.encode()))
            offset = data["o"] if data["q"] == query else -1
        except (ValueError, KeyError, TypeError):
            offset = -1
        if not isinstance(offset, int) or offset < 0:
            raise MlflowError("INVALID_PARAMETER_VALUE", "Invalid page token, could not base64 "
                              "decode or it belongs to another query: %s" % token[:64])
    size = min(size, cap) if cap else size
    chunk = items[offset:offset + size]
    next_token = None
    if offset + size < len(items):
        raw = json.dumps({"o": offset + size, "q": query}).encode()
        next_token = base64.urlsafe_b64encode(raw).decode()
    return chunk, next_token


def name_matches(filter_text, name):
    if not filter_text:
        return True
    match = FILTER_RE.match(filter_text)
    if not match:
        raise MlflowError("INVALID_PARAMETER_VALUE", "Invalid filter '%s'. This server supports "
                          "name = '...' and name LIKE '...' only." % filter_text)
    op = match.group(1).upper()
    value = match.group(2).replace("''", "'") if match.group(2) is not None else match.group(3)
    if op == "=":
        return name == value
    pattern = "^" + ".*".join(re.escape(part).replace("_", ".") for part in value.split("%")) + "$"
    return re.match(pattern, name, re.IGNORECASE if op == "ILIKE" else 0) is not None


class Store:
    def __init__(self, args):
        self.args = args
        self.lock = threading.RLock()
        self.models = {}    # name -> registered model (without versions)
        self.versions = {}  # name -> [model version]

    def model(self, name):
        if not name:
            raise MlflowError("INVALID_PARAMETER_VALUE", "Missing value for required parameter "
                              "'name'. See the API docs for more information about request "
                              "parameters.")
        if name not in self.models:
            raise MlflowError("RESOURCE_DOES_NOT_EXIST",
                              "Registered Model with name=%s not found" % name)
        return self.models[name]

    def version(self, name, version):
        self.model(name)
        text = str(version if version is not None else "")
        if not text.isdigit():
            raise MlflowError("INVALID_PARAMETER_VALUE", "Parameter 'version' must be an integer, "
                              "got '%s'." % text)
        versions = self.versions[name]
        number = int(text)
        if not 1 <= number <= len(versions) or versions[number - 1] is None:
            raise MlflowError("RESOURCE_DOES_NOT_EXIST",
                              "Model Version (name=%s, version=%s) not found" % (name, text))
        return versions[number - 1]

    def create_model(self, name, description="", tags=()):
        if not name:
            self.model(name)
        if name in self.models:
            raise MlflowError("RESOURCE_ALREADY_EXISTS",
                              "Registered Model (name=%s) already exists." % name)
        stamp = now_ms()
        self.models[name] = {"name": name, "creation_timestamp": stamp,
                             "last_updated_timestamp": stamp, "user_id": self.args.user_id,
                             "description": description, "tags": list(tags), "aliases": {}}
        self.versions[name] = []
        return self.models[name]

    def create_version(self, name, source, run_id="", description="", tags=()):
        model = self.model(name)
        if not source:
            raise MlflowError("INVALID_PARAMETER_VALUE", "Missing value for required parameter "
                              "'source'. See the API docs for more information about request "
                              "parameters.")
        stamp = now_ms()
        versions = self.versions[name]
        entry = {"name": name, "version": str(len(versions) + 1), "creation_timestamp": stamp,
                 "last_updated_timestamp": stamp, "user_id": self.args.user_id,
                 "current_stage": "None", "description": description, "source": source,
                 "run_id": run_id, "status": "READY", "tags": {t["key"]: t["value"] for t in tags}}
        versions.append(entry)
        model["last_updated_timestamp"] = stamp
        return entry

    def version_json(self, entry):
        aliases = sorted(a for a, v in self.models[entry["name"]]["aliases"].items()
                         if v == entry["version"])
        out = dict(entry, tags=[{"key": k, "value": v} for k, v in entry["tags"].items()],
                   aliases=aliases)
        return compact(out)

    def model_json(self, model):
        versions = [v for v in self.versions[model["name"]] if v is not None]
        out = dict(model, aliases=[{"alias": a, "version": v}
                                   for a, v in sorted(model["aliases"].items())],
                   latest_versions=[self.version_json(versions[-1])] if versions else [])
        return compact(out)

    def seed(self):
        for name in self.args.seed_model or []:
            self.create_model(name, "Seeded registered model %s" % name)
            for i in range(1, self.args.seed_versions + 1):
                tags = [{"key": "metric.faithfulness", "value": "%.2f" % (0.7 + (i % 10) / 40.0)}]
                self.create_version(name, "s3://mlflow-test/%s/%d/model" % (name, i),
                                    hashlib.md5(("%s%d" % (name, i)).encode()).hexdigest(),
                                    "%s version %d" % (name, i), tags)


def validate_tag(key, value):
    if not key or not isinstance(key, str) or len(key) > 250 or not TAG_KEY_RE.match(key):
        raise MlflowError("INVALID_PARAMETER_VALUE", "Invalid tag key '%s': names may only "
                          "contain alphanumerics, underscores, dashes, periods, spaces and "
                          "slashes, and be at most 250 characters." % key)
    if not isinstance(value, str) or len(value) > MAX_TAG_VALUE:
        raise MlflowError("INVALID_PARAMETER_VALUE", "Tag value for key '%s' must be a string of "
                          "at most %d characters." % (key, MAX_TAG_VALUE))


def validate_alias(alias):
    if not alias or not isinstance(alias, str) or len(alias) > 255 \
            or not re.match(r"^[\w\-]+$", alias):
        raise MlflowError("INVALID_PARAMETER_VALUE", "Invalid alias name: '%s'. Names may only "
                          "contain alphanumerics, underscores and dashes." % alias)
    if alias.lower() == "latest" or re.match(r"^v\d+$", alias, re.IGNORECASE):
        raise MlflowError("INVALID_PARAMETER_VALUE", "'%s' is reserved and cannot be used as an "
                          "alias." % alias)


class MlflowHandler(common.BaseTestHandler):
    server_version = "mlflow-testserver/1"
    store = None  # set by main()

    def do_GET(self):
        if self.raw_path() == "/_test/state":
            with self.store.lock:
                self.send_json(200, {"registered_models": [self.store.model_json(m) for m in
                                                           self.store.models.values()],
                                     "model_versions": [self.store.version_json(v) for vs in
                                                        self.store.versions.values() for v in vs
                                                        if v is not None]})
            return
        if self.handle_test_endpoint("GET"):
            return
        self.handle_request(b"")

    def do_POST(self):
        body = self.read_body()
        if self.handle_test_endpoint("POST", body):
            return
        self.handle_request(body)

    def do_DELETE(self):
        self.handle_request(self.read_body())

    def handle_request(self, body):
        entry = self.state.new_entry(self.command, self.path, self.header_dict(), body)
        self.state.update(entry, endpoint=self.raw_path()[len(PREFIX):]
                          if self.raw_path().startswith(PREFIX) else self.raw_path())
        self.state.enter()
        try:
            self.handle_operation(entry, body)
        except MlflowError as err:
            verdict = ("fault:" + err.fault) if err.fault else \
                "rejected:%d %s" % (err.status, err.code)
            self.state.update(entry, verdict=verdict, status=err.status, error=err.message)
            self.send_json(err.status, {"error_code": err.code, "message": err.message})
        except common.ClientGone:
            self.state.update(entry, verdict="aborted")
        except Exception as e:  # a bug in this server: say so on stderr, hang up
            import traceback
            traceback.print_exc()
            self.state.update(entry, verdict="server-bug: %r" % e, status=500)
            self.close_connection = True
        finally:
            self.state.leave()

    def check_token(self):
        token = self.state.args.token
        if not token:
            return
        given = self.headers.get("Authorization", "")
        if not given.startswith("Bearer "):
            raise MlflowError("UNAUTHENTICATED", "You are not authenticated. Please provide a "
                              "bearer token in the Authorization header.")
        if given[len("Bearer "):] != token:
            raise MlflowError("UNAUTHENTICATED", "Invalid access token.")

    def apply_faults(self, entry):
        try:
            faults = common.resolve_faults(self.state, self.headers)
        except ValueError as e:
            raise MlflowError("INVALID_PARAMETER_VALUE", "test server: bad X-Test-* header: %s" % e)
        if faults.unknown:
            raise MlflowError("INVALID_PARAMETER_VALUE", "test server: unknown X-Test-Fault %s "
                              "(known: %s)" % (", ".join(faults.unknown), ", ".join(FAULTS)))
        if faults.names:
            self.state.update(entry, faults=faults.describe())
        if "latency" in faults or "slow-first-byte" in faults:
            time.sleep(faults.delay_ms / 1000.0)
        if "drop" in faults or "reset" in faults:
            self.state.update(entry, verdict="fault:" + ("drop" if "drop" in faults else "reset"))
            self.abort_connection(reset="reset" in faults)
            return None
        for name, code in (("429", "REQUEST_LIMIT_EXCEEDED"), ("500", "INTERNAL_ERROR"),
                           ("503", "TEMPORARILY_UNAVAILABLE")):
            if name in faults:
                raise MlflowError(code, "test server fault %s" % name, fault=name)
        return faults

    def params(self, body):
        if self.command == "GET":
            return dict(urllib.parse.parse_qsl(self.raw_query(), keep_blank_values=True))
        try:
            data = json.loads(body.decode("utf-8")) if body.strip() else {}
        except (UnicodeDecodeError, ValueError) as e:
            raise MlflowError("INVALID_PARAMETER_VALUE", "Malformed JSON request body: %s" % e)
        if not isinstance(data, dict):
            raise MlflowError("INVALID_PARAMETER_VALUE", "The request body must be a JSON object.")
        return data

    def handle_operation(self, entry, body):
        if self.state.args.latency_ms > 0:
            time.sleep(self.state.args.latency_ms / 1000.0)
        self.check_token()
        path = self.raw_path()
        handler = None
        if path.startswith(PREFIX):
            name = path[len(PREFIX):].replace("-", "_").replace("/", "__")
            handler = getattr(self, "%s_%s" % (self.command.lower(), name), None)
        if handler is None:
            raise MlflowError("ENDPOINT_NOT_FOUND", "No API endpoint %s %s" % (self.command, path))
        faults = self.apply_faults(entry)
        if faults is None:
            return
        params = self.params(body)
        with self.store.lock:
            answer = handler(params)
        data = json.dumps(answer, ensure_ascii=False).encode("utf-8")
        verdict = "fault:" + faults.describe() if faults.names else "ok"
        self.state.update(entry, verdict=verdict, status=200)
        if "malformed" in faults:
            data = data[: len(data) * 2 // 3]
        if "truncate" in faults:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.raw_write(data[: len(data) // 2])
            self.abort_connection()
            return
        self.send_bytes(200, data, "application/json")

    # -- registered models
    def get_registered_models__search(self, params):
        models = sorted((m for m in self.store.models.values()
                         if name_matches(params.get("filter"), m["name"])), key=lambda m: m["name"])
        chunk, token = page(models, params, 100, 1000, self.state.args.page_cap)
        return compact({"registered_models": [self.store.model_json(m) for m in chunk],
                        "next_page_token": token})

    def get_registered_models__get(self, params):
        return {"registered_model": self.store.model_json(self.store.model(params.get("name")))}

    def post_registered_models__create(self, params):
        tags = params.get("tags") or []
        for tag in tags:
            validate_tag(tag.get("key"), tag.get("value"))
        model = self.store.create_model(params.get("name"), params.get("description", ""), tags)
        return {"registered_model": self.store.model_json(model)}

    def post_registered_models__alias(self, params):
        validate_alias(params.get("alias"))
        target = self.store.version(params.get("name"), params.get("version"))
        self.store.models[target["name"]]["aliases"][params["alias"]] = target["version"]
        return {}

    def delete_registered_models__alias(self, params):
        model = self.store.model(params.get("name"))
        validate_alias(params.get("alias"))
        model["aliases"].pop(params["alias"], None)
        return {}

    def get_registered_models__alias(self, params):
        model = self.store.model(params.get("name"))
        alias = params.get("alias")
        if alias not in model["aliases"]:
            raise MlflowError("INVALID_PARAMETER_VALUE", "Registered model alias %s not found."
                              % alias)
        target = self.store.version(model["name"], model["aliases"][alias])
        return {"model_version": self.store.version_json(target)}

    # -- model versions
    def get_model_versions__search(self, params):
        versions = [v for name, vs in sorted(self.store.versions.items())
                    if name_matches(params.get("filter"), name) for v in reversed(vs)
                    if v is not None]
        chunk, token = page(versions, params, 10000, 200000, self.state.args.page_cap)
        return compact({"model_versions": [self.store.version_json(v) for v in chunk],
                        "next_page_token": token})

    def get_model_versions__get(self, params):
        target = self.store.version(params.get("name"), params.get("version"))
        return {"model_version": self.store.version_json(target)}

    def post_model_versions__create(self, params):
        tags = params.get("tags") or []
        for tag in tags:
            validate_tag(tag.get("key"), tag.get("value"))
        entry = self.store.create_version(params.get("name"), params.get("source"),
                                          params.get("run_id", ""), params.get("description", ""),
                                          tags)
        return {"model_version": self.store.version_json(entry)}

    def post_model_versions__set_tag(self, params):
        target = self.store.version(params.get("name"), params.get("version"))
        validate_tag(params.get("key"), params.get("value"))
        # Like MLflow's SQL store, a tag does not change last_updated_timestamp.
        target["tags"][params["key"]] = params["value"]
        return {}

    def delete_model_versions__delete_tag(self, params):
        target = self.store.version(params.get("name"), params.get("version"))
        if params.get("key") not in target["tags"]:
            raise MlflowError("RESOURCE_DOES_NOT_EXIST", "No tag with name: %s in model %s "
                              "version %s." % (params.get("key"), target["name"],
                                               target["version"]))
        del target["tags"][params["key"]]
        return {}


def main(argv=None):
    parser = common.make_parser(__doc__.split("\n")[1], ())
    parser.add_argument("--token", default=None,
                        help="bearer token every /api request must carry (default: none needed)")
    parser.add_argument("--user-id", default="",
                        help="user_id stamped on created models and versions (default empty, as "
                             "an MLflow server without authentication)")
    parser.add_argument("--page-cap", type=int, default=0,
                        help="never return more than this many items per page (default: only "
                             "max_results limits a page)")
    parser.add_argument("--seed-model", action="append", metavar="NAME",
                        help="create this registered model at start (repeatable)")
    parser.add_argument("--seed-versions", type=int, default=3,
                        help="versions created in each --seed-model (default 3)")
    args = parser.parse_args(argv)
    MlflowHandler.store = Store(args)
    MlflowHandler.store.seed()
    common.serve(MlflowHandler, common.ServerState(args, FAULTS))


if __name__ == "__main__":
    main()
