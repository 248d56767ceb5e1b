#pragma once

#include "core/registry/registrytypes.h"

#include <QAbstractListModel>

// The registry's model groups, one row each: the name, and under it how many versions it has and
// how many of them wait for a decision.
class ModelGroupModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum DataRole { NameRole = Qt::UserRole + 1 };

    using QAbstractListModel::QAbstractListModel;

    void setGroups(const QList<ModelGroup> &groups);
    const QList<ModelGroup> &groups() const { return m_groups; }
    // -1 when no group is called `name`.
    int rowOf(const QString &name) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    QList<ModelGroup> m_groups;
};
