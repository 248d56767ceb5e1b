#include "ui/eval/runlistview.h"

#include "ui/eval/runlistmodel.h"

#include <QHeaderView>

RunListView::RunListView(RunListModel *model, QWidget *parent) : QTableView(parent)
{
    setModel(model);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setTabKeyNavigation(false);
    verticalHeader()->hide();
    horizontalHeader()->setStretchLastSection(true);
    setAlternatingRowColors(true);
    setWordWrap(false);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    setColumnWidth(RunListModel::NameColumn, 240);
    setColumnWidth(RunListModel::DatasetColumn, 190);
    setColumnWidth(RunListModel::ModelColumn, 150);
    setColumnWidth(RunListModel::DateColumn, 130);
    setColumnWidth(RunListModel::StatusColumn, 170);
    setColumnWidth(RunListModel::MeansColumn, 330);
    connect(selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this, model](const QModelIndex &current) {
        if (const RunListEntry *entry = model->entryAt(current.row()))
            emit runChosen(entry->run.id);
    });
}
