#pragma once

#include <QTableView>

class RunListModel;

// The Evaluations panel's run list: one row per run, widths that fit what the columns hold
// ("interrupted (1234 of 5000)"), and runChosen() when the person moves to another run.
class RunListView : public QTableView
{
    Q_OBJECT

public:
    RunListView(RunListModel *model, QWidget *parent = nullptr);

signals:
    void runChosen(qint64 runId);
};
