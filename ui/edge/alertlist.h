#pragma once

#include "core/edge/edgealert.h"

#include <QHash>
#include <QTreeWidget>

// The alerts raised so far, newest first: an active one in red, a cleared one with the time it
// cleared. Few enough rows that a tree widget serves.
class AlertList : public QTreeWidget
{
    Q_OBJECT

public:
    explicit AlertList(QWidget *parent = nullptr);

    // Adds the raised alerts and marks the cleared ones.
    void apply(const QList<EdgeAlert> &changes);
    void clearAlerts();

private:
    QHash<QString, QTreeWidgetItem *> m_active; // by device and kind
};
