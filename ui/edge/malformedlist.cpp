#include "ui/edge/malformedlist.h"

#include <QHeaderView>

MalformedList::MalformedList(QWidget *parent) : QTreeWidget(parent)
{
    setObjectName(QStringLiteral("malformedList"));
    setHeaderLabels({tr("Reason"), tr("Count"), tr("Last sample")});
    setRootIsDecorated(false);
    header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
}

void MalformedList::showCounts(const FleetSnapshot &fleet)
{
    if (topLevelItemCount() == fleet.malformedReasons.size()) {
        bool same = true;
        for (int row = 0; row < topLevelItemCount() && same; ++row)
            same = topLevelItem(row)->text(1).toLongLong() == fleet.malformedReasons.value(topLevelItem(row)->text(0));
        if (same)
            return;
    }
    clear();
    for (auto it = fleet.malformedReasons.cbegin(); it != fleet.malformedReasons.cend(); ++it) {
        const MalformedSample sample = fleet.malformedSamples.value(it.key());
        auto *item = new QTreeWidgetItem(
            {it.key(), QString::number(it.value()),
             sample.detail + QStringLiteral(" — ") + QString::fromUtf8(sample.payload.left(160))});
        item->setToolTip(2, QString::fromUtf8(sample.payload));
        addTopLevelItem(item);
    }
}
