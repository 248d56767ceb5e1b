#pragma once

#include "core/eval/judgeagreement.h"

#include <QAbstractTableModel>

// One row per labelled judged metric of a run: how far the judge agrees with people, and the mean
// the labels correct it to.
class AgreementModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        MetricColumn,
        LabelledColumn,
        KappaColumn,
        AgreementColumn,
        BiasColumn,
        JudgedColumn,
        CorrectedColumn,
        ReviewersColumn,
        ColumnCount
    };

    using QAbstractTableModel::QAbstractTableModel;

    void setMetrics(const QList<MetricAgreement> &metrics);
    const QList<MetricAgreement> &metrics() const { return m_metrics; }
    const MetricAgreement *metricAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<MetricAgreement> m_metrics;
};
