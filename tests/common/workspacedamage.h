#pragma once

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

// Damages a workspace file the way disks and people do, for the tests that check it is named as
// damaged and left alone. Header-only: the CLI and GUI tests link different libraries.
namespace WorkspaceDamage {

enum class Kind { Truncated, PageOverwritten };

// Grows the workspace by a few hundred pages (so the damage lands in a table's b-tree, not only in
// free space), then truncates it to half or overwrites its middle page with seeded noise (the same
// damage on every run). False if any step failed.
inline bool apply(const QString &path, Kind kind)
{
    bool grown = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("workspace-damage"));
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery query(db);
            grown = query.exec(QStringLiteral("CREATE TABLE filler (id INTEGER PRIMARY KEY, body TEXT)"))
                && query.exec(QStringLiteral("CREATE INDEX filler_body ON filler (body)"))
                && query.exec(QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE "
                                             "i < 3000) INSERT INTO filler SELECT i, printf('%08d', i) || "
                                             "hex(randomblob(60)) FROM n"))
                && query.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("workspace-damage"));
    QFile file(path);
    if (!grown || !file.open(QIODevice::ReadWrite) || file.size() < 100 * 4096)
        return false;
    if (kind == Kind::Truncated)
        return file.resize(file.size() / 2);
    QByteArray noise(4096, Qt::Uninitialized);
    quint32 state = 20261203;
    for (char &byte : noise)
        byte = char((state = state * 1664525u + 1013904223u) >> 24);
    return file.seek((file.size() / 4096 / 2) * 4096) && file.write(noise) == noise.size();
}

} // namespace WorkspaceDamage
