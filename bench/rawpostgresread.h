#pragma once

#include <QString>
#include <QStringList>

// The floor of opening a run on a team workspace: the rows RunTable::load reads (items, results, one
// score column per metric), each query's whole result in one libpq PQexecParams on a connection of
// its own (opened before the clock starts), each value touched and nothing converted or kept.
// Returns the milliseconds the reads took, or -1 on an error.
double readRunRawPostgres(const QString &uri, qint64 runId, qint64 datasetId, const QStringList &metrics,
                          QString *error);
