#pragma once

#include <QString>
#include <QStringList>

// The floor of opening a run: the rows RunTable::load reads (items, results, one score column per
// metric), read once in order through SQLite's C API on a connection of its own, each value
// touched and nothing converted or kept. Returns the bytes of text read, or -1 on an error.
qint64 readRunRaw(const QString &workspacePath, qint64 runId, qint64 datasetId, const QStringList &metrics,
                  QString *error);
