#pragma once

#include <QColor>
#include <QString>

class QApplication;

// Fusion with a light or dark palette, so the workbench looks the same on every desktop and under
// the offscreen platform used for screenshots. "system" keeps the platform's own look.
class Theme
{
public:
    enum class Mode { System, Light, Dark };

    // What a colour means, so every panel says "passed", "failed" or "waiting" in the same colour
    // and each has a value for light and for dark windows.
    enum class Role {
        Good, // passed, healthy, connected, trustworthy
        Bad, // failed, below threshold, errors, alerts
        Warning, // pending, degraded, reconnecting
        Muted, // stopped, not applicable
        Ink, // marks drawn over a chart: error bars, points
        Primary, // the first chart series
        Secondary, // the second chart series
        Tertiary, // the third chart series
        Defect, // defect counts and the scratch drawn on an inspection image
    };

    static Mode fromName(const QString &name);
    static QString name(Mode mode);
    static void apply(QApplication &application, Mode mode);

    // The role's colour for the application's palette now (a dark window gets the dark value).
    static QColor color(Role role);
    static QColor color(Role role, bool dark);
    // "color: #rrggbb" for a label's style sheet.
    static QString textStyle(Role role);
    static bool isDark();
    // WCAG 2 contrast ratio of two colours, 1 to 21: text wants 4.5, large marks 3.
    static double contrast(const QColor &first, const QColor &second);
};
