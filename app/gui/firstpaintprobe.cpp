#include "firstpaintprobe.h"

#include <QCoreApplication>
#include <QEvent>
#include <QTimer>
#include <QWidget>

#include <cstdio>

FirstPaintProbe::FirstPaintProbe(bool exitAfter, QObject *parent) : QObject(parent), m_exitAfter(exitAfter)
{ }

void FirstPaintProbe::installIfAsked()
{
    if (!qEnvironmentVariableIsSet("GENAIOPS_FIRST_PAINT"))
        return;
    auto *probe = new FirstPaintProbe(qgetenv("GENAIOPS_FIRST_PAINT") == "exit", QCoreApplication::instance());
    QCoreApplication::instance()->installEventFilter(probe);
}

bool FirstPaintProbe::eventFilter(QObject *watched, QEvent *event)
{
    if (!m_seen && event->type() == QEvent::Paint && watched->isWidgetType()
        && static_cast<QWidget *>(watched)->window()->isVisible()) {
        m_seen = true;
        std::fputs("first-paint\n", stderr);
        std::fflush(stderr);
        if (m_exitAfter)
            QTimer::singleShot(0, QCoreApplication::instance(), &QCoreApplication::quit);
    }
    return QObject::eventFilter(watched, event);
}
