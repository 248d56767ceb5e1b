#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>

class QTabWidget;

// Tab captions that carry a live count ("Malformed (1,204)"). QTabWidget lays itself out and
// repaints again on every setTabText, even of the same text, and a count that moves with every
// update of a flood (ten times a second) kept it doing that: a caption is set only when its text
// changes, and at most once per interval unless the caller says the change must show at once
// (a count appearing or going away). A change held back is shown when the interval is over.
class TabCaptions : public QObject
{
    Q_OBJECT

public:
    explicit TabCaptions(QTabWidget *tabs, int intervalMs = 1000);

    void show(int tab, const QString &text, bool atOnce = false);

private:
    void showHeld();

    QTabWidget *m_tabs;
    int m_intervalMs;
    QHash<int, QElapsedTimer> m_shownAt;
    QHash<int, QString> m_held;
    QTimer m_timer;
};
