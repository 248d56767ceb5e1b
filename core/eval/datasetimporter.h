#pragma once

#include "core/common/result.h"
#include "core/eval/evaltypes.h"
#include "core/eval/hashinglinereader.h"

#include <QCoreApplication>

class QIODevice;
class Workspace;

// Imports a golden dataset from JSONL or CSV into the workspace as a new version of `name`.
// The file is streamed and hashed as it is read; every item goes in within one transaction, so a
// failure leaves nothing behind. Unusable lines are skipped and listed in Dataset::skipped.
// Importing the same content under the same name again returns the existing dataset.
class DatasetImporter
{
    Q_DECLARE_TR_FUNCTIONS(DatasetImporter)

public:
    enum class Format { Jsonl, Csv };

    // `name` defaults to the file's base name. A line over `lineLimit` bytes is skipped with its
    // number and length (0: no limit).
    static Result<Dataset> import(Workspace &workspace, const QString &path, const QString &name = {},
                                  qint64 lineLimit = HashingLineReader::DefaultLineLimit);

    // From the extension (.jsonl, .ndjson, .json → JSONL; .csv → CSV), else the first non-blank byte.
    static Format detectFormat(const QString &path, QIODevice &device);
};
