#include "common/engineundertest.h"
#include "core/playground/runhistory.h"
#include "core/storage/workspace.h"
#include "core/workspaceschema.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

namespace {

PlaygroundRun sampleRun()
{
    PlaygroundRun run;
    run.title = QStringLiteral("Haiku vs Sonnet");
    run.promptName = QStringLiteral("support-answer");
    run.promptVersion = 3;
    run.variables = {{QStringLiteral("question"), QStringLiteral("How do I reset my password?")}};
    run.renderedPrompt = QStringLiteral("Answer: How do I reset my password?");
    run.system = QStringLiteral("You are a support agent.");
    run.parameters.maxTokens = 300;
    run.parameters.temperature = 0.5;
    run.parameters.stopSequences = {QStringLiteral("\n\nHuman:")};

    PlaygroundResponse good;
    good.slot = 0;
    good.profile = QStringLiteral("bedrock-dev");
    good.provider = QStringLiteral("bedrock");
    good.model = QStringLiteral("anthropic.claude-3-haiku-20240307-v1:0");
    good.text = QStringLiteral("Open Settings | Security, then ```reset```.");
    good.metrics.inputTokens = 120;
    good.metrics.outputTokens = 45;
    good.metrics.ttftMs = 300;
    good.metrics.latencyMs = 1200;
    good.metrics.serviceLatencyMs = 1100;
    good.metrics.stopReason = QStringLiteral("end_turn");
    good.metrics.attempts = 2;
    good.costUsd = 0.00008625;

    PlaygroundResponse failed;
    failed.slot = 1;
    failed.profile = QStringLiteral("local");
    failed.provider = QStringLiteral("openai");
    failed.model = QStringLiteral("llama3:8b");
    failed.error = QStringLiteral("connection refused");

    run.responses = {good, failed};
    return run;
}

} // namespace

class TestRunHistory : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_directory;
    std::unique_ptr<Workspace> m_workspace;

private slots:
    void init()
    {
        m_directory = std::make_unique<QTemporaryDir>();
        QVERIFY(m_directory->isValid());
        auto workspace
            = Workspace::open(EngineUnderTest::location(m_directory->filePath(QStringLiteral("ws.genaiops"))),
                              Workspace::OpenMode::CreateIfMissing, WorkspaceSchema::modules());
        QVERIFY2(workspace, qPrintable(workspace ? QString() : workspace.error().describe()));
        m_workspace = std::move(workspace).value();
    }

    void cleanup() { m_workspace.reset(); }

    void runWithAFailedResponseRoundTrips()
    {
        RunHistory history(*m_workspace);
        auto id = history.save(sampleRun());
        QVERIFY2(id, qPrintable(id ? QString() : id.error().describe()));
        QVERIFY(id.value() > 0);

        auto loaded = history.load(id.value());
        QVERIFY(loaded);
        const PlaygroundRun &run = loaded.value();
        const PlaygroundRun expected = sampleRun();
        QCOMPARE(run.id, id.value());
        QVERIFY(QDateTime::fromString(run.createdAt, Qt::ISODate).isValid());
        QCOMPARE(run.title, expected.title);
        QCOMPARE(run.promptName, expected.promptName);
        QCOMPARE(run.promptVersion, 3);
        QCOMPARE(run.variables, expected.variables);
        QCOMPARE(run.renderedPrompt, expected.renderedPrompt);
        QCOMPARE(run.system, expected.system);
        QCOMPARE(run.parameters.maxTokens, 300);
        QCOMPARE(run.parameters.temperature, std::optional<double>(0.5));
        QCOMPARE(run.parameters.stopSequences, expected.parameters.stopSequences);
        QCOMPARE(run.responses.size(), 2);

        const PlaygroundResponse &good = run.responses.at(0);
        QCOMPARE(good.model, expected.responses.at(0).model);
        QCOMPARE(good.text, expected.responses.at(0).text);
        QCOMPARE(good.metrics.text, good.text);
        QCOMPARE(good.metrics.inputTokens, 120);
        QCOMPARE(good.metrics.outputTokens, 45);
        QCOMPARE(good.metrics.ttftMs, 300);
        QCOMPARE(good.metrics.latencyMs, 1200);
        QCOMPARE(good.metrics.serviceLatencyMs, 1100);
        QCOMPARE(good.metrics.attempts, 2);
        QCOMPARE(good.metrics.stopReason, QStringLiteral("end_turn"));
        QCOMPARE(good.costUsd, std::optional<double>(0.00008625));
        QVERIFY(good.error.isEmpty());

        const PlaygroundResponse &failed = run.responses.at(1);
        QCOMPARE(failed.slot, 1);
        QCOMPARE(failed.profile, QStringLiteral("local"));
        QCOMPARE(failed.error, QStringLiteral("connection refused"));
        QVERIFY(failed.text.isEmpty());
        QCOMPARE(failed.metrics.inputTokens, -1);
        QCOMPARE(failed.metrics.ttftMs, -1);
        QVERIFY(!failed.costUsd.has_value());
    }

    void aStartingRunNamesWhatItSendsAndToWhom()
    {
        ChatRequest request = ChatRequest::fromPrompt(QStringLiteral("Summarise   the ticket\nin one line, "
                                                                     "please, for the support team's weekly digest"),
                                                      QStringLiteral("Be brief."));
        request.parameters.maxTokens = 64;
        ProviderConfig openai;
        openai.model = QStringLiteral("gpt-4o-mini");
        ProviderConfig bedrock;
        bedrock.kind = ProviderConfig::Kind::Bedrock;
        bedrock.model = QStringLiteral("anthropic.claude-3-haiku");
        const PlaygroundRun run = PlaygroundRun::starting(
            request, {openai, bedrock}, {QStringLiteral("local"), QStringLiteral("aws-dev")},
            {{QStringLiteral("ticket"), QStringLiteral("T-1")}}, QStringLiteral("summary"), 3);
        QCOMPARE(run.title, QStringLiteral("Summarise the ticket in one line, please, for the support te"));
        QCOMPARE(run.title.size(), 60);
        QCOMPARE(run.renderedPrompt, request.messages.first().text);
        QCOMPARE(run.system, QStringLiteral("Be brief."));
        QCOMPARE(run.parameters.maxTokens, 64);
        QCOMPARE(run.promptName, QStringLiteral("summary"));
        QCOMPARE(run.promptVersion, 3);
        QCOMPARE(run.variables.value(QStringLiteral("ticket")).toString(), QStringLiteral("T-1"));
        QCOMPARE(run.responses.size(), 2);
        QCOMPARE(run.responses[1].slot, 1);
        QCOMPARE(run.responses[1].profile, QStringLiteral("aws-dev"));
        QCOMPARE(run.responses[1].provider, QStringLiteral("bedrock"));
        QCOMPARE(run.responses[1].model, QStringLiteral("anthropic.claude-3-haiku"));
        QVERIFY(run.responses[0].text.isEmpty() && run.responses[0].error.isEmpty());
    }

    void writesTheRunAsJsonOrMarkdown()
    {
        QTemporaryDir directory;
        const QString json = directory.filePath(QStringLiteral("run.json"));
        const QString markdown = directory.filePath(QStringLiteral("run.md"));
        QVERIFY(RunHistory::writeFile(sampleRun(), json));
        QVERIFY(RunHistory::writeFile(sampleRun(), markdown));
        QFile jsonFile(json);
        QVERIFY(jsonFile.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(jsonFile.readAll()).object(), RunHistory::toJson(sampleRun()));
        QFile markdownFile(markdown);
        QVERIFY(markdownFile.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(markdownFile.readAll()), RunHistory::toMarkdown(sampleRun()));
        const Status refused
            = RunHistory::writeFile(sampleRun(), directory.filePath(QStringLiteral("no/such/dir/run.md")));
        QVERIFY(!refused);
        QVERIFY(refused.error().where.endsWith(QLatin1String("run.md")));
    }

    void recentIsNewestFirstWithoutTexts()
    {
        RunHistory history(*m_workspace);
        QList<qint64> ids;
        for (int i = 0; i < 3; ++i) {
            PlaygroundRun run = sampleRun();
            run.title = QStringLiteral("run %1").arg(i);
            ids << history.save(run).value();
        }
        auto recent = history.recent(2);
        QVERIFY(recent);
        QCOMPARE(recent.value().size(), 2);
        QCOMPARE(recent.value().at(0).id, ids.at(2));
        QCOMPARE(recent.value().at(1).title, QStringLiteral("run 1"));
        const PlaygroundResponse &response = recent.value().at(0).responses.at(0);
        QCOMPARE(response.model, QStringLiteral("anthropic.claude-3-haiku-20240307-v1:0"));
        QCOMPARE(response.metrics.outputTokens, 45);
        QVERIFY(response.text.isEmpty());
        QCOMPARE(recent.value().at(0).responses.at(1).error, QStringLiteral("connection refused"));
        QCOMPARE(history.recent().value().size(), 3);
    }

    void removeDeletesTheRunAndItsResponses()
    {
        RunHistory history(*m_workspace);
        const qint64 kept = history.save(sampleRun()).value();
        const qint64 removed = history.save(sampleRun()).value();
        QVERIFY(history.remove(removed));
        QCOMPARE(history.load(removed).error().kind, Error::Kind::Input);
        QCOMPARE(history.remove(removed).error().kind, Error::Kind::Input);
        auto orphans
            = m_workspace->execute(QStringLiteral("SELECT COUNT(*) FROM playground_responses WHERE run_id = :id"),
                                   {{QStringLiteral("id"), removed}});
        QVERIFY(orphans && orphans.value().next());
        QCOMPARE(orphans.value().value(0).toInt(), 0);
        QCOMPARE(history.load(kept).value().responses.size(), 2);
    }

    void refusesTwoResponsesInOneSlot()
    {
        RunHistory history(*m_workspace);
        PlaygroundRun run = sampleRun();
        run.responses[1].slot = 0;
        QVERIFY(!history.save(run));
        QVERIFY(history.recent().value().isEmpty());
    }

    void jsonCarriesMetricsAndErrors()
    {
        PlaygroundRun run = sampleRun();
        run.id = 7;
        const QJsonObject json = RunHistory::toJson(run);
        QCOMPARE(json.value(QStringLiteral("id")).toInteger(), 7);
        QCOMPARE(json.value(QStringLiteral("parameters")).toObject().value(QStringLiteral("temperature")).toDouble(),
                 0.5);
        const QJsonArray responses = json.value(QStringLiteral("responses")).toArray();
        QCOMPARE(responses.size(), 2);
        QCOMPARE(responses.at(0).toObject().value(QStringLiteral("outputTokens")).toInteger(), 45);
        QCOMPARE(responses.at(0).toObject().value(QStringLiteral("tokensPerSecond")).toDouble(), 50.0);
        QVERIFY(responses.at(1).toObject().value(QStringLiteral("costUsd")).isNull());
        QCOMPARE(responses.at(1).toObject().value(QStringLiteral("error")).toString(),
                 QStringLiteral("connection refused"));
    }

    void markdownHasTheMetricsTable()
    {
        PlaygroundRun run = sampleRun();
        run.id = 7;
        run.createdAt = QStringLiteral("2024-05-01T10:00:00Z");
        const QString markdown = RunHistory::toMarkdown(run);
        QVERIFY(markdown.startsWith(QStringLiteral("# Haiku vs Sonnet\n")));
        QVERIFY(markdown.contains(QStringLiteral("support-answer, version 3")));
        QVERIFY(markdown.contains(QStringLiteral("- Temperature: 0.5")));
        QVERIFY(markdown.contains(QStringLiteral("- Top-p: model default")));
        QVERIFY(markdown.contains(QStringLiteral("You are a support agent.")));
        QVERIFY(markdown.contains(QStringLiteral("| Model # | Model | Provider | Tokens in | Tokens out | TTFT (ms) | "
                                                 "Latency (ms) | Tokens/s | Cost (USD) | Stop reason | Status |\n"
                                                 "|---|---|---|---|---|---|---|---|---|---|---|\n")));
        QVERIFY2(markdown.contains(QStringLiteral("| 1 | anthropic.claude-3-haiku-20240307-v1:0 | bedrock | 120 | 45 | "
                                                  "300 | 1200 | 50.0 | 0.000086 | end_turn | ok |\n")),
                 qPrintable(markdown));
        QVERIFY(markdown.contains(QStringLiteral("| 2 | llama3:8b | openai | – | – | – | – | – | – | – | failed |\n")));
        QVERIFY(markdown.contains(QStringLiteral("**Error:** connection refused")));
        // The response quotes a triple backtick, so its fence is longer and it stays one block.
        QVERIFY(markdown.contains(QStringLiteral("````\nOpen Settings | Security, then ```reset```.\n````\n")));
    }
};

QTEST_GUILESS_MAIN(TestRunHistory)
#include "tst_runhistory.moc"
