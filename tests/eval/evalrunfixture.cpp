#include "evalrunfixture.h"

#include "common/engineundertest.h"
#include "core/eval/datasetimporter.h"
#include "core/eval/evalrunner.h"
#include "core/eval/evalrunrepository.h"
#include "core/eval/runsetup.h"
#include "core/providers/pricetable.h"
#include "core/storage/workspace.h"
#include "core/workspaceschema.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>

using namespace Qt::StringLiterals;

EvalRunFixture::EvalRunFixture() = default;
EvalRunFixture::~EvalRunFixture() = default;

bool EvalRunFixture::startServer(QString &error)
{
    m_server = std::make_unique<TestServer>(u"openai_server.py"_s, QStringList{u"--any-model"_s});
    if (!m_server->start()) {
        error = m_server->errorString();
        return false;
    }
    return true;
}

bool EvalRunFixture::prepare(QString &error, const QString &parent)
{
    m_workspace.reset();
    m_directory = parent.isEmpty() ? std::make_unique<QTemporaryDir>()
                                   : std::make_unique<QTemporaryDir>(parent + u"/workspace-XXXXXX"_s);
    auto opened = Workspace::open(EngineUnderTest::location(m_directory->filePath(u"workspace.sqlite"_s)),
                                  Workspace::OpenMode::CreateIfMissing, WorkspaceSchema::modules());
    if (!opened) {
        error = opened.error().describe();
        return false;
    }
    m_workspace = std::move(opened).value();
    // Judging gets a price, so that cost adds up on the items.
    if (const Status priced = PriceTable(*m_workspace).save({judgeModel, u"Judge"_s, 1.0, 2.0}); !priced) {
        error = priced.error().describe();
        return false;
    }
    if (!m_server->reset()) {
        error = u"the test server did not reset"_s;
        return false;
    }
    return setReplies({});
}

QString EvalRunFixture::question(int item)
{
    return u"What is [item-%1]?"_s.arg(item);
}

qint64 EvalRunFixture::createRun(int items, const RunSettings &settings)
{
    QByteArray lines;
    for (int i = 0; i < items; ++i) {
        const QJsonObject line{{"user_input"_L1, question(i)},
                               {"retrieved_contexts"_L1, QJsonArray{u"[item-%1] is a test item."_s.arg(i)}},
                               {"response"_L1, u"Answer about [item-%1]."_s.arg(i)},
                               {"reference"_L1, u"Answer about [item-%1]."_s.arg(i)}};
        lines += QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
    }
    const QString path = m_directory->filePath(u"dataset-%1.jsonl"_s.arg(++m_datasets));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(lines) != lines.size())
        return -1;
    file.close();
    auto dataset = DatasetImporter::import(*m_workspace, path, u"golden-%1"_s.arg(m_datasets));
    if (!dataset) {
        qWarning() << dataset.error().describe();
        return -1;
    }
    auto run = RunSetup::create(*m_workspace, dataset.value(), settings);
    if (!run) {
        qWarning() << run.error().describe();
        return -1;
    }
    return run.value().id;
}

ProviderConfig EvalRunFixture::config(const QString &model, const Headers &headers) const
{
    ProviderConfig config;
    config.kind = ProviderConfig::Kind::OpenAi;
    config.model = model;
    config.baseUrl = m_server->url(u"/v1"_s);
    config.extraHeaders = headers;
    config.retry.baseDelayMs = 20;
    config.retry.maxDelayMs = 200;
    return config;
}

bool EvalRunFixture::setReplies(const QJsonArray &rules)
{
    return m_server->setReplies(rules);
}

QJsonObject EvalRunFixture::judgeRule(const QString &contains, const QString &reply)
{
    return {{"contains"_L1, contains}, {"reply"_L1, reply}, {"model"_L1, judgeModel}};
}

QJsonObject EvalRunFixture::stats()
{
    return m_server->stats();
}

EvalRunFixture::Outcome EvalRunFixture::run(qint64 runId, std::optional<ProviderConfig> generator,
                                            std::optional<ProviderConfig> judge, bool retryErrors,
                                            const ItemHook &onItem, int timeoutMs)
{
    Outcome outcome;
    EvalRunner runner(m_workspace->location(), runId, std::move(generator), std::move(judge), retryErrors);
    QEventLoop loop;
    QObject::connect(&runner, &EvalRunner::itemFinished, &loop, [&](const ItemResult &result) {
        outcome.reported << result;
        if (onItem)
            onItem(runner, result);
    });
    QObject::connect(&runner, &EvalRunner::progress, &loop, [&](qint64 done, qint64 total, qint64 failed, double) {
        outcome.lastDone = done;
        outcome.lastTotal = total;
        outcome.lastFailed = failed;
    });
    bool finished = false;
    QObject::connect(&runner, &EvalRunner::finished, &loop, [&](EvalRun::Status status) {
        outcome.status = status;
        finished = true;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    QElapsedTimer clock;
    clock.start();
    runner.start();
    if (!finished)
        loop.exec();
    outcome.elapsedMs = clock.elapsed();
    outcome.managers = runner.networkManagerCount();
    outcome.errorString = runner.error() ? runner.error()->describe() : QString();
    return outcome;
}

QList<ItemResult> EvalRunFixture::storedResults(qint64 runId)
{
    auto results = EvalRunRepository(*m_workspace).results(runId, 0, -1);
    return results ? results.value() : QList<ItemResult>();
}

EvalRun EvalRunFixture::storedRun(qint64 runId)
{
    auto found = EvalRunRepository(*m_workspace).find(runId);
    return found && found.value() ? *found.value() : EvalRun();
}
