#pragma once

#include <QSize>
#include <QString>

class QWidget;

// Renders a widget into a PNG file, as `genaiops-workbench --screenshot` does for the README and
// the GUI tests.
class Screenshot
{
public:
    static bool save(QWidget &widget, const QString &path, QString *problem = nullptr);
    // Parses "1280x800"; an invalid text gives an invalid size.
    static QSize parseSize(const QString &text);
};
