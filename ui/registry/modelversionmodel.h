#pragma once

#include "core/registry/registrytypes.h"

#include <QAbstractTableModel>

// The versions of a group (newest first) or of the inbox (longest waiting first), one row each;
// the group column matters only in the inbox, where versions of several groups meet.
class ModelVersionModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        GroupColumn,
        VersionColumn,
        StatusColumn,
        StageColumn,
        MetricsColumn,
        RegistrantColumn,
        AgeColumn,
        ColumnCount
    };

    using QAbstractTableModel::QAbstractTableModel;

    void setVersions(const QList<ModelVersion> &versions);
    const QList<ModelVersion> &versions() const { return m_versions; }
    const ModelVersion *versionAt(int row) const;
    // -1 when neither is shown.
    int rowOf(const QString &group, int version) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // "3 days", "2 hours", "just now" since an ISO time; the text itself when it is none.
    static QString age(const QString &createdAt, const QDateTime &now);
    // The first three metrics, "accuracy 0.91 · f1 0.88".
    static QString keyMetrics(const ModelVersion &version);

private:
    QList<ModelVersion> m_versions;
};
