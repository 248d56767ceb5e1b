#pragma once

#include "core/edge/fleetsnapshot.h"

#include <QTreeWidget>

// Malformed messages by reason: how many, and the last one's explanation and payload.
class MalformedList : public QTreeWidget
{
    Q_OBJECT

public:
    explicit MalformedList(QWidget *parent = nullptr);

    // Rebuilds the rows when a count changed; otherwise leaves them (and the selection) alone.
    void showCounts(const FleetSnapshot &fleet);
};
