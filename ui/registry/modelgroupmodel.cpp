#include "ui/registry/modelgroupmodel.h"

void ModelGroupModel::setGroups(const QList<ModelGroup> &groups)
{
    beginResetModel();
    m_groups = groups;
    endResetModel();
}

int ModelGroupModel::rowOf(const QString &name) const
{
    for (int row = 0; row < m_groups.size(); ++row)
        if (m_groups[row].name == name)
            return row;
    return -1;
}

int ModelGroupModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_groups.size());
}

QVariant ModelGroupModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_groups.size())
        return {};
    const ModelGroup &group = m_groups[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        return tr("%1\n%2 versions, %3 pending").arg(group.name).arg(group.versionCount).arg(group.pendingCount);
    case Qt::ToolTipRole:
        return group.description.isEmpty() ? group.name : group.description;
    case NameRole:
        return group.name;
    default:
        return {};
    }
}
