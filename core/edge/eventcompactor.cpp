#include "core/edge/eventcompactor.h"

quint32 EventCompactor::intern(const QString &name)
{
    if (name.isEmpty())
        return 0;
    const auto found = m_index.constFind(name);
    if (found != m_index.constEnd())
        return found.value();
    const auto index = quint32(m_names.names.size());
    m_names.names.append(name);
    m_index.insert(name, index);
    return index;
}

EventRecord EventCompactor::compact(const InspectionResult &event)
{
    EventRecord record;
    record.timestampMs = event.timestampMs;
    record.confidence = float(event.confidence);
    record.latencyMs = float(event.latencyMs);
    record.device = intern(event.deviceId);
    record.prediction = intern(event.prediction);
    record.defectType = intern(event.defectType);
    record.defective = event.defective;
    record.inlineImage = !event.imageBase64.isEmpty();
    if (!record.inlineImage)
        record.imageUri = event.imageUri.toUtf8();
    return record;
}

void EventCompactor::clear()
{
    const int epoch = m_names.epoch + 1;
    m_names = EventNames{};
    m_names.epoch = epoch;
    m_index.clear();
}
