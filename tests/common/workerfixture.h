#pragma once

#include "core/common/result.h"
#include "core/storage/workspaceworker.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <optional>

// What every panel test starts from: a new workspace file in a temporary directory, opened on a
// WorkspaceWorker as the main window opens it, and a way to run one job there and wait for it.
// Panel tests keep their secrets under keyringService, never under the product's service name.
class WorkerFixture
{
public:
    static inline const QString keyringService = QStringLiteral("genaiops-workbench-test");

    explicit WorkerFixture(QObject *context) : m_context(context) { }

    // Creates and opens ws.genaiops; false (with why in `error`) when the workspace cannot be opened.
    bool open(QString *error = nullptr);
    WorkspaceWorker &worker() { return m_worker; }
    QString path() const { return m_directory.filePath(QStringLiteral("ws.genaiops")); }
    QString filePath(const QString &name) const { return m_directory.filePath(name); }

    // Runs `job` on the worker and returns its value; a failed or timed-out job ends the test program.
    template<typename T> T run(std::function<Result<T>(Workspace &)> job, int timeoutMs = 30000)
    {
        std::optional<Result<T>> outcome;
        m_worker.run<T>(std::move(job), m_context, [&](Result<T> result) { outcome = result; });
        QElapsedTimer waited;
        waited.start();
        while (!outcome && waited.elapsed() < timeoutMs)
            QTest::qWait(10);
        if (!outcome || !*outcome)
            qFatal("worker job failed: %s", outcome ? qPrintable(outcome->error().describe()) : "timeout");
        return outcome->value();
    }

private:
    QObject *m_context;
    QTemporaryDir m_directory;
    WorkspaceWorker m_worker;
};
