#include "common/workerfixture.h"

#include "core/workspaceschema.h"

bool WorkerFixture::open(QString *error)
{
    std::optional<Result<Workspace::Info>> opened;
    m_worker.open(path(), Workspace::OpenMode::CreateIfMissing, WorkspaceSchema::modules(), m_context,
                  [&](Result<Workspace::Info> info) { opened = std::move(info); });
    QElapsedTimer waited;
    waited.start();
    while (!opened && waited.elapsed() < 30000)
        QTest::qWait(10);
    if (opened && *opened)
        return true;
    if (error)
        *error = opened ? opened->error().describe() : QStringLiteral("the workspace did not open within 30 s");
    return false;
}
