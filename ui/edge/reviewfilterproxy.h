#pragma once

#include <QSortFilterProxyModel>

// The review queue as the reviewer narrows it: one device's inspections, one prediction, sorted
// by any column (confidence, lowest first, puts the most doubtful on top).
class ReviewFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit ReviewFilterProxy(QObject *parent = nullptr);

    void setDevice(const QString &device); // empty: every device
    void setPrediction(const QString &prediction); // empty: every prediction
    QString device() const { return m_device; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_device;
    QString m_prediction;
};
