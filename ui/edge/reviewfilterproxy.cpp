#include "ui/edge/reviewfilterproxy.h"

#include "ui/edge/reviewqueuemodel.h"

ReviewFilterProxy::ReviewFilterProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(ReviewQueueModel::SortRole);
}

void ReviewFilterProxy::setDevice(const QString &device)
{
    if (device == m_device)
        return;
    m_device = device;
    invalidateRowsFilter();
}

void ReviewFilterProxy::setPrediction(const QString &prediction)
{
    if (prediction == m_prediction)
        return;
    m_prediction = prediction;
    invalidateRowsFilter();
}

bool ReviewFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const auto *queue = static_cast<const ReviewQueueModel *>(sourceModel());
    if (sourceParent.isValid() || sourceRow >= queue->rowCount())
        return false;
    const InspectionResult &inspection = queue->item(sourceRow).inspection;
    return (m_device.isEmpty() || inspection.deviceId == m_device)
        && (m_prediction.isEmpty() || inspection.prediction == m_prediction);
}
