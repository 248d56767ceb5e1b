#pragma once

#include "core/common/result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <functional>

class Workspace;

// Moves a local workspace up into a team one: every table's rows (prompts, runs, results, labels,
// registry, audit, recordings) copied in one transaction on the target, ids kept, the audit chain
// verified on the source before and on the target after (where PostgreSQL's own trigger has checked
// every entry's link and hash on the way in). A target that already holds work is refused, so a
// second run cannot duplicate anything.
class WorkspaceMigration
{
    Q_DECLARE_TR_FUNCTIONS(WorkspaceMigration)

public:
    struct Table
    {
        QString name;
        qint64 rows = 0;
    };
    struct Report
    {
        QList<Table> tables;
        qint64 auditEntries = 0;
        qint64 rows() const;
    };
    // (table, rows copied so far, rows in it)
    using Progress = std::function<void(const QString &, qint64, qint64)>;

    // The tables in an order that satisfies their foreign keys.
    static QStringList tables();

    static Result<Report> run(Workspace &from, Workspace &to, const Progress &progress = {});

private:
    static Status refuseNonEmpty(Workspace &to);
    static Result<qint64> copyTable(Workspace &from, Workspace &to, const QString &table, const Progress &progress);
    static Status copyMeta(Workspace &from, Workspace &to);
    static Status advanceSequence(Workspace &to, const QString &table);
};
