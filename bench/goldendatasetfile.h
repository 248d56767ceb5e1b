#pragma once

#include "core/common/result.h"
#include "core/eval/evaltypes.h"

#include <QString>

// A synthetic golden dataset in JSONL (Ragas field names), the same for every run of a bench: item
// i draws its words from a fixed vocabulary with a generator seeded by i. Questions are 8–15 words,
// each item has two contexts of `contextWords` words and a reference of 12; responses (optional)
// mix part of the reference with other words.
class GoldenDatasetFile
{
public:
    enum class Responses { Without, With };

    static Status write(const QString &path, int items, Responses responses, int contextWords = 40);
    // The items as the importer reads them, for peers that are given the same data.
    static Result<QList<EvalItem>> read(const QString &path);
};
