#include "ui/edge/fleettableview.h"

#include "ui/common/sortmenu.h"
#include "ui/edge/fleettablemodel.h"

#include <QAction>
#include <QContextMenuEvent>
#include <QHeaderView>
#include <QMenu>
#include <QSortFilterProxyModel>
#include <QTimer>

FleetTableView::FleetTableView(FleetTableModel *model, QWidget *parent) : QTableView(parent)
{
    setObjectName(QStringLiteral("fleetTable"));
    auto *sorted = new QSortFilterProxyModel(this);
    sorted->setSourceModel(model);
    sorted->setSortRole(FleetTableModel::SortRole);
    setModel(sorted);
    setSortingEnabled(true);
    SortMenu::install(this);
    sortByColumn(FleetTableModel::Status, Qt::DescendingOrder);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setTabKeyNavigation(false);
    verticalHeader()->hide();
    verticalHeader()->setDefaultSectionSize(22);
    horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    horizontalHeader()->setStretchLastSection(true);
    setAlternatingRowColors(true);
    connect(model, &QAbstractItemModel::rowsInserted, this, &FleetTableView::resizeSoon);
    connect(selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this]() { emit deviceChosen(currentDevice()); });
    connect(this, &QAbstractItemView::doubleClicked, this, [this]() {
        if (!currentDevice().isEmpty())
            emit reviewRequested(currentDevice());
    });
    auto *review = new QAction(tr("Review this device"), this);
    review->setObjectName(QStringLiteral("reviewDeviceAction"));
    review->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    review->setShortcutContext(Qt::WidgetShortcut);
    connect(review, &QAction::triggered, this, [this]() {
        if (!currentDevice().isEmpty())
            emit reviewRequested(currentDevice());
    });
    addAction(review);
}

QString FleetTableView::currentDevice() const
{
    const QModelIndex current = currentIndex();
    return current.isValid() ? current.siblingAtColumn(FleetTableModel::Device).data().toString() : QString();
}

void FleetTableView::contextMenuEvent(QContextMenuEvent *event)
{
    const QModelIndex row = indexAt(event->pos());
    if (!row.isValid())
        return;
    setCurrentIndex(row);
    QMenu menu(this);
    menu.addActions(actions());
    menu.exec(event->globalPos());
}

void FleetTableView::resizeSoon()
{
    if (m_resizePending)
        return;
    m_resizePending = true;
    QTimer::singleShot(0, this, [this]() {
        m_resizePending = false;
        resizeColumnsToContents();
        // Room for the widest status a device can reach, not just today's "Healthy".
        DeviceSnapshot silent, alerting;
        silent.health = DeviceSnapshot::Health::Silent;
        silent.silentForMs = 86'400'000;
        alerting.health = DeviceSnapshot::Health::Warning;
        alerting.activeAlerts = 4;
        const int status = std::max(fontMetrics().horizontalAdvance(FleetTableModel::statusText(silent)),
                                    fontMetrics().horizontalAdvance(FleetTableModel::statusText(alerting)))
            + 44;
        setColumnWidth(FleetTableModel::Status, std::max(columnWidth(FleetTableModel::Status), status));
    });
}
