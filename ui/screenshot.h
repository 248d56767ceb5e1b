#pragma once

#include "core/common/result.h"

#include <QSize>
#include <QString>

class QWidget;

// Renders a widget into a PNG file, as `genaiops-workbench --screenshot` does for the README and
// the GUI tests.
class Screenshot
{
public:
    // The PNG is written, or an input error names the file and why not.
    static Status save(QWidget &widget, const QString &path);
    // Parses "1280x800"; an invalid text gives an invalid size.
    static QSize parseSize(const QString &text);
};
