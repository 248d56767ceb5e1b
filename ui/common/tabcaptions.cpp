#include "ui/common/tabcaptions.h"

#include <QTabWidget>

TabCaptions::TabCaptions(QTabWidget *tabs, int intervalMs) : QObject(tabs), m_tabs(tabs), m_intervalMs(intervalMs)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &TabCaptions::showHeld);
}

void TabCaptions::show(int tab, const QString &text, bool atOnce)
{
    m_held.remove(tab);
    if (m_tabs->tabText(tab) == text)
        return;
    QElapsedTimer &shown = m_shownAt[tab];
    if (!atOnce && shown.isValid() && shown.elapsed() < m_intervalMs) {
        m_held.insert(tab, text);
        if (!m_timer.isActive())
            m_timer.start(int(qMax<qint64>(1, m_intervalMs - shown.elapsed())));
        return;
    }
    m_tabs->setTabText(tab, text);
    shown.start();
}

void TabCaptions::showHeld()
{
    const QHash<int, QString> held = std::exchange(m_held, {});
    for (auto caption = held.begin(); caption != held.end(); ++caption)
        show(caption.key(), caption.value(), true);
}
