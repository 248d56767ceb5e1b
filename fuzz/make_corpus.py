#!/usr/bin/env python3
"""Writes the fuzz targets' seed corpora (fuzz/corpus/NAME/) from the tests' data: the demo datasets,
the payloads, answers and replies the unit tests use, and frames made by the test servers' own
event-stream codec. Run it again after changing a format; the files it writes are committed.

    python3 fuzz/make_corpus.py [--workspace-cli build/ci/app/genaiops]
"""
import argparse
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(SOURCE, "tests", "servers"))
import bedrock_server  # noqa: E402  (its encode_frame is checked against the official vectors)


def write(target, name, data):
    folder = os.path.join(HERE, "corpus", target)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "wb") as out:
        out.write(data if isinstance(data, bytes) else data.encode())


def demo(name):
    with open(os.path.join(SOURCE, "resources", "demo", name), "rb") as source:
        return source.read()


def frame(event, payload):
    return bedrock_server.event_frame(event, payload, "")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--workspace-cli", default=os.path.join(SOURCE, "build", "ci", "app", "genaiops"))
    args = parser.parse_args()
    shutil.rmtree(os.path.join(HERE, "corpus"), ignore_errors=True)

    golden = demo("golden-rag.jsonl").splitlines(keepends=True)
    write("jsonl_records", "golden-head.jsonl", b"".join(golden[:4]))
    write("jsonl_records", "multiline.jsonl", b'{"question": "A?",\n "response": "B"}\n[1, 2]\n"bare"\n{"broken": \n')
    write("jsonl_records", "bom-crlf.jsonl", b'\xef\xbb\xbf{"question": "A?"}\r\n{"question": "C?"}\r\n')
    write("csv_records", "plain.csv", b"question,response,reference\nWhat is 2+2?,4,4\n")
    write("csv_records", "quoted.csv", b'question,contexts\r\n"Say ""hi"", then stop","line one\r\nline two"\r\n')
    write("csv_records", "unclosed.csv", b'question\n"never closed\n')
    for index, line in enumerate(golden[:3]):
        write("dataset_fields", "golden-%d.json" % index, line)
    write("dataset_fields", "messages.json",
          json.dumps({"user_input": [{"role": "user", "content": [{"text": "Which plan?"}]}],
                      "retrieved_contexts": ["Plan A", {"text": "Plan B"}], "reference": "Plan A"}))
    write("dataset_fields", "bedrock-turns.json",
          json.dumps({"conversationTurns": [{"prompt": {"content": [{"text": "Q?"}]},
                                             "referenceResponses": [{"content": [{"text": "R"}]}],
                                             "output": {"text": "A", "retrievedPassages": {
                                                 "retrievalResults": [{"content": {"text": "P"}}]}}}]}))

    chunk = {"id": "c1", "object": "chat.completion.chunk", "choices": [{"index": 0, "delta": {"content": "Hel"}}]}
    stop = {"choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}],
            "usage": {"prompt_tokens": 9, "completion_tokens": 2}}
    stream = "data: %s\n\ndata: %s\n\ndata: [DONE]\n\n" % (json.dumps(chunk), json.dumps(stop))
    write("sse", "chat.sse", b"\x07" + stream.encode())
    write("sse", "crlf-comments.sse", b"\x2a\xef\xbb\xbf: keep-alive\r\nevent: x\r\ndata: a\r\ndata: b\r\r\n")
    write("openai_answer", "streamed", b"\x01" + stream.encode())
    whole = {"choices": [{"index": 0, "message": {"role": "assistant", "content": "Hello"}, "finish_reason": "stop"}],
             "usage": {"prompt_tokens": 9, "completion_tokens": 1}}
    write("openai_answer", "whole", b"\x00" + json.dumps(whole).encode())
    write("openai_answer", "error", b"\x00" + json.dumps({"error": {"message": "no such model", "type": "invalid"}}).encode())

    frames = (frame("messageStart", {"role": "assistant"})
              + frame("contentBlockDelta", {"contentBlockIndex": 0, "delta": {"text": "Hello"}})
              + frame("contentBlockStop", {"contentBlockIndex": 0})
              + frame("messageStop", {"stopReason": "end_turn"})
              + frame("metadata", {"usage": {"inputTokens": 9, "outputTokens": 1, "totalTokens": 10},
                                   "metrics": {"latencyMs": 120}}))
    throttled = frame("messageStart", {"role": "assistant"}) + bedrock_server.exception_frame(
        "throttlingException", {"message": "Too many requests"})
    write("eventstream", "converse", b"\x05" + frames)
    write("eventstream", "throttled", b"\x09" + throttled)
    write("eventstream", "truncated", b"\x03" + frames[:-7])
    write("bedrock_answer", "streamed", b"\x01" + frames)
    write("bedrock_answer", "throttled", b"\x01" + throttled)
    converse = {"output": {"message": {"role": "assistant", "content": [{"text": "Hello"}]}}, "stopReason": "end_turn",
                "usage": {"inputTokens": 9, "outputTokens": 1, "totalTokens": 10}, "metrics": {"latencyMs": 120}}
    write("bedrock_answer", "whole", b"\x00" + json.dumps(converse).encode())

    write("sigv4", "bedrock", "/model/anthropic.claude-3-haiku-20240307-v1:0/converse-stream\n\nhost:bedrock-runtime.us-east-1.amazonaws.com\nx-amz-date:20150830T123600Z")
    write("sigv4", "dots", "/example/.././/foo/\nParam2=value2&Param1=value1&Param-3=%20a+b\nmy-header1: value4  value5 \nMy-Header1:value1")
    write("sigv4", "utf8", "/\xe1\x88\xb4/%3A%2F\n\xe1\x88\xb4=bar&=&a")

    write("judge_replies", "statements", '```json\n{"statements": ["Paris is the capital of France.", {"statement": "It has 2 million people."}]}\n```')
    write("judge_replies", "verdicts", '{"verdicts": [{"statement": "Returns are accepted for 30 days.", "verdict": 1, "reason": "stated"}, {"statement": "Refunds take a week.", "verdict": "no", "reason": ""}]}')
    write("judge_replies", "relevance", 'Sure! Here is my answer: {"score": 0.8, "explanation": "on topic"} Hope this helps.')
    write("judge_replies", "prose", "The answer is faithful to the context.")

    topic = "greengrass/vqi/inference_results\n"
    write("inspection_payload", "string-numbers", topic + '{"device_id":"vqi-cell-01","timestamp":1700000000.123,"prediction":"good","confidence":"0.9876","inference_latency_ms":"41.20"}')
    write("inspection_payload", "defect", topic + '{"device_id":"vqi-cell-02","timestamp":1700000000123,"prediction":"defective","confidence":0.6512,"inference_latency_ms":38.5,"defect_type":"scratch","bbox":[10,12,30,18],"image_uri":"file:///var/vqi/img/1.png"}')
    write("inspection_payload", "iso-time", topic + '{"device_id":"a","timestamp":"2024-05-01T14:00:00+02:00","prediction":"good","confidence":0,"inference_latency_ms":"7"}')

    output = demo("bedrock-rag-output.jsonl").splitlines(keepends=True)
    write("bedrock_output", "rag-head.jsonl", b"".join(output[:3]))
    write("bedrock_output", "failed-record.jsonl", output[0].replace(b"COMPLETED", b"FAILED") if output else b"")

    package = {"ModelPackageGroupName": "fraud", "ModelPackageVersion": 3, "ModelPackageArn":
               "arn:aws:sagemaker:us-east-1:123456789012:model-package/fraud/3", "ModelApprovalStatus":
               "PendingManualApproval", "CreationTime": 1700000000.5, "CreatedBy": {"UserProfileName": "dana"},
               "ModelLifeCycle": {"Stage": "Test", "StageStatus": "Approved"},
               "InferenceSpecification": {"Containers": [{"ModelDataUrl": "s3://models/fraud/3.tar.gz"}]}}
    write("registry_answers", "sagemaker-package", b"\x00" + json.dumps(package).encode())
    write("registry_answers", "sagemaker-list", b"\x01" + json.dumps({"ModelPackageSummaryList": [package], "NextToken": "t"}).encode())
    write("registry_answers", "sagemaker-throttled", b"\x88" + json.dumps({"__type": "com.amazon.coral.service#ThrottlingException", "message": "Rate exceeded"}).encode())
    write("registry_answers", "sts-arn", b"\x00<GetCallerIdentityResponse><GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:user/dana</Arn></GetCallerIdentityResult></GetCallerIdentityResponse>")
    write("registry_answers", "sts-error", b"\x05<ErrorResponse><Error><Code>InvalidClientTokenId</Code><Message>bad token</Message></Error></ErrorResponse>")
    version = {"name": "fraud", "version": "2", "source": "s3://models/fraud/2", "user_id": "dana",
               "creation_timestamp": 1700000000000, "last_updated_timestamp": 1700000500000,
               "aliases": ["test"], "tags": [{"key": "genaiops.stage", "value": "Test"}]}
    write("registry_answers", "mlflow-version", b"\x00" + json.dumps({"model_version": version}).encode())
    write("registry_answers", "mlflow-search", b"\x00" + json.dumps({"model_versions": [version], "next_page_token": "p"}).encode())
    write("registry_answers", "mlflow-error", b"\x06" + json.dumps({"error_code": "RESOURCE_DOES_NOT_EXIST", "message": "no such model"}).encode())

    # Error answers: first byte the status, second whether an x-amzn-ErrorType header comes first.
    write("error_answers", "openai-429", b"\x04\x00" + json.dumps({"error": {"message": "Rate limit reached", "type": "requests", "code": "rate_limit_exceeded"}}).encode())
    write("error_answers", "gateway-detail", b"\x02\x00" + json.dumps({"detail": [{"loc": ["body"], "msg": "field required"}]}).encode())
    write("error_answers", "bedrock-throttled", b"\x04\x01ThrottlingException:http://internal.amazon.com/coral/\n" + json.dumps({"message": "Too many requests"}).encode())
    write("error_answers", "bedrock-type-in-body", b"\x02\x00" + json.dumps({"__type": "com.amazon.bedrock#ValidationException", "Message": "bad model"}).encode())
    write("error_answers", "html", b"\x06\x00<html><body>502 Bad Gateway</body></html>")

    # Guardrails: first byte bit 0 the call intervened, bit 1 the output was checked, bit 2 with a
    # grounding source; the rest a Converse trace or an ApplyGuardrail answer as AWS writes them.
    guardrail_seeds()
    # Knowledge Bases: first byte bit 0 a guardrail, bit 1 a page token sent, bit 2 one expected.
    knowledge_base_seeds()

    write("prompt_template", "rag", "Answer from the context only.\nContext: {{ context }}\nQuestion: {{question}}\n")
    write("prompt_template", "odd", "{{a.b-c}} {{ 9x }} {{{{nested}}}} {{unclosed")
    write("text_diff", "prompt-versions", "You are a helpful assistant.\nAnswer briefly.\n\0You are a careful assistant.\nAnswer briefly.\nCite the context.\n")
    write("text_diff", "crlf", "a\r\nb\r\nc\0a\nc\nd")
    write("mqtt_settings", "local", 'mqtt://localhost:1883\ngreengrass/vqi/#\n{"username": "edge"}')
    write("mqtt_settings", "tls-profile", 'mqtts://broker.example.com\nplant/+/inference\n{"broker_url": "mqtts://iot.example.com:8883", "ca_file": "/nonexistent/ca.pem", "alpn": "x-amzn-mqtt-ca"}')
    write("mqtt_settings", "ipv6", "mqtt://[::1]:1884\n#\n{}")

    # A real workspace, small pages so that mutations reach every table: empty, and with a run.
    with tempfile.TemporaryDirectory() as folder:
        for name, import_demo in (("empty", False), ("demo-run", True)):
            path = os.path.join(folder, name + ".genaiops")
            # Any command makes the workspace it is pointed at; import fills one.
            command = [args.workspace_cli, "--workspace", path, "eval", "list"]
            if import_demo:
                command = [args.workspace_cli, "--workspace", path, "eval", "import", "--format", "bedrock",
                           os.path.join(SOURCE, "resources", "demo", "bedrock-rag-output.jsonl")]
            subprocess.run(command, check=False, capture_output=True)
            if not os.path.exists(path):
                sys.exit("could not make a workspace with " + args.workspace_cli)
            database = sqlite3.connect(path)
            database.execute("PRAGMA journal_mode=DELETE")
            database.execute("PRAGMA page_size=512")
            database.execute("VACUUM")
            database.close()
            with open(path, "rb") as made:
                write("workspace_file", name, made.read())
    write("workspace_file", "not-sqlite", b"SQLite format 2\0not a database at all")
    for target in sorted(os.listdir(os.path.join(HERE, "corpus"))):
        print(target, len(os.listdir(os.path.join(HERE, "corpus", target))), "seeds")


def guardrail_seeds():
    usage = {"topicPolicyUnits": 1, "contentPolicyUnits": 1, "wordPolicyUnits": 1,
             "sensitiveInformationPolicyUnits": 1, "sensitiveInformationPolicyFreeUnits": 0,
             "contextualGroundingPolicyUnits": 0, "contentPolicyImageUnits": 0}
    metrics = {"guardrailProcessingLatency": 212, "usage": usage,
               "guardrailCoverage": {"textCharacters": {"guarded": 28, "total": 28}}}
    pii = {"sensitiveInformationPolicy": {"piiEntities": [
        {"match": "jane@example.com", "type": "EMAIL", "action": "ANONYMIZED", "detected": True}]},
        "invocationMetrics": metrics}
    write("guardrail_answers", "apply-masked", b"\x00" + json.dumps(
        {"usage": usage, "action": "GUARDRAIL_INTERVENED", "actionReason": "Guardrail masked.",
         "outputs": [{"text": "My email is {EMAIL}"}], "assessments": [pii],
         "guardrailCoverage": {"textCharacters": {"guarded": 28, "total": 28}}}).encode())
    topic = {"topicPolicy": {"topics": [{"name": "Investment advice", "type": "DENY", "action": "BLOCKED",
                                         "detected": True}]},
             "contentPolicy": {"filters": [{"type": "PROMPT_ATTACK", "confidence": "HIGH", "filterStrength": "HIGH",
                                            "action": "BLOCKED", "detected": True}]},
             "wordPolicy": {"customWords": [{"match": "darn", "action": "BLOCKED"}],
                            "managedWordLists": [{"match": "heck", "type": "PROFANITY", "action": "NONE"}]},
             "sensitiveInformationPolicy": {"regexes": [{"name": "account", "match": "ACC-123456",
                                                         "regex": "ACC-[0-9]{6}", "action": "BLOCKED"}]},
             "invocationMetrics": metrics}
    write("guardrail_answers", "apply-blocked", b"\x00" + json.dumps(
        {"usage": usage, "action": "GUARDRAIL_INTERVENED", "actionReason": "Guardrail blocked.",
         "outputs": [{"text": "Sorry, the model cannot answer this question."}], "assessments": [topic]}).encode())
    grounding = {"contextualGroundingPolicy": {"filters": [
        {"type": "GROUNDING", "threshold": 0.5, "score": 0.31, "action": "BLOCKED", "detected": True},
        {"type": "RELEVANCE", "threshold": 0.5, "score": 0.92, "action": "NONE", "detected": False}]},
        "invocationMetrics": {"usage": dict(usage, contextualGroundingPolicyUnits=1)}}
    write("guardrail_answers", "apply-grounding", b"\x06" + json.dumps(
        {"usage": dict(usage, contextualGroundingPolicyUnits=1), "action": "GUARDRAIL_INTERVENED",
         "actionReason": "Guardrail blocked.", "outputs": [{"text": "Sorry, the model cannot answer this question."}],
         "assessments": [grounding]}).encode())
    write("guardrail_answers", "apply-none", b"\x02" + json.dumps(
        {"usage": usage, "action": "NONE", "actionReason": "No action.", "outputs": [], "assessments": [{}]}).encode())
    write("guardrail_answers", "converse-trace", b"\x01" + json.dumps(
        {"modelOutput": ["Buy shares of Northwind."], "inputAssessment": {"gr1abc2def3g": topic},
         "outputAssessments": {"gr1abc2def3g": [grounding]}, "actionReason": "Guardrail blocked."}).encode())
    write("guardrail_answers", "converse-trace-masked", b"\x00" + json.dumps(
        {"inputAssessment": {"gr1abc2def3g": pii}, "outputAssessments": {"gr1abc2def3g": [{}]},
         "actionReason": "Guardrail masked."}).encode())


def knowledge_base_seeds():
    def reference(uri, text):
        return {"content": {"text": text, "type": "TEXT"}, "location": {"type": "S3", "s3Location": {"uri": uri}},
                "metadata": {"department": "HR", "x-amz-bedrock-kb-source-uri": uri}}
    first = "Northwind Tools employees receive 25 days of paid vacation per calendar year."
    second = "Employees on parental leave keep accruing vacation days."
    vacation = reference("s3://northwind-kb/hr/vacation-policy.txt", first + " Vacation days accrue monthly.")
    leave = reference("s3://northwind-kb/hr/parental-leave.txt", second + " Their health insurance continues.")
    text = first + " " + second
    # Spans as the service writes them: end inclusive, on the sentence's last character.
    citations = [{"generatedResponsePart": {"textResponsePart": {"text": first, "span": {"start": 0, "end": len(first) - 1}}},
                  "retrievedReferences": [vacation]},
                 {"generatedResponsePart": {"textResponsePart": {"text": second, "span": {"start": len(first) + 1,
                                                                                          "end": len(text) - 1}}},
                  "retrievedReferences": [leave, vacation]}]
    session = "3f1c2d9e-7a41-4f0e-9d55-0c8f2b1e6a77"
    write("knowledge_base_answers", "rag-cited", b"\x00" + json.dumps(
        {"output": {"text": text}, "citations": citations, "sessionId": session}).encode())
    write("knowledge_base_answers", "rag-guardrail-none", b"\x01" + json.dumps(
        {"output": {"text": text}, "citations": citations, "sessionId": session, "guardrailAction": "NONE"}).encode())
    write("knowledge_base_answers", "rag-blocked", b"\x01" + json.dumps(
        {"output": {"text": "Sorry, the model cannot answer this question."}, "citations": [], "sessionId": session,
         "guardrailAction": "INTERVENED"}).encode())
    write("knowledge_base_answers", "rag-no-answer", b"\x00" + json.dumps(
        {"output": {"text": "Sorry, I am unable to assist you with this request."}, "sessionId": session}).encode())
    results = [dict(vacation, score=1.0), dict(leave, score=0.4821)]
    write("knowledge_base_answers", "retrieve-page", b"\x06" + json.dumps(
        {"retrievalResults": results, "nextToken": "eyJxIjoiYzM3NDUwMGFjY2ZmYmY3OCIsIm8iOjJ9"}).encode())
    write("knowledge_base_answers", "retrieve-last", b"\x04" + json.dumps({"retrievalResults": results[:1]}).encode())


if __name__ == "__main__":
    main()
