"""selftest.py's checks of the registry servers (sagemaker_server.py, mlflow_server.py).

selftest.py calls run(helpers) with itself as `helpers`, so the checks share its counters, its
signer and its raw-socket HTTP client.
"""

import json
import urllib.parse

AKID = "AKIDREGISTRY"
SECRET = "registry/secret+key=="
OTHER_AKID = "AKIDOTHER"
OTHER_SECRET = "other/secret"
OTHER_ARN = "arn:aws:iam::123456789012:user/other"


def run(t):
    for test in (test_sagemaker, test_mlflow):
        section = test.__name__
        try:
            test(t)
        except Exception as e:  # a failed expectation that broke the rest of its section
            import traceback
            traceback.print_exc()
            t.check(False, "%s stopped early" % section, repr(e))


def sagemaker_call(t, port, operation, obj, secret=SECRET, akid=AKID, service="sagemaker",
                   target=True):
    body = json.dumps(obj).encode() if target else obj
    date = t.amz_now()
    headers = [("Host", "127.0.0.1:%d" % port), ("X-Amz-Date", date)]
    if target:
        headers += [("X-Amz-Target", "SageMaker." + operation),
                    ("Content-Type", "application/x-amz-json-1.1")]
    else:
        headers += [("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")]
    auth = t.sign_headers("POST", "/", "", headers, body, akid, secret, "us-east-1", service, date)
    r = t.http_request(port, "POST", "/", headers + [("Authorization", auth)], body)
    try:
        return r.status, json.loads(r.body) if target else r.body.decode()
    except ValueError:
        return r.status, r.body.decode(errors="replace")


def test_sagemaker(t):
    t.section("SageMaker registry server")
    proc, port = t.start_server("sagemaker_server.py", "--access-key", AKID, "--secret-key", SECRET,
                                "--credential", OTHER_AKID + ":" + OTHER_SECRET, "--identity",
                                OTHER_AKID + "=" + OTHER_ARN, "--seed-group", "churn",
                                "--seed-versions", "250")
    try:
        call = lambda op, obj, **kw: sagemaker_call(t, port, op, obj, **kw)  # noqa: E731
        seen, token, pages = [], None, 0
        while True:
            query = {"ModelPackageGroupName": "churn", "MaxResults": 100}
            if token:
                query["NextToken"] = token
            status, answer = call("ListModelPackages", query)
            pages += 1
            seen += [p["ModelPackageVersion"] for p in answer.get("ModelPackageSummaryList", [])]
            token = answer.get("NextToken")
            if status != 200 or not token:
                break
        t.check(seen == list(range(1, 251)) and pages == 3, "250 versions in 3 pages of 100",
                (pages, len(seen)))
        status, answer = call("ListModelPackages", {"ModelPackageGroupName": "churn"})
        t.check(len(answer["ModelPackageSummaryList"]) == 10, "default page size 10", status)
        status, answer = call("ListModelPackages", {"MaxResults": 101})
        t.check(status == 400 and "less than or equal to 100" in answer["message"],
                "MaxResults over 100 is a ValidationException", answer)
        status, answer = call("ListModelPackages", {"NextToken": "bogus"})
        t.check(status == 400 and "pagination token" in answer["message"], "bad NextToken", answer)
        status, answer = call("ListModelPackages", {"ModelApprovalStatus": "Approve"})
        t.check(status == 400 and answer["__type"] == "ValidationException"
                and "enum value set" in answer["message"], "bad ModelApprovalStatus", answer)

        status, package = call("DescribeModelPackage", {"ModelPackageName": "churn/7"})
        arn = package.get("ModelPackageArn", "")
        t.check(status == 200 and arn.endswith(":model-package/churn/7")
                and isinstance(package["CreationTime"], float), "describe by group/version", package)
        status, same = call("DescribeModelPackage", {"ModelPackageName": arn})
        t.check(status == 200 and same["ModelPackageVersion"] == 7, "describe by ARN", status)
        status, answer = call("DescribeModelPackage", {"ModelPackageName": "churn/999"})
        t.check(status == 400 and answer["__type"] == "ResourceNotFound", "unknown package", answer)

        status, answer = call("UpdateModelPackage", {"ModelPackageArn": arn,
                                                     "ApprovalDescription": "x" * 1025,
                                                     "ModelApprovalStatus": "Approved"})
        t.check(status == 400 and "approvalDescription" in answer["message"],
                "ApprovalDescription over 1024 rejected", answer)
        status, answer = call("UpdateModelPackage", {"ModelPackageArn": arn,
                                                     "ApprovalDescription": "\U0001F600" * 513,
                                                     "ModelApprovalStatus": "Approved"})
        t.check(status == 400, "length counted in UTF-16 code units", answer)
        status, answer = call("UpdateModelPackage", {"ModelPackageArn": "churn/7",
                                                     "ModelApprovalStatus": "Approved"})
        t.check(status == 400 and "modelPackageArn" in answer["message"], "update needs an ARN",
                answer)
        status, answer = call("UpdateModelPackage", {"ModelPackageArn": arn, "ModelLifeCycle":
                                                     {"Stage": "Prod"}})
        t.check(status == 400 and "stageStatus" in answer["message"], "StageStatus required", answer)
        status, answer = call("UpdateModelPackage", {
            "ModelPackageArn": arn, "ModelApprovalStatus": "Approved", "ApprovalDescription": "ok",
            "ModelLifeCycle": {"Stage": "Test", "StageStatus": "Approved"},
            "CustomerMetadataProperties": {"metric.f1": "0.5"}}, akid=OTHER_AKID,
            secret=OTHER_SECRET)
        status, package = call("DescribeModelPackage", {"ModelPackageName": arn})
        t.check(package["ModelApprovalStatus"] == "Approved" and package["ApprovalDescription"] == "ok"
                and package["ModelLifeCycle"]["Stage"] == "Test"
                and package["CustomerMetadataProperties"]["metric.f1"] == "0.5"
                and "metric.faithfulness" in package["CustomerMetadataProperties"]
                and package["LastModifiedBy"]["IamIdentity"]["Arn"] == OTHER_ARN
                and package["LastModifiedTime"] > package["CreationTime"], "update applied", package)
        status, answer = call("CustomerMetadataProperties", {})
        t.check(status == 400 and answer["__type"] == "UnknownOperationException", "unknown op",
                answer)
        status, answer = call("CreateModelPackage", {"ModelPackageGroupName": "churn",
                                                     "CustomerMetadataProperties": {"a,b": "c"}})
        t.check(status == 400 and "customerMetadataProperties.key" in answer["message"],
                "metadata key pattern", answer)

        status, answer = call("ListModelPackages", {}, secret="wrong")
        t.check(status == 403 and answer["__type"].endswith("#InvalidSignatureException"),
                "wrong secret: InvalidSignatureException", answer)
        status, answer = call("ListModelPackages", {}, service="bedrock")
        t.check(status == 403 and "correct service: 'sagemaker'" in answer["message"],
                "scope must name sagemaker", answer)

        sts = b"Action=GetCallerIdentity&Version=2011-06-15"
        status, xml = sagemaker_call(t, port, None, sts, service="sts", target=False)
        t.check(status == 200 and "<Arn>arn:aws:iam::123456789012:user/test-user</Arn>" in xml,
                "GetCallerIdentity", xml)
        status, xml = sagemaker_call(t, port, None, sts, service="sts", target=False,
                                     akid=OTHER_AKID, secret=OTHER_SECRET)
        t.check("<Arn>%s</Arn>" % OTHER_ARN in xml, "GetCallerIdentity per credential", xml)
        status, xml = sagemaker_call(t, port, None, sts, service="sts", target=False,
                                     secret="wrong")
        t.check(status == 403 and "<Code>SignatureDoesNotMatch</Code>" in xml,
                "STS error in the Query protocol's XML", xml)
        status, xml = sagemaker_call(t, port, None, sts, service="sagemaker", target=False)
        t.check(status == 403 and "correct service: 'sts'" in xml, "STS scope must name sts", xml)

        log = t.test_get(port, "/_test/requests")
        t.check(all("operation" in e and "service" in e for e in log), "log names operations",
                log[-1])
        state = t.test_get(port, "/_test/state")
        t.check(len(state["packages"]["churn"]) == 250, "/_test/state", list(state))
    finally:
        proc.terminate()
        proc.wait(5)
    err = proc.stderr.read().decode()
    t.check(err.strip() == "", "sagemaker server quiet on stderr", err)


def test_mlflow(t):
    t.section("MLflow registry server")
    proc, port = t.start_server("mlflow_server.py", "--token", "tok", "--seed-model", "churn",
                                "--seed-versions", "12", "--page-cap", "5")
    auth = [("Authorization", "Bearer tok"), ("Content-Type", "application/json")]

    def get(path, **params):
        query = urllib.parse.urlencode(params)
        r = t.http_request(port, "GET", "/api/2.0/mlflow/%s?%s" % (path, query), auth)
        return r.status, json.loads(r.body or b"{}")

    def send(method, path, obj):
        r = t.http_request(port, method, "/api/2.0/mlflow/" + path, auth, json.dumps(obj).encode())
        return r.status, json.loads(r.body or b"{}")

    try:
        seen, token = [], None
        for _ in range(5):
            params = {"filter": "name = 'churn'", "max_results": 100}
            if token:
                params["page_token"] = token
            status, answer = get("model-versions/search", **params)
            seen += [v["version"] for v in answer.get("model_versions", [])]
            token = answer.get("next_page_token")
            if not token:
                break
        t.check(sorted(int(v) for v in seen) == list(range(1, 13)), "versions paged (cap 5)", seen)
        status, answer = get("model-versions/search", filter="name = 'nope'")
        t.check(status == 200 and answer == {}, "unknown model: empty search", answer)
        status, answer = get("model-versions/search", filter="run_id = 'x'")
        t.check(status == 400 and answer["error_code"] == "INVALID_PARAMETER_VALUE",
                "unsupported filter", answer)
        status, answer = get("registered-models/search", max_results=1001)
        t.check(status == 400 and answer["error_code"] == "INVALID_PARAMETER_VALUE",
                "max_results over 1000", answer)
        status, answer = get("model-versions/get", name="churn", version=99)
        t.check(status == 404 and answer["error_code"] == "RESOURCE_DOES_NOT_EXIST",
                "unknown version", answer)
        status, answer = get("registered-models/get", name="nope")
        t.check(status == 404 and "name=nope not found" in answer["message"], "unknown model",
                answer)

        status, _ = send("POST", "registered-models/alias", {"name": "churn", "alias": "prod",
                                                              "version": "3"})
        status, _ = send("POST", "model-versions/set-tag", {"name": "churn", "version": "3",
                                                             "key": "genaiops.stage",
                                                             "value": "Prod"})
        status, answer = get("model-versions/get", name="churn", version=3)
        version = answer["model_version"]
        t.check(version["aliases"] == ["prod"] and {"key": "genaiops.stage", "value": "Prod"}
                in version["tags"] and version["last_updated_timestamp"]
                == version["creation_timestamp"], "alias and tag (timestamp unchanged)", version)
        status, answer = send("POST", "registered-models/alias", {"name": "churn",
                                                                   "alias": "v2", "version": "3"})
        t.check(status == 400, "reserved alias", answer)
        status, answer = send("POST", "model-versions/set-tag", {"name": "churn", "version": "3",
                                                                  "key": "k", "value": "x" * 5001})
        t.check(status == 400, "tag value over 5000", answer)
        status, _ = send("DELETE", "registered-models/alias", {"name": "churn", "alias": "prod"})
        status, answer = get("registered-models/get", name="churn")
        t.check("aliases" not in answer["registered_model"], "alias deleted", answer)
        status, answer = send("POST", "model-versions/create", {"name": "new", "source": "s3://x"})
        t.check(status == 404 and answer["error_code"] == "RESOURCE_DOES_NOT_EXIST",
                "create in an unknown model", answer)
        status, answer = send("POST", "model-versions/transition-stage", {})
        t.check(status == 404 and answer["error_code"] == "ENDPOINT_NOT_FOUND",
                "deprecated stages are not served", answer)
        r = t.http_request(port, "GET", "/api/2.0/mlflow/registered-models/search")
        t.check(r.status == 401 and b"UNAUTHENTICATED" in r.body, "token required", r.status)
    finally:
        proc.terminate()
        proc.wait(5)
    err = proc.stderr.read().decode()
    t.check(err.strip() == "", "mlflow server quiet on stderr", err)
