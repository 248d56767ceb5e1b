#pragma once

#include <QSortFilterProxyModel>

// The event log's filters: one device (or all), one prediction (or all), confidence below a bound.
class EventFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit EventFilterProxy(QObject *parent = nullptr);

    void setDevice(const QString &device);
    void setPrediction(const QString &prediction);
    // Only inspections with confidence below `bound`; 1 or more shows all.
    void setConfidenceBelow(double bound);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_device;
    QString m_prediction;
    double m_confidenceBelow = 1.01;
};
