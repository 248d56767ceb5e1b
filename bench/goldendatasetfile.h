#pragma once

#include "common/result.h"

#include <QString>

// A synthetic golden dataset in JSONL (Ragas field names), the same for every run of a bench: item
// i draws its words from a fixed vocabulary with a generator seeded by i. Questions are 8–15 words,
// each item has two contexts of about 40 words and a reference; responses are optional.
class GoldenDatasetFile
{
public:
    enum class Responses { Without, With };

    static Status write(const QString &path, int items, Responses responses);
};
