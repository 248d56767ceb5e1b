#include "ui/common/sortmenu.h"

#include <QAction>
#include <QHeaderView>
#include <QMenu>
#include <QTableView>

SortMenu::SortMenu(QTableView *table) : QObject(table), m_table(table)
{ }

SortMenu *SortMenu::install(QTableView *table)
{
    auto *menu = new SortMenu(table);
    auto *action = new QAction(tr("Sort by…"), table);
    action->setObjectName(QStringLiteral("sortByAction"));
    action->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    action->setShortcutContext(Qt::WidgetShortcut);
    connect(action, &QAction::triggered, menu, &SortMenu::open);
    table->addAction(action);
    return menu;
}

QMenu *SortMenu::open()
{
    auto *menu = new QMenu(m_table);
    menu->setObjectName(QStringLiteral("sortMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    const QHeaderView *header = m_table->horizontalHeader();
    const QAbstractItemModel *model = m_table->model();
    for (int section = 0; section < model->columnCount(); ++section) {
        if (m_table->isColumnHidden(section))
            continue;
        const bool sorted = header->sortIndicatorSection() == section;
        const Qt::SortOrder current = header->sortIndicatorOrder();
        // A column sorted already is reversed; another starts in its own first order (scores
        // lowest first), as a click on its header would.
        const QVariant initial = model->headerData(section, Qt::Horizontal, Qt::InitialSortOrderRole);
        const Qt::SortOrder order = sorted ? (current == Qt::AscendingOrder ? Qt::DescendingOrder : Qt::AscendingOrder)
                                           : (initial.isValid() ? Qt::SortOrder(initial.toInt()) : Qt::AscendingOrder);
        const QString name
            = model->headerData(section, Qt::Horizontal).toString().replace(QLatin1Char('\n'), QLatin1Char(' '));
        QAction *choice = menu->addAction(order == Qt::AscendingOrder ? tr("%1, lowest first").arg(name)
                                                                      : tr("%1, highest first").arg(name));
        choice->setData(section);
        connect(choice, &QAction::triggered, m_table,
                [table = m_table, section, order]() { table->sortByColumn(section, order); });
    }
    const QModelIndex current = m_table->currentIndex();
    const QRect cell = current.isValid() ? m_table->visualRect(current) : QRect();
    menu->popup(m_table->viewport()->mapToGlobal(cell.isValid() ? cell.bottomLeft() : QPoint(0, 0)));
    return menu;
}
