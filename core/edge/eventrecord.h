#pragma once

#include <QByteArray>
#include <QMetaType>
#include <QStringList>

// One row of the event log, in what it shows and no more: device, prediction and defect type are
// indexes into a table of names (a fleet has a handful of each), the image is its URI in UTF-8 or
// a flag for an inline one (whose bytes the log does not keep). About a tenth of an
// InspectionResult, so a full log of 50,000 holds a running demo's memory steady. Made on the Edge
// thread by EventCompactor, so the UI thread only appends them.
struct EventRecord
{
    qint64 timestampMs = 0;
    float confidence = 0;
    float latencyMs = 0;
    quint32 device = 0;
    quint32 prediction = 0;
    quint32 defectType = 0;
    bool defective = false;
    bool inlineImage = false;
    QByteArray imageUri;
};

// The names EventRecords point into. The table only grows until it is started again (a new
// epoch); a table of the same epoch holds every name an earlier one did, at the same index.
struct EventNames
{
    QStringList names{QString()}; // index 0: none
    int epoch = 0;
};

Q_DECLARE_METATYPE(EventNames)
