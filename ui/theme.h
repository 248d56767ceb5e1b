#pragma once

#include <QString>

class QApplication;

// Fusion with a light or dark palette, so the workbench looks the same on every desktop and under
// the offscreen platform used for screenshots. "system" keeps the platform's own look.
class Theme
{
public:
    enum class Mode { System, Light, Dark };

    static Mode fromName(const QString &name);
    static QString name(Mode mode);
    static void apply(QApplication &application, Mode mode);
};
