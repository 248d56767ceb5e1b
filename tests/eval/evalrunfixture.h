#pragma once

#include "common/testserver.h"
#include "core/eval/evaltypes.h"
#include "core/providers/providerconfig.h"

#include <QTemporaryDir>

#include <functional>
#include <memory>
#include <optional>

class EvalRunner;
class Workspace;

// What every EvalRunner test needs: the OpenAI-compatible test server, a fresh workspace in a
// temporary directory, a dataset with a run on it, scripted judge answers, and one run of the runner
// waited for. Item i asks "What is [item-i]?", so a reply rule can pick one item.
class EvalRunFixture
{
public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;
    using ItemHook = std::function<void(EvalRunner &, const ItemResult &)>;

    struct Outcome
    {
        EvalRun::Status status = EvalRun::Status::Running; // Running: the runner never finished
        QList<ItemResult> reported; // as itemFinished reported them
        qint64 lastDone = -1;
        qint64 lastTotal = -1;
        qint64 lastFailed = -1;
        qint64 elapsedMs = 0;
        int managers = 0;
        QString errorString;
    };

    static inline const QString judgeModel = QStringLiteral("judge-model");
    static inline const QString generatorModel = QStringLiteral("gen-model");

    EvalRunFixture();
    ~EvalRunFixture();

    bool startServer(QString &error);
    // A new workspace (in a new folder below `parent`, or in the system's temporary folder) and a
    // reset server: call from init().
    bool prepare(QString &error, const QString &parent = {});

    Workspace &workspace() { return *m_workspace; }
    TestServer &server() { return *m_server; }

    static QString question(int item);
    // Creates a dataset of `items` items (with responses) and a run on it; -1 on failure.
    qint64 createRun(int items, const RunSettings &settings);
    ProviderConfig config(const QString &model, const Headers &headers = {}) const;

    // POST /_test/replies; a rule answers the judge's request that contains `contains`.
    bool setReplies(const QJsonArray &rules);
    static QJsonObject judgeRule(const QString &contains, const QString &reply);
    QJsonObject stats();

    Outcome run(qint64 runId, std::optional<ProviderConfig> generator, std::optional<ProviderConfig> judge,
                bool retryErrors = false, const ItemHook &onItem = {}, int timeoutMs = 60000);
    QList<ItemResult> storedResults(qint64 runId);
    EvalRun storedRun(qint64 runId);

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<QTemporaryDir> m_directory;
    std::unique_ptr<Workspace> m_workspace;
    int m_datasets = 0;
};
