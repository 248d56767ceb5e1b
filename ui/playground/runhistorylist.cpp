#include "ui/playground/runhistorylist.h"

#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>

RunHistoryList::RunHistoryList(QWidget *parent) : QWidget(parent), m_list(new QListWidget(this))
{
    m_list->setObjectName(QStringLiteral("historyList"));
    m_list->setToolTip(tr("Every run is kept here; double-click to re-open it."));
    m_list->setWordWrap(true);
    connect(m_list, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { emit runActivated(item->data(Qt::UserRole).toLongLong()); });
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("History"), this));
    layout->addWidget(m_list);
    setMinimumWidth(170);
}

void RunHistoryList::showRuns(const QList<PlaygroundRun> &runs)
{
    m_list->clear();
    for (const PlaygroundRun &run : runs) {
        QStringList models;
        for (const PlaygroundResponse &response : run.responses)
            models << response.model;
        const QString when = run.createdAt.left(16).replace(QLatin1Char('T'), QLatin1Char(' '));
        auto *item = new QListWidgetItem(QStringLiteral("%1\n%2").arg(run.title, when), m_list);
        item->setToolTip(models.join(QStringLiteral("\n")));
        item->setData(Qt::UserRole, run.id);
    }
}

int RunHistoryList::count() const
{
    return m_list->count();
}
