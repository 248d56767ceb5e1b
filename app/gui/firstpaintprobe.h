#pragma once

#include <QObject>

// For bench_startup: with GENAIOPS_FIRST_PAINT set, writes "first-paint" to stderr the moment the
// window first paints, and quits there when the variable says "exit". The bench times the line's
// arrival from the moment it started the process, so loading and linking are counted too.
class FirstPaintProbe : public QObject
{
    Q_OBJECT

public:
    // Installs the probe on the application when the variable is set; does nothing otherwise.
    static void installIfAsked();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    explicit FirstPaintProbe(bool exitAfter, QObject *parent);

    bool m_exitAfter;
    bool m_seen = false;
};
