#include "core/storage/workspaceinspector.h"

#include "core/storage/workspace.h"

#include <QAtomicInteger>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

Status WorkspaceInspector::verifyOpenable(const QString &location, const QList<SchemaModule> &modules)
{
    const Status header = verifyHeader(location);
    if (!header)
        return header;
    return verifyMeta(location, modules);
}

Status WorkspaceInspector::verifyHeader(const QString &location)
{
    QFile file(location);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(Error::Kind::Input, tr("cannot read the file: %1").arg(file.errorString()), location);
    static const QByteArray sqliteMagic("SQLite format 3\0", 16);
    if (file.read(sqliteMagic.size()) != sqliteMagic)
        return makeError(Error::Kind::Input,
                         tr("not a GenAIOps workspace: the file is not an SQLite database; "
                            "it was left unchanged. Choose another path with --workspace."),
                         location);
    return Done{};
}

Status WorkspaceInspector::verifyMeta(const QString &location, const QList<SchemaModule> &modules)
{
    static QAtomicInteger<quint64> counter;
    const QString connection = QStringLiteral("genaiops-inspect-%1").arg(++counter);
    Status verdict = Done{};
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(location);
        // Read-only: even a lock or a journal file must not be created for a file that is not ours.
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
        if (!db.open()) {
            verdict = makeError(Error::Kind::Input, tr("cannot open the database read-only"), location);
        } else {
            QSqlQuery query(db);
            const bool read = query.exec(QStringLiteral("SELECT value FROM workspace_meta WHERE key = 'application'"));
            const QString failure = read ? QString() : query.lastError().databaseText();
            // SQLite says "no such table" for another program's database, "malformed" or "not a
            // database" for a file it cannot make sense of (a workspace damaged on disk, or something
            // that only starts like SQLite); anything else is a file it could not read as it is.
            const bool damaged
                = failure.contains(QLatin1String("malformed")) || failure.contains(QLatin1String("not a database"));
            if (!read && damaged) {
                verdict = makeError(Error::Kind::Input,
                                    tr("not readable as a workspace: %1 (SQLite); it was left unchanged. "
                                       "If it is a workspace, it is damaged: restore it from a backup.")
                                        .arg(failure),
                                    location);
            } else if (!read && !failure.contains(QLatin1String("no such table"))) {
                // A WAL workspace on a read-only disk cannot even be read: SQLite needs its -shm file.
                verdict
                    = makeError(Error::Kind::Storage,
                                QFileInfo(location).isWritable()
                                    ? tr("cannot read the workspace: %1 (SQLite); it was left unchanged").arg(failure)
                                    : tr("cannot read the workspace: %1 (SQLite). The file or its disk is read-only, "
                                         "and a workspace needs to write beside it even to be read; it was left "
                                         "unchanged")
                                          .arg(failure),
                                location);
            } else if (!read || !query.next()) {
                const bool empty = query.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) && query.next()
                    && query.value(0).toInt() == 0;
                if (!empty)
                    verdict = makeError(Error::Kind::Input,
                                        tr("not a GenAIOps workspace: an SQLite database without the "
                                           "workspace_meta table; it was left unchanged"),
                                        location);
            } else if (query.value(0).toString() != Workspace::applicationId()) {
                verdict = makeError(Error::Kind::Input,
                                    tr("not a GenAIOps workspace: it belongs to \"%1\"").arg(query.value(0).toString()),
                                    location);
            } else {
                query.exec(QStringLiteral("SELECT key, value FROM workspace_meta "
                                          "WHERE key = 'format' OR key LIKE 'schema.%'"));
                QMap<QString, int> stored;
                while (query.next())
                    stored.insert(query.value(0).toString(), query.value(1).toInt());
                verdict = verifyVersions(stored, modules, location);
            }
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return verdict;
}

Status WorkspaceInspector::verifyVersions(const QMap<QString, int> &stored, const QList<SchemaModule> &modules,
                                          const QString &location)
{
    for (auto it = stored.cbegin(); it != stored.cend(); ++it) {
        const QString &key = it.key();
        int known = Workspace::formatVersion;
        if (key.startsWith(QLatin1String("schema."))) {
            known = 0;
            for (const SchemaModule &module : modules)
                if (module.domain == key.mid(7))
                    known = module.latestVersion();
        }
        if (it.value() > known)
            return makeError(Error::Kind::Input,
                             tr("this workspace was written by a newer GenAIOps Workbench (%1 is at version %2, this "
                                "program knows up to %3). Install a newer version; the workspace was left unchanged.")
                                 .arg(key)
                                 .arg(it.value())
                                 .arg(known),
                             location);
    }
    return Done{};
}
