// Opening a workspace file that is damaged or not a workspace at all (truncated, a page overwritten,
// another program's database): refused with a reason and not a byte written, or opened and then
// checked, read and reported on without a crash.
#include "core/eval/evalrunrepository.h"
#include "core/storage/workspace.h"
#include "core/storage/workspaceinspector.h"
#include "core/workspaceschema.h"
#include "fuzz/fuzzsupport.h"
#include "fuzz/fuzzworkspace.h"

#include <QFile>

namespace {

QByteArray contents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    Fuzz::initialize(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static FuzzWorkspace folder;
    const QString path = folder.writeFile(QStringLiteral("damaged.genaiops"), Fuzz::bytes(data, size));
    for (const QString &suffix : {QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(path + suffix);
    const QList<SchemaModule> modules = WorkspaceSchema::modules();
    const Status openable = WorkspaceInspector::verifyOpenable(path, modules);
    auto opened = Workspace::openSqlite(path, Workspace::OpenMode::ExistingOnly, modules);
    if (!opened) {
        Fuzz::require(!opened.error().message.isEmpty(), "a refused file is refused with a reason");
        Fuzz::require(contents(path) == Fuzz::bytes(data, size), "a refused file is left as it was");
        return 0;
    }
    Fuzz::require(bool(openable) || size == 0, "what opens passed the inspection before it");
    Workspace &workspace = *opened.value();
    Fuzz::requireExplained(workspace.check(), "a check names the damage it found");
    Fuzz::requireExplained(workspace.info(), "information that cannot be read says why");
    EvalRunRepository runs(workspace);
    const Result<QList<EvalRun>> listed = runs.list();
    Fuzz::requireExplained(listed, "runs that cannot be listed say why");
    for (const EvalRun &run : listed ? listed.value() : QList<EvalRun>())
        Fuzz::requireExplained(runs.results(run.id, 0, 50), "results that cannot be read say why");
    return 0;
}
