#pragma once

#include "core/playground/runhistory.h"

#include <QWidget>

class QListWidget;

// The Playground's history: every run kept in the workspace, newest first, each with its title and
// time (and its models in the tooltip). Activating one asks for it to be opened.
class RunHistoryList : public QWidget
{
    Q_OBJECT

public:
    explicit RunHistoryList(QWidget *parent = nullptr);

    void showRuns(const QList<PlaygroundRun> &runs);
    int count() const;

signals:
    void runActivated(qint64 id);

private:
    QListWidget *m_list;
};
