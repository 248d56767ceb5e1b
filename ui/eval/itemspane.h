#pragma once

#include "core/eval/runtable.h"

#include <QPointer>
#include <QSplitter>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
class QTextBrowser;
class ResultFilterProxy;
class ResultTableModel;
class WorkspaceWorker;

// The lower half of the Evaluations page: every item of the run in a table with its filters (below
// a metric's threshold, errors, unstable, a text search; Ctrl+F), the figures below it, and the
// chosen item's question, contexts, response, reference, explanations and labels beside it.
class ItemsPane : public QSplitter
{
    Q_OBJECT

public:
    ItemsPane(WorkspaceWorker &worker, QWidget *parent);

    ResultTableModel *model() const { return m_results; }
    ResultFilterProxy *filter() const { return m_filter; }
    // A run was opened: its rows, the metrics the filter offers, the Unstable filter when repeated.
    void setTable(RunTable table);
    // The same run read whole after its first screen of rows.
    void extendTable(RunTable table);
    void setFigures(const QString &html);
    // Selects the item, clearing a filter that hides it.
    void openItem(qint64 itemIndex);
    QString detailText() const;
    QTextBrowser *detailView() const { return m_detail; }
    QTableView *itemTable() const { return m_itemTable; }
    // Opens (or raises) a window showing the chosen item, which then follows the selection.
    QTextBrowser *popOut();

private:
    void filtersChanged();
    void showDetail(const QModelIndex &proxyIndex);

    WorkspaceWorker &m_worker;
    ResultTableModel *m_results;
    ResultFilterProxy *m_filter;
    QComboBox *m_filterMetric;
    QCheckBox *m_belowThreshold;
    QCheckBox *m_errorsOnly;
    QCheckBox *m_unstableOnly;
    QCheckBox *m_intervenedOnly;
    QLineEdit *m_search;
    QTableView *m_itemTable;
    QLabel *m_footer;
    QTextBrowser *m_detail;
    QPointer<QTextBrowser> m_window; // the popped-out detail, while it is open
    quint64 m_detailRequest = 0; // an answer to an older request (or for another run) is dropped
};
