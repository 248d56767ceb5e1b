// Bedrock guardrails without a network: "ID:VERSION" as people write it, verdicts read from
// AWS-shaped traces and ApplyGuardrail answers, what Converse and ApplyGuardrail requests carry, and
// a ConverseStream answer whose metadata event holds the trace.

#include "core/guardrails/guardrailprotocol.h"
#include "core/guardrails/guardrailsetting.h"
#include "core/guardrails/guardrailverdict.h"
#include "core/providers/bedrockprotocol.h"
#include "core/providers/chatrequest.h"
#include "core/providers/chatresult.h"
#include "core/providers/providerconfig.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QtEndian>

#include <zlib.h>

using namespace Qt::StringLiterals;

namespace {

const QString haiku = u"anthropic.claude-3-haiku-20240307-v1:0"_s;

QJsonObject parse(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

ProviderConfig bedrockConfig(const QString &guardrail = {})
{
    ProviderConfig config;
    config.kind = ProviderConfig::Kind::Bedrock;
    config.model = haiku;
    config.region = u"us-east-1"_s;
    config.aws.accessKeyId = u"AKIDEXAMPLE"_s;
    config.aws.secretAccessKey = u"wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"_s;
    if (!guardrail.isEmpty())
        config.guardrail = GuardrailSetting::parse(guardrail).value();
    return config;
}

// What a Converse trace of guardrail gr1abc2def3g looks like when every policy acted on the input
// and the grounding filter blocked the output (field names as in the Bedrock API reference).
QJsonObject fullTrace()
{
    const QJsonObject input{
        {"topicPolicy"_L1,
         QJsonObject{{"topics"_L1,
                      QJsonArray{QJsonObject{
                          {"name"_L1, "Investment advice"_L1}, {"type"_L1, "DENY"_L1}, {"action"_L1, "BLOCKED"_L1}}}}}},
        {"contentPolicy"_L1,
         QJsonObject{{"filters"_L1,
                      QJsonArray{QJsonObject{{"type"_L1, "PROMPT_ATTACK"_L1},
                                             {"confidence"_L1, "HIGH"_L1},
                                             {"filterStrength"_L1, "HIGH"_L1},
                                             {"action"_L1, "BLOCKED"_L1}}}}}},
        {"wordPolicy"_L1,
         QJsonObject{{"customWords"_L1, QJsonArray{QJsonObject{{"match"_L1, "darn"_L1}, {"action"_L1, "BLOCKED"_L1}}}},
                     {"managedWordLists"_L1,
                      QJsonArray{QJsonObject{
                          {"match"_L1, "heck"_L1}, {"type"_L1, "PROFANITY"_L1}, {"action"_L1, "NONE"_L1}}}}}},
        {"sensitiveInformationPolicy"_L1,
         QJsonObject{
             {"piiEntities"_L1,
              QJsonArray{QJsonObject{
                  {"match"_L1, "jane@example.com"_L1}, {"type"_L1, "EMAIL"_L1}, {"action"_L1, "ANONYMIZED"_L1}}}},
             {"regexes"_L1,
              QJsonArray{QJsonObject{{"name"_L1, "account"_L1},
                                     {"match"_L1, "ACC-123456"_L1},
                                     {"regex"_L1, "ACC-[0-9]{6}"_L1},
                                     {"action"_L1, "BLOCKED"_L1}}}}}},
        {"invocationMetrics"_L1,
         QJsonObject{{"guardrailProcessingLatency"_L1, 212},
                     {"usage"_L1,
                      QJsonObject{{"topicPolicyUnits"_L1, 1},
                                  {"contentPolicyUnits"_L1, 2},
                                  {"wordPolicyUnits"_L1, 1},
                                  {"sensitiveInformationPolicyUnits"_L1, 1},
                                  {"sensitiveInformationPolicyFreeUnits"_L1, 1},
                                  {"contextualGroundingPolicyUnits"_L1, 0}}},
                     {"guardrailCoverage"_L1,
                      QJsonObject{{"textCharacters"_L1, QJsonObject{{"guarded"_L1, 80}, {"total"_L1, 120}}}}}}}};
    const QJsonObject output{
        {"contextualGroundingPolicy"_L1,
         QJsonObject{{"filters"_L1,
                      QJsonArray{QJsonObject{{"type"_L1, "GROUNDING"_L1},
                                             {"threshold"_L1, 0.5},
                                             {"score"_L1, 0.31},
                                             {"action"_L1, "BLOCKED"_L1}},
                                 QJsonObject{{"type"_L1, "RELEVANCE"_L1},
                                             {"threshold"_L1, 0.5},
                                             {"score"_L1, 0.92},
                                             {"action"_L1, "NONE"_L1}}}}}},
        {"invocationMetrics"_L1,
         QJsonObject{{"usage"_L1, QJsonObject{{"contextualGroundingPolicyUnits"_L1, 1}, {"topicPolicyUnits"_L1, 1}}}}}};
    return {{"modelOutput"_L1, QJsonArray{"Buy shares of Northwind."_L1}},
            {"inputAssessment"_L1, QJsonObject{{"gr1abc2def3g"_L1, input}}},
            {"outputAssessments"_L1, QJsonObject{{"gr1abc2def3g"_L1, QJsonArray{output}}}},
            {"actionReason"_L1, "Guardrail blocked."_L1}};
}

// ApplyGuardrail's answer to "My email is jane@example.com" checked as input.
QJsonObject maskedApplyAnswer()
{
    const QJsonObject usage{{"topicPolicyUnits"_L1, 1},
                            {"contentPolicyUnits"_L1, 1},
                            {"wordPolicyUnits"_L1, 1},
                            {"sensitiveInformationPolicyUnits"_L1, 1},
                            {"sensitiveInformationPolicyFreeUnits"_L1, 0},
                            {"contextualGroundingPolicyUnits"_L1, 0},
                            {"contentPolicyImageUnits"_L1, 0}};
    const QJsonObject assessment{
        {"sensitiveInformationPolicy"_L1,
         QJsonObject{{"piiEntities"_L1,
                      QJsonArray{QJsonObject{{"match"_L1, "jane@example.com"_L1},
                                             {"type"_L1, "EMAIL"_L1},
                                             {"action"_L1, "ANONYMIZED"_L1},
                                             {"detected"_L1, true}}}}}},
        {"invocationMetrics"_L1, QJsonObject{{"guardrailProcessingLatency"_L1, 40}, {"usage"_L1, usage}}}};
    return {{"usage"_L1, usage},
            {"action"_L1, "GUARDRAIL_INTERVENED"_L1},
            {"actionReason"_L1, "Guardrail masked."_L1},
            {"outputs"_L1, QJsonArray{QJsonObject{{"text"_L1, "My email is {EMAIL}"_L1}}}},
            {"assessments"_L1, QJsonArray{assessment}},
            {"guardrailCoverage"_L1,
             QJsonObject{{"textCharacters"_L1, QJsonObject{{"guarded"_L1, 28}, {"total"_L1, 28}}}}}};
}

// An event-stream frame as application/vnd.amazon.eventstream lays it out: prelude, string
// headers, JSON payload and both CRC32 checksums.
QByteArray appendUInt32(QByteArray bytes, quint32 value)
{
    char buffer[4];
    qToBigEndian(value, buffer);
    return bytes.append(buffer, 4);
}

quint32 crcOf(QByteArrayView bytes)
{
    return quint32(crc32(0, reinterpret_cast<const Bytef *>(bytes.data()), uInt(bytes.size())));
}

QByteArray stringHeader(const QByteArray &name, const QByteArray &value)
{
    return char(name.size()) + name + char(7) + char(value.size() >> 8) + char(value.size() & 0xff) + value;
}

QByteArray eventFrame(const QByteArray &eventType, const QJsonObject &payload)
{
    const QByteArray headers = stringHeader(":event-type", eventType)
        + stringHeader(":content-type", "application/json") + stringHeader(":message-type", "event");
    const QByteArray body = QJsonDocument(payload).toJson(QJsonDocument::Compact);
    QByteArray frame = appendUInt32({}, quint32(16 + headers.size() + body.size()));
    frame = appendUInt32(frame, quint32(headers.size()));
    frame = appendUInt32(frame, crcOf(frame));
    frame += headers + body;
    return appendUInt32(frame, crcOf(frame));
}

// A ConverseStream answer the guardrail blocked on input: its message streamed as text, then
// messageStop guardrail_intervened and the metadata event with the trace.
QByteArray blockedStream(const QJsonValue &trace)
{
    QJsonObject metadata{
        {"usage"_L1, QJsonObject{{"inputTokens"_L1, 7}, {"outputTokens"_L1, 0}, {"totalTokens"_L1, 7}}},
        {"metrics"_L1, QJsonObject{{"latencyMs"_L1, 95}}}};
    if (!trace.isUndefined())
        metadata.insert("trace"_L1, QJsonObject{{"guardrail"_L1, trace}});
    return eventFrame("messageStart", {{"role"_L1, "assistant"_L1}})
        + eventFrame(
               "contentBlockDelta",
               {{"contentBlockIndex"_L1, 0}, {"delta"_L1, QJsonObject{{"text"_L1, "Sorry, the model cannot "_L1}}}})
        + eventFrame("contentBlockDelta",
                     {{"contentBlockIndex"_L1, 0}, {"delta"_L1, QJsonObject{{"text"_L1, "answer this question."_L1}}}})
        + eventFrame("contentBlockStop", {{"contentBlockIndex"_L1, 0}})
        + eventFrame("messageStop", {{"stopReason"_L1, "guardrail_intervened"_L1}}) + eventFrame("metadata", metadata);
}

QJsonObject topicTrace()
{
    return {{"inputAssessment"_L1,
             QJsonObject{{"gr1abc2def3g"_L1,
                          QJsonObject{{"topicPolicy"_L1,
                                       QJsonObject{{"topics"_L1,
                                                    QJsonArray{QJsonObject{{"name"_L1, "Investment advice"_L1},
                                                                           {"type"_L1, "DENY"_L1},
                                                                           {"action"_L1, "BLOCKED"_L1}}}}}},
                                      {"invocationMetrics"_L1,
                                       QJsonObject{{"usage"_L1,
                                                    QJsonObject{{"topicPolicyUnits"_L1, 1},
                                                                {"wordPolicyUnits"_L1, 1},
                                                                {"contentPolicyUnits"_L1, 1},
                                                                {"sensitiveInformationPolicyUnits"_L1, 1}}}}}}}}},
            {"actionReason"_L1, "Guardrail blocked."_L1}};
}

// Every read of the stream, fed in pieces of `chunk` bytes, then finished.
Status feedStream(BedrockProtocol &protocol, const QByteArray &stream, qsizetype chunk, ChatResult &result)
{
    for (qsizetype offset = 0; offset < stream.size(); offset += chunk)
        if (const Status fed
            = protocol.feed(QByteArrayView(stream).sliced(offset, qMin(chunk, stream.size() - offset)), result);
            !fed)
            return fed;
    return protocol.finish(false, result);
}

ChatRequest conversation()
{
    ChatRequest request;
    request.messages = {{u"user"_s, u"What do returns cost?"_s},
                        {u"assistant"_s, u"Returns are free."_s},
                        {u"user"_s, u"Within how many days?"_s}};
    request.guarded = {{u"Unused products may be returned within 30 days."_s, {u"grounding_source"_s}},
                       {u"Within how many days?"_s, {u"query"_s, u"guard_content"_s}}};
    return request;
}

} // namespace

class TestGuardrails : public QObject
{
    Q_OBJECT

private slots:
    void settingParsesIdAndVersion_data();
    void settingParsesIdAndVersion();
    void settingRefusesWhatBedrockRefuses_data();
    void settingRefusesWhatBedrockRefuses();

    void converseTraceReadsEveryPolicy();
    void converseTraceWithOnlyMaskingFiresPii();
    void absentTraceKeepsOnlyWhetherItIntervened();
    void malformedTraceIsAServiceErrorNamingTheField_data();
    void malformedTraceIsAServiceErrorNamingTheField();
    void applyAnswerReadsMaskingAndTheAnswersOwnUnits();
    void malformedApplyAnswerIsAServiceErrorNamingTheField_data();
    void malformedApplyAnswerIsAServiceErrorNamingTheField();
    void verdictSurvivesItsJsonAndMergesTwoChecks();

    void converseBodyCarriesGuardrailConfigAndGuardContentOnTheLastUserMessage();
    void streamProcessingModeOnlyWhenStreaming();
    void withoutGuardrailTheBodyIsUnchanged();
    void streamedMetadataTraceBecomesTheVerdict();
    void streamedVerdictDoesNotDependOnWhereReadsEnd();
    void streamWithoutTraceStillSaysItIntervened();
    void malformedStreamedTraceFailsTheCall();
    void wholeConverseAnswerTraceBecomesTheVerdict();
    void withoutGuardrailATraceIsIgnored();

    void applyEndpointPercentEncodesTheIdentifier();
    void applyBodyCarriesSourceQualifiersAndScope();
    void applyNeedsAGuardrailAndText();
    void applyRequestIsSignedForBedrock();
    void applyAnswerThatIntervenedGivesTheGuardrailsText();
    void applyAnswerWithoutInterventionGivesTheCheckedText();
    void applyAnswerThatIsNotJsonNamesTheOperation();
};

void TestGuardrails::settingParsesIdAndVersion_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("identifier");
    QTest::addColumn<QString>("version");
    QTest::newRow("numbered") << u"gr1abc2def3g:1"_s << u"gr1abc2def3g"_s << u"1"_s;
    QTest::newRow("draft") << u"gr1abc2def3g:DRAFT"_s << u"gr1abc2def3g"_s << u"DRAFT"_s;
    QTest::newRow("largest version") << u"gr1abc2def3g:99999999"_s << u"gr1abc2def3g"_s << u"99999999"_s;
    QTest::newRow("surrounding spaces") << u"  gr1abc2def3g:2 "_s << u"gr1abc2def3g"_s << u"2"_s;
    // An ARN holds colons of its own; the version is after the last one.
    QTest::newRow("ARN") << u"arn:aws:bedrock:us-east-1:123456789012:guardrail/gr1abc2def3g:7"_s
                         << u"arn:aws:bedrock:us-east-1:123456789012:guardrail/gr1abc2def3g"_s << u"7"_s;
}

void TestGuardrails::settingParsesIdAndVersion()
{
    QFETCH(QString, text);
    QFETCH(QString, identifier);
    QFETCH(QString, version);
    const Result<GuardrailSetting> setting = GuardrailSetting::parse(text);
    QVERIFY2(setting, qPrintable(setting ? QString() : setting.error().message));
    QCOMPARE(setting.value().identifier, identifier);
    QCOMPARE(setting.value().version, version);
    QCOMPARE(setting.value().trace, u"enabled"_s);
    QVERIFY(setting.value().isSet());
    QCOMPARE(setting.value().label(), identifier + u':' + version);
    const Result<GuardrailSetting> full = GuardrailSetting::parse(text, u"enabled_full"_s);
    QVERIFY(full);
    QCOMPARE(full.value().trace, u"enabled_full"_s);
}

void TestGuardrails::settingRefusesWhatBedrockRefuses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("trace");
    QTest::addColumn<QString>("named");
    QTest::newRow("no version") << u"gr1abc2def3g"_s << u"enabled"_s << u"gr1abc2def3g"_s;
    QTest::newRow("empty version") << u"gr1abc2def3g:"_s << u"enabled"_s << u"ID:VERSION"_s;
    QTest::newRow("no id") << u":1"_s << u"enabled"_s << u"ID:VERSION"_s;
    QTest::newRow("version 0") << u"gr1abc2def3g:0"_s << u"enabled"_s << u"\"0\""_s;
    QTest::newRow("leading zero") << u"gr1abc2def3g:01"_s << u"enabled"_s << u"\"01\""_s;
    QTest::newRow("nine digits") << u"gr1abc2def3g:123456789"_s << u"enabled"_s << u"\"123456789\""_s;
    QTest::newRow("lower-case draft") << u"gr1abc2def3g:draft"_s << u"enabled"_s << u"\"draft\""_s;
    QTest::newRow("negative") << u"gr1abc2def3g:-1"_s << u"enabled"_s << u"\"-1\""_s;
    QTest::newRow("space in id") << u"gr1 abc:1"_s << u"enabled"_s << u"\"gr1 abc\""_s;
    QTest::newRow("quote in id") << u"gr1\"abc:1"_s << u"enabled"_s << u"gr1\"abc"_s;
    QTest::newRow("bad trace") << u"gr1abc2def3g:1"_s << u"verbose"_s << u"\"verbose\""_s;
    QTest::newRow("upper-case trace") << u"gr1abc2def3g:1"_s << u"ENABLED"_s << u"\"ENABLED\""_s;
}

void TestGuardrails::settingRefusesWhatBedrockRefuses()
{
    QFETCH(QString, text);
    QFETCH(QString, trace);
    QFETCH(QString, named);
    const Result<GuardrailSetting> setting = GuardrailSetting::parse(text, trace);
    QVERIFY(!setting);
    QCOMPARE(setting.error().kind, Error::Kind::Usage);
    QVERIFY2(setting.error().message.contains(named), qPrintable(setting.error().message));
}

void TestGuardrails::converseTraceReadsEveryPolicy()
{
    const Result<GuardrailVerdict> read = GuardrailVerdict::fromConverseTrace(fullTrace(), true);
    QVERIFY2(read, qPrintable(read ? QString() : read.error().message));
    const GuardrailVerdict &verdict = read.value();
    QVERIFY(verdict.intervened);
    QCOMPARE(verdict.actionReason, u"Guardrail blocked."_s);
    QCOMPARE(verdict.modelOutput, QStringList{u"Buy shares of Northwind."_s});
    QCOMPARE(verdict.findings.size(), 8);

    const GuardrailFinding &topic = verdict.findings[0];
    QCOMPARE(topic.policy, u"topic"_s);
    QCOMPARE(topic.stage, u"input"_s);
    QCOMPARE(topic.type, u"Investment advice"_s);
    QCOMPARE(topic.action, u"BLOCKED"_s);
    QVERIFY(topic.detected && topic.fired());

    const GuardrailFinding &content = verdict.findings[1];
    QCOMPARE(content.policy, u"content"_s);
    QCOMPARE(content.type, u"PROMPT_ATTACK"_s);
    QCOMPARE(content.confidence, u"HIGH"_s);
    QCOMPARE(content.strength, u"HIGH"_s);

    const GuardrailFinding &word = verdict.findings[2];
    QCOMPARE(word.policy, u"word"_s);
    QCOMPARE(word.match, u"darn"_s);
    QCOMPARE(word.type, u"darn"_s);
    const GuardrailFinding &managed = verdict.findings[3];
    QCOMPARE(managed.match, u"heck"_s);
    QVERIFY(!managed.fired());
    QVERIFY(!managed.detected); // no "detected" field: an entry is detected when it acted

    const GuardrailFinding &pii = verdict.findings[4];
    QCOMPARE(pii.policy, u"pii"_s);
    QCOMPARE(pii.type, u"EMAIL"_s);
    // The masked data never leaves the answer: a finding names the entity's type, not its text.
    QVERIFY(pii.match.isEmpty());
    QVERIFY(!QJsonDocument(verdict.toJson()).toJson().contains("jane@example.com"));
    QCOMPARE(pii.action, u"ANONYMIZED"_s);
    const GuardrailFinding &regex = verdict.findings[5];
    QCOMPARE(regex.policy, u"pii"_s);
    QCOMPARE(regex.type, u"account"_s);
    QVERIFY(regex.match.isEmpty());
    QVERIFY(!regex.describe().contains(u"ACC-123456"_s));
    QCOMPARE(regex.action, u"BLOCKED"_s);

    const std::optional<GuardrailFinding> grounding = verdict.grounding();
    QVERIFY(grounding);
    QCOMPARE(grounding->stage, u"output"_s);
    QCOMPARE(grounding->score, 0.31);
    QCOMPARE(grounding->threshold, 0.5);
    QVERIFY(grounding->fired());
    const std::optional<GuardrailFinding> relevance = verdict.grounding(u"RELEVANCE"_s);
    QVERIFY(relevance);
    QCOMPARE(relevance->score, 0.92);
    QVERIFY(!relevance->fired());

    QCOMPARE(verdict.firedPolicies(), (QStringList{u"topic"_s, u"content"_s, u"word"_s, u"pii"_s, u"grounding"_s}));
    QCOMPARE(verdict.firedFilterTypes(), QStringList{u"PROMPT_ATTACK"_s});
    QVERIFY(verdict.anonymized());
    // Priced policy units of both assessments: 1+2+1+1+0 on input, 1+1 on output; regexes'
    // sensitiveInformationPolicyFreeUnits are free and not counted.
    QCOMPARE(verdict.units, 7);
    QVERIFY2(grounding->describe().contains(u"0.31"_s) && grounding->describe().contains(u"0.50"_s),
             qPrintable(grounding->describe()));
}

void TestGuardrails::converseTraceWithOnlyMaskingFiresPii()
{
    const QJsonObject trace{
        {"inputAssessment"_L1,
         QJsonObject{{"gr1abc2def3g"_L1,
                      QJsonObject{{"sensitiveInformationPolicy"_L1,
                                   QJsonObject{{"piiEntities"_L1,
                                                QJsonArray{QJsonObject{{"match"_L1, "a@b.example"_L1},
                                                                       {"type"_L1, "EMAIL"_L1},
                                                                       {"action"_L1, "ANONYMIZED"_L1}}}}}}}}}},
        {"outputAssessments"_L1, QJsonObject{{"gr1abc2def3g"_L1, QJsonArray{QJsonObject{}}}}},
        {"actionReason"_L1, "Guardrail masked."_L1}};
    const Result<GuardrailVerdict> verdict = GuardrailVerdict::fromConverseTrace(trace, false);
    QVERIFY(verdict);
    QVERIFY(!verdict.value().intervened); // masking the input alone is not an intervention of the answer
    QCOMPARE(verdict.value().firedPolicies(), QStringList{u"pii"_s});
    QVERIFY(verdict.value().firedFilterTypes().isEmpty());
    QVERIFY(verdict.value().anonymized());
    QVERIFY(!verdict.value().grounding());
    QCOMPARE(verdict.value().units, 0);
}

void TestGuardrails::absentTraceKeepsOnlyWhetherItIntervened()
{
    for (const QJsonValue &absent : {QJsonValue(QJsonValue::Undefined), QJsonValue(QJsonValue::Null)}) {
        const Result<GuardrailVerdict> verdict = GuardrailVerdict::fromConverseTrace(absent, true);
        QVERIFY(verdict);
        QVERIFY(verdict.value().intervened);
        QVERIFY(verdict.value().findings.isEmpty());
        QVERIFY(verdict.value().firedPolicies().isEmpty());
    }
}

void TestGuardrails::malformedTraceIsAServiceErrorNamingTheField_data()
{
    QTest::addColumn<QJsonValue>("trace");
    QTest::addColumn<QString>("field");
    const auto input = [](const QJsonValue &assessment) {
        return QJsonValue(QJsonObject{{"inputAssessment"_L1, QJsonObject{{"gr1abc2def3g"_L1, assessment}}}});
    };
    QTest::newRow("trace a list") << QJsonValue(QJsonArray{1}) << u"trace.guardrail"_s;
    QTest::newRow("trace a string") << QJsonValue(u"blocked"_s) << u"trace.guardrail"_s;
    QTest::newRow("inputAssessment a list")
        << QJsonValue(QJsonObject{{"inputAssessment"_L1, QJsonArray{}}}) << u"trace.guardrail.inputAssessment"_s;
    QTest::newRow("outputAssessments a list")
        << QJsonValue(QJsonObject{{"outputAssessments"_L1, QJsonArray{}}}) << u"trace.guardrail.outputAssessments"_s;
    QTest::newRow("outputAssessments of objects")
        << QJsonValue(QJsonObject{{"outputAssessments"_L1, QJsonObject{{"gr1abc2def3g"_L1, QJsonObject{}}}}})
        << u"trace.guardrail.outputAssessments"_s;
    QTest::newRow("assessment a number") << input(5) << u"an assessment"_s;
    QTest::newRow("topics a string") << input(QJsonObject{{"topicPolicy"_L1, QJsonObject{{"topics"_L1, "x"_L1}}}})
                                     << u"topicPolicy.topics"_s;
    QTest::newRow("filters of numbers") << input(
        QJsonObject{{"contentPolicy"_L1, QJsonObject{{"filters"_L1, QJsonArray{1, 2}}}}})
                                        << u"contentPolicy.filters"_s;
    QTest::newRow("customWords an object")
        << input(QJsonObject{{"wordPolicy"_L1, QJsonObject{{"customWords"_L1, QJsonObject{}}}}})
        << u"wordPolicy.customWords"_s;
    QTest::newRow("piiEntities a number")
        << input(QJsonObject{{"sensitiveInformationPolicy"_L1, QJsonObject{{"piiEntities"_L1, 3}}}})
        << u"sensitiveInformationPolicy.piiEntities"_s;
    QTest::newRow("regexes of strings") << input(
        QJsonObject{{"sensitiveInformationPolicy"_L1, QJsonObject{{"regexes"_L1, QJsonArray{"ACC"_L1}}}}})
                                        << u"sensitiveInformationPolicy.regexes"_s;
    QTest::newRow("grounding filters true")
        << input(QJsonObject{{"contextualGroundingPolicy"_L1, QJsonObject{{"filters"_L1, true}}}})
        << u"contextualGroundingPolicy.filters"_s;
}

void TestGuardrails::malformedTraceIsAServiceErrorNamingTheField()
{
    QFETCH(QJsonValue, trace);
    QFETCH(QString, field);
    const Result<GuardrailVerdict> verdict = GuardrailVerdict::fromConverseTrace(trace, true);
    QVERIFY(!verdict);
    QCOMPARE(verdict.error().kind, Error::Kind::Service);
    QVERIFY2(verdict.error().message.contains(field), qPrintable(verdict.error().message));
}

void TestGuardrails::applyAnswerReadsMaskingAndTheAnswersOwnUnits()
{
    const Result<GuardrailVerdict> read = GuardrailVerdict::fromApplyAnswer(maskedApplyAnswer(), u"input"_s);
    QVERIFY2(read, qPrintable(read ? QString() : read.error().message));
    const GuardrailVerdict &verdict = read.value();
    QVERIFY(verdict.intervened);
    QCOMPARE(verdict.actionReason, u"Guardrail masked."_s);
    QCOMPARE(verdict.outputs, QStringList{u"My email is {EMAIL}"_s});
    QCOMPARE(verdict.findings.size(), 1);
    QCOMPARE(verdict.findings[0].stage, u"input"_s);
    QCOMPARE(verdict.findings[0].type, u"EMAIL"_s);
    QVERIFY(verdict.findings[0].detected);
    QCOMPARE(verdict.firedPolicies(), QStringList{u"pii"_s});
    // The answer's usage counts once, not again for the assessment that repeats it.
    QCOMPARE(verdict.units, 4);

    const QJsonObject none{{"action"_L1, "NONE"_L1},
                           {"actionReason"_L1, "No action."_L1},
                           {"outputs"_L1, QJsonArray{}},
                           {"assessments"_L1, QJsonArray{QJsonObject{}}}};
    const Result<GuardrailVerdict> clean = GuardrailVerdict::fromApplyAnswer(none, u"output"_s);
    QVERIFY(clean);
    QVERIFY(!clean.value().intervened);
    QVERIFY(clean.value().findings.isEmpty());
    QVERIFY(clean.value().outputs.isEmpty());
}

void TestGuardrails::malformedApplyAnswerIsAServiceErrorNamingTheField_data()
{
    QTest::addColumn<QJsonObject>("answer");
    QTest::addColumn<QString>("named");
    QJsonObject answer = maskedApplyAnswer();
    answer.insert("action"_L1, "MAYBE"_L1);
    QTest::newRow("unknown action") << answer << u"\"MAYBE\""_s;
    answer = maskedApplyAnswer();
    answer.remove("action"_L1);
    QTest::newRow("no action") << answer << u"GUARDRAIL_INTERVENED"_s;
    answer = maskedApplyAnswer();
    answer.insert("outputs"_L1, "My email is {EMAIL}"_L1);
    QTest::newRow("outputs a string") << answer << u"outputs"_s;
    answer = maskedApplyAnswer();
    answer.insert("assessments"_L1, QJsonObject{});
    QTest::newRow("assessments an object") << answer << u"assessments"_s;
    answer = maskedApplyAnswer();
    answer.insert("assessments"_L1,
                  QJsonArray{QJsonObject{{"topicPolicy"_L1, QJsonObject{{"topics"_L1, QJsonObject{}}}}}});
    QTest::newRow("topics an object") << answer << u"topicPolicy.topics"_s;
}

void TestGuardrails::malformedApplyAnswerIsAServiceErrorNamingTheField()
{
    QFETCH(QJsonObject, answer);
    QFETCH(QString, named);
    const Result<GuardrailVerdict> verdict = GuardrailVerdict::fromApplyAnswer(answer, u"input"_s);
    QVERIFY(!verdict);
    QCOMPARE(verdict.error().kind, Error::Kind::Service);
    QVERIFY2(verdict.error().message.contains(named), qPrintable(verdict.error().message));
}

void TestGuardrails::verdictSurvivesItsJsonAndMergesTwoChecks()
{
    const GuardrailVerdict original = GuardrailVerdict::fromConverseTrace(fullTrace(), true).value();
    const GuardrailVerdict copy = GuardrailVerdict::fromJson(original.toJson());
    QCOMPARE(copy.toJson(), original.toJson());
    QCOMPARE(copy.grounding()->score, 0.31);
    QCOMPARE(copy.findings[1].confidence, u"HIGH"_s);

    GuardrailVerdict input = GuardrailVerdict::fromApplyAnswer(maskedApplyAnswer(), u"input"_s).value();
    const QJsonObject clean{{"action"_L1, "NONE"_L1}, {"usage"_L1, QJsonObject{{"topicPolicyUnits"_L1, 3}}}};
    const GuardrailVerdict output = GuardrailVerdict::fromApplyAnswer(clean, u"output"_s).value();
    input.merge(output);
    QVERIFY(input.intervened);
    QCOMPARE(input.units, 7);
    QCOMPARE(input.actionReason, u"Guardrail masked."_s);
    QCOMPARE(input.firedPolicies(), QStringList{u"pii"_s});
}

void TestGuardrails::converseBodyCarriesGuardrailConfigAndGuardContentOnTheLastUserMessage()
{
    ChatRequest request = conversation();
    request.stream = false;
    const QJsonObject body = parse(BedrockProtocol(bedrockConfig(u"gr1abc2def3g:1"_s), request).requestBody());
    const QJsonObject config = body.value("guardrailConfig"_L1).toObject();
    QCOMPARE(config.value("guardrailIdentifier"_L1).toString(), u"gr1abc2def3g"_s);
    QCOMPARE(config.value("guardrailVersion"_L1).toString(), u"1"_s);
    QCOMPARE(config.value("trace"_L1).toString(), u"enabled"_s);

    const QJsonArray messages = body.value("messages"_L1).toArray();
    QCOMPARE(messages.size(), 3);
    for (int i : {0, 1}) {
        const QJsonArray content = messages[i].toObject().value("content"_L1).toArray();
        QCOMPARE(content.size(), 1);
        QVERIFY(content[0].toObject().contains("text"_L1));
    }
    const QJsonArray last = messages[2].toObject().value("content"_L1).toArray();
    QCOMPARE(last.size(), 3);
    QCOMPARE(last[0].toObject().value("text"_L1).toString(), u"Within how many days?"_s);
    const QJsonObject source = last[1].toObject().value("guardContent"_L1).toObject().value("text"_L1).toObject();
    QCOMPARE(source.value("text"_L1).toString(), u"Unused products may be returned within 30 days."_s);
    QCOMPARE(source.value("qualifiers"_L1).toArray(), QJsonArray{"grounding_source"_L1});
    const QJsonObject query = last[2].toObject().value("guardContent"_L1).toObject().value("text"_L1).toObject();
    QCOMPARE(query.value("qualifiers"_L1).toArray(), (QJsonArray{"query"_L1, "guard_content"_L1}));

    // An ARN and another trace level go through as they are.
    ProviderConfig arn = bedrockConfig();
    arn.guardrail = GuardrailSetting::parse(u"arn:aws:bedrock:us-east-1:123456789012:guardrail/gr1abc2def3g:DRAFT"_s,
                                            u"enabled_full"_s)
                        .value();
    const QJsonObject full = parse(BedrockProtocol(arn, request).requestBody()).value("guardrailConfig"_L1).toObject();
    QCOMPARE(full.value("guardrailIdentifier"_L1).toString(),
             u"arn:aws:bedrock:us-east-1:123456789012:guardrail/gr1abc2def3g"_s);
    QCOMPARE(full.value("guardrailVersion"_L1).toString(), u"DRAFT"_s);
    QCOMPARE(full.value("trace"_L1).toString(), u"enabled_full"_s);
}

void TestGuardrails::streamProcessingModeOnlyWhenStreaming()
{
    ChatRequest request = conversation();
    request.stream = true;
    const BedrockProtocol streaming(bedrockConfig(u"gr1abc2def3g:1"_s), request);
    QCOMPARE(parse(streaming.requestBody())
                 .value("guardrailConfig"_L1)
                 .toObject()
                 .value("streamProcessingMode"_L1)
                 .toString(),
             u"sync"_s);
    QVERIFY(streaming.endpoint().path().endsWith("/converse-stream"_L1));
    request.stream = false;
    const QJsonObject whole = parse(BedrockProtocol(bedrockConfig(u"gr1abc2def3g:1"_s), request).requestBody())
                                  .value("guardrailConfig"_L1)
                                  .toObject();
    QVERIFY(!whole.isEmpty());
    QVERIFY(!whole.contains("streamProcessingMode"_L1));
}

void TestGuardrails::withoutGuardrailTheBodyIsUnchanged()
{
    for (bool stream : {false, true}) {
        ChatRequest guarded = conversation();
        guarded.stream = stream;
        ChatRequest plain = guarded;
        plain.guarded.clear();
        const QByteArray withBlocks = BedrockProtocol(bedrockConfig(), guarded).requestBody();
        QCOMPARE(withBlocks, BedrockProtocol(bedrockConfig(), plain).requestBody());
        QVERIFY(!withBlocks.contains("guardrailConfig"));
        QVERIFY(!withBlocks.contains("guardContent"));
    }
}

void TestGuardrails::streamedMetadataTraceBecomesTheVerdict()
{
    ChatRequest request = ChatRequest::fromPrompt(u"Should I invest in index funds?"_s);
    request.stream = true;
    BedrockProtocol protocol(bedrockConfig(u"gr1abc2def3g:1"_s), request);
    ChatResult result;
    const Status done = feedStream(protocol, blockedStream(topicTrace()), 1 << 20, result);
    QVERIFY2(done, qPrintable(done ? QString() : done.error().message));
    QCOMPARE(result.text, u"Sorry, the model cannot answer this question."_s);
    QCOMPARE(result.stopReason, u"guardrail_intervened"_s);
    QCOMPARE(result.inputTokens, 7);
    QCOMPARE(result.outputTokens, 0);
    QVERIFY(result.guardrail);
    QVERIFY(result.guardrail->intervened);
    QCOMPARE(result.guardrail->actionReason, u"Guardrail blocked."_s);
    QCOMPARE(result.guardrail->findings.size(), 1);
    QCOMPARE(result.guardrail->findings[0].type, u"Investment advice"_s);
    QCOMPARE(result.guardrail->findings[0].stage, u"input"_s);
    QCOMPARE(result.guardrail->firedPolicies(), QStringList{u"topic"_s});
    QCOMPARE(result.guardrail->units, 4);
}

void TestGuardrails::streamedVerdictDoesNotDependOnWhereReadsEnd()
{
    const QByteArray stream = blockedStream(fullTrace());
    ChatRequest request = ChatRequest::fromPrompt(u"Should I invest?"_s);
    request.stream = true;
    QJsonObject expected;
    for (qsizetype chunk : {qsizetype(1), qsizetype(7), qsizetype(64), stream.size()}) {
        BedrockProtocol protocol(bedrockConfig(u"gr1abc2def3g:1"_s), request);
        ChatResult result;
        QVERIFY(feedStream(protocol, stream, chunk, result));
        QVERIFY(result.guardrail);
        QCOMPARE(result.guardrail->findings.size(), 8);
        if (expected.isEmpty())
            expected = result.guardrail->toJson();
        QCOMPARE(result.guardrail->toJson(), expected);
    }
}

void TestGuardrails::streamWithoutTraceStillSaysItIntervened()
{
    ChatRequest request = ChatRequest::fromPrompt(u"Should I invest?"_s);
    request.stream = true;
    BedrockProtocol protocol(bedrockConfig(u"gr1abc2def3g:1"_s), request);
    ChatResult result;
    QVERIFY(feedStream(protocol, blockedStream(QJsonValue(QJsonValue::Undefined)), 1 << 20, result));
    QVERIFY(result.guardrail);
    QVERIFY(result.guardrail->intervened);
    QVERIFY(result.guardrail->findings.isEmpty());
}

void TestGuardrails::malformedStreamedTraceFailsTheCall()
{
    ChatRequest request = ChatRequest::fromPrompt(u"Should I invest?"_s);
    request.stream = true;
    BedrockProtocol protocol(bedrockConfig(u"gr1abc2def3g:1"_s), request);
    ChatResult result;
    const Status done
        = feedStream(protocol, blockedStream(QJsonObject{{"inputAssessment"_L1, QJsonArray{1}}}), 1 << 20, result);
    QVERIFY(!done);
    QCOMPARE(done.error().kind, Error::Kind::Service);
    QVERIFY2(done.error().message.contains(u"trace.guardrail.inputAssessment"_s), qPrintable(done.error().message));
}

void TestGuardrails::wholeConverseAnswerTraceBecomesTheVerdict()
{
    ChatRequest request = ChatRequest::fromPrompt(u"What does the Drill X200 weigh?"_s);
    request.stream = false;
    BedrockProtocol protocol(bedrockConfig(u"gr1abc2def3g:1"_s), request);
    const QJsonObject answer{
        {"output"_L1,
         QJsonObject{{"message"_L1,
                      QJsonObject{{"role"_L1, "assistant"_L1},
                                  {"content"_L1, QJsonArray{QJsonObject{{"text"_L1, "Blocked."_L1}}}}}}}},
        {"stopReason"_L1, "guardrail_intervened"_L1},
        {"usage"_L1, QJsonObject{{"inputTokens"_L1, 9}, {"outputTokens"_L1, 12}, {"totalTokens"_L1, 21}}},
        {"metrics"_L1, QJsonObject{{"latencyMs"_L1, 300}}},
        {"trace"_L1, QJsonObject{{"guardrail"_L1, fullTrace()}}}};
    ChatResult result;
    QVERIFY(protocol.feed(QJsonDocument(answer).toJson(QJsonDocument::Compact), result));
    const Status done = protocol.finish(false, result);
    QVERIFY2(done, qPrintable(done ? QString() : done.error().message));
    QCOMPARE(result.text, u"Blocked."_s);
    QVERIFY(result.guardrail);
    QVERIFY(result.guardrail->intervened);
    QCOMPARE(result.guardrail->modelOutput, QStringList{u"Buy shares of Northwind."_s});
    QCOMPARE(result.guardrail->findings.size(), 8);
    QCOMPARE(result.guardrail->units, 7);
}

void TestGuardrails::withoutGuardrailATraceIsIgnored()
{
    ChatRequest request = ChatRequest::fromPrompt(u"Should I invest?"_s);
    request.stream = true;
    BedrockProtocol protocol(bedrockConfig(), request);
    ChatResult result;
    // Even a malformed trace: a call that went through no guardrail has nothing to read in it.
    QVERIFY(feedStream(protocol, blockedStream(QJsonValue(u"garbage"_s)), 1 << 20, result));
    QVERIFY(!result.guardrail);
    QCOMPARE(result.stopReason, u"guardrail_intervened"_s);
}

void TestGuardrails::applyEndpointPercentEncodesTheIdentifier()
{
    ProviderConfig config = bedrockConfig(u"arn:aws:bedrock:us-east-1:123456789012:guardrail/gr1abc2def3g:1"_s);
    const GuardrailCheck check{GuardrailCheck::Source::Input, {{u"Hello"_s, {}}}, false};
    QCOMPARE(GuardrailProtocol(config, check).endpoint().toEncoded(),
             "https://bedrock-runtime.us-east-1.amazonaws.com/guardrail/"
             "arn%3Aaws%3Abedrock%3Aus-east-1%3A123456789012%3Aguardrail%2Fgr1abc2def3g/version/1/apply"_ba);
    config = bedrockConfig(u"gr1abc2def3g:DRAFT"_s);
    config.endpointUrl = QUrl(u"http://127.0.0.1:8080/proxy/"_s);
    QCOMPARE(GuardrailProtocol(config, check).endpoint().toEncoded(),
             "http://127.0.0.1:8080/proxy/guardrail/gr1abc2def3g/version/DRAFT/apply"_ba);
}

void TestGuardrails::applyBodyCarriesSourceQualifiersAndScope()
{
    const GuardrailCheck output{GuardrailCheck::Source::Output,
                                {{u"Returns are free for 30 days."_s, {u"grounding_source"_s}},
                                 {u"How long are returns free?"_s, {u"query"_s}},
                                 {u"Returns are free for 30 days."_s, {u"guard_content"_s}}},
                                true};
    const QJsonObject body = parse(GuardrailProtocol(bedrockConfig(u"gr1abc2def3g:1"_s), output).requestBody());
    QCOMPARE(body.value("source"_L1).toString(), u"OUTPUT"_s);
    QCOMPARE(body.value("outputScope"_L1).toString(), u"FULL"_s);
    const QJsonArray content = body.value("content"_L1).toArray();
    QCOMPARE(content.size(), 3);
    QCOMPARE(content[0].toObject().value("text"_L1).toObject().value("qualifiers"_L1).toArray(),
             QJsonArray{"grounding_source"_L1});
    QCOMPARE(content[1].toObject().value("text"_L1).toObject().value("text"_L1).toString(),
             u"How long are returns free?"_s);
    QCOMPARE(content[2].toObject().value("text"_L1).toObject().value("qualifiers"_L1).toArray(),
             QJsonArray{"guard_content"_L1});

    const GuardrailCheck input{GuardrailCheck::Source::Input, {{u"My email is jane@example.com"_s, {}}}, false};
    const QJsonObject plain = parse(GuardrailProtocol(bedrockConfig(u"gr1abc2def3g:1"_s), input).requestBody());
    QCOMPARE(plain.value("source"_L1).toString(), u"INPUT"_s);
    QCOMPARE(plain.value("outputScope"_L1).toString(), u"INTERVENTIONS"_s);
    const QJsonObject block = plain.value("content"_L1).toArray().first().toObject().value("text"_L1).toObject();
    QCOMPARE(block.value("text"_L1).toString(), u"My email is jane@example.com"_s);
    QVERIFY(!block.contains("qualifiers"_L1)); // Bedrock takes an unqualified block as guard content
}

void TestGuardrails::applyNeedsAGuardrailAndText()
{
    const QDateTime when(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC);
    const GuardrailCheck check{GuardrailCheck::Source::Input, {{u"Hello"_s, {}}}, false};
    const Result<ChatProtocol::Outgoing> noGuardrail = GuardrailProtocol(bedrockConfig(), check).prepareAt(when);
    QVERIFY(!noGuardrail);
    QCOMPARE(noGuardrail.error().kind, Error::Kind::Usage);
    QVERIFY2(noGuardrail.error().message.contains(u"--guardrail"_s), qPrintable(noGuardrail.error().message));
    const Result<ChatProtocol::Outgoing> noText
        = GuardrailProtocol(bedrockConfig(u"gr1abc2def3g:1"_s), GuardrailCheck{}).prepareAt(when);
    QVERIFY(!noText);
    QCOMPARE(noText.error().kind, Error::Kind::Usage);
    ProviderConfig keyless = bedrockConfig(u"gr1abc2def3g:1"_s);
    keyless.aws = {};
    const Result<ChatProtocol::Outgoing> noKeys = GuardrailProtocol(keyless, check).prepareAt(when);
    QVERIFY(!noKeys);
    QCOMPARE(noKeys.error().kind, Error::Kind::Auth);
}

void TestGuardrails::applyRequestIsSignedForBedrock()
{
    const QDateTime when(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC);
    const GuardrailCheck check{GuardrailCheck::Source::Input, {{u"Hello"_s, {}}}, false};
    const GuardrailProtocol protocol(bedrockConfig(u"gr1abc2def3g:1"_s), check);
    const Result<ChatProtocol::Outgoing> outgoing = protocol.prepareAt(when);
    QVERIFY2(outgoing, qPrintable(outgoing ? QString() : outgoing.error().message));
    QCOMPARE(outgoing.value().body, protocol.requestBody());
    QCOMPARE(outgoing.value().request.url(), protocol.endpoint());
    const QByteArray authorization = outgoing.value().request.rawHeader("Authorization");
    QVERIFY2(
        authorization.startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240501/us-east-1/bedrock/aws4_request"),
        authorization.constData());
    QCOMPARE(outgoing.value().request.rawHeader("X-Amz-Date"), "20240501T120000Z"_ba);
}

void TestGuardrails::applyAnswerThatIntervenedGivesTheGuardrailsText()
{
    const GuardrailCheck check{GuardrailCheck::Source::Input, {{u"My email is jane@example.com"_s, {}}}, false};
    const GuardrailProtocol protocol(bedrockConfig(u"gr1abc2def3g:1"_s), check);
    ChatResult result;
    const Status done = protocol.takeAnswer(QJsonDocument(maskedApplyAnswer()).toJson(), result);
    QVERIFY2(done, qPrintable(done ? QString() : done.error().message));
    QCOMPARE(result.text, u"My email is {EMAIL}"_s);
    QCOMPARE(result.stopReason, u"guardrail_intervened"_s);
    QCOMPARE(result.provider, u"bedrock"_s);
    QCOMPARE(result.model, u"gr1abc2def3g:1"_s);
    QVERIFY(result.guardrail);
    QCOMPARE(result.guardrail->findings.size(), 1);
    QCOMPARE(result.guardrail->findings[0].stage, u"input"_s);
    QCOMPARE(result.inputTokens, 0);
    QCOMPARE(result.outputTokens, 0);
}

void TestGuardrails::applyAnswerWithoutInterventionGivesTheCheckedText()
{
    const GuardrailCheck check{GuardrailCheck::Source::Output,
                               {{u"Returns are free for 30 days."_s, {u"grounding_source"_s}},
                                {u"How long?"_s, {u"query"_s}},
                                {u"Thirty days."_s, {u"guard_content"_s}}},
                               false};
    const GuardrailProtocol protocol(bedrockConfig(u"gr1abc2def3g:1"_s), check);
    const QJsonObject answer{
        {"action"_L1, "NONE"_L1},
        {"actionReason"_L1, "No action."_L1},
        {"outputs"_L1, QJsonArray{}},
        {"assessments"_L1,
         QJsonArray{QJsonObject{{"contextualGroundingPolicy"_L1,
                                 QJsonObject{{"filters"_L1,
                                              QJsonArray{QJsonObject{{"type"_L1, "GROUNDING"_L1},
                                                                     {"threshold"_L1, 0.5},
                                                                     {"score"_L1, 0.75},
                                                                     {"action"_L1, "NONE"_L1}}}}}}}}}};
    ChatResult result;
    QVERIFY(protocol.takeAnswer(QJsonDocument(answer).toJson(), result));
    QCOMPARE(result.text, u"Thirty days."_s); // the answer itself, not its sources or query
    QCOMPARE(result.stopReason, u"none"_s);
    QVERIFY(result.guardrail);
    QVERIFY(!result.guardrail->intervened);
    QCOMPARE(result.guardrail->grounding()->score, 0.75);
    QCOMPARE(result.guardrail->grounding()->stage, u"output"_s);
}

void TestGuardrails::applyAnswerThatIsNotJsonNamesTheOperation()
{
    const GuardrailCheck check{GuardrailCheck::Source::Input, {{u"Hello"_s, {}}}, false};
    const GuardrailProtocol protocol(bedrockConfig(u"gr1abc2def3g:1"_s), check);
    for (const QByteArray &body : {"<html>502</html>"_ba, "[1, 2]"_ba, "{\"action\": "_ba, QByteArray()}) {
        ChatResult result;
        const Status done = protocol.takeAnswer(body, result);
        QVERIFY(!done);
        QCOMPARE(done.error().kind, Error::Kind::Service);
        QVERIFY2(done.error().message.contains(u"ApplyGuardrail"_s), qPrintable(done.error().message));
    }
}

QTEST_GUILESS_MAIN(TestGuardrails)
#include "tst_guardrails.moc"
