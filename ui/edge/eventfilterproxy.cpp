#include "ui/edge/eventfilterproxy.h"

#include "ui/edge/eventlogmodel.h"

EventFilterProxy::EventFilterProxy(QObject *parent) : QSortFilterProxyModel(parent)
{ }

void EventFilterProxy::setDevice(const QString &device)
{
    m_device = device;
    if (sourceModel())
        invalidateRowsFilter();
}

void EventFilterProxy::setPrediction(const QString &prediction)
{
    m_prediction = prediction;
    if (sourceModel())
        invalidateRowsFilter();
}

void EventFilterProxy::setConfidenceBelow(double bound)
{
    m_confidenceBelow = bound;
    if (sourceModel())
        invalidateRowsFilter();
}

bool EventFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    const auto *events = static_cast<const EventLogModel *>(sourceModel());
    if (!events)
        return false;
    const EventRecord &event = events->record(sourceRow);
    return (m_device.isEmpty() || events->name(event.device) == m_device)
        && (m_prediction.isEmpty() || events->name(event.prediction) == m_prediction)
        && (m_confidenceBelow > 1 || event.confidence < m_confidenceBelow);
}
