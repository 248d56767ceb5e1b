#pragma once

#include "core/edge/eventrecord.h"
#include "core/edge/inspectionresult.h"

#include <QHash>

// Turns inspections into the event log's compact records on the Edge thread, interning device,
// prediction and defect type names into one table that travels with each update (shared, so a
// copy costs a reference count until a new name arrives).
class EventCompactor
{
public:
    EventRecord compact(const InspectionResult &event);
    const EventNames &names() const { return m_names; }
    // Starts a new table: records made before refer to the old one.
    void clear();

private:
    quint32 intern(const QString &name);

    EventNames m_names;
    QHash<QString, quint32> m_index;
};
