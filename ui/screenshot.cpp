#include "screenshot.h"

#include <QDir>
#include <QFileInfo>
#include <QImageWriter>
#include <QPixmap>
#include <QRegularExpression>
#include <QWidget>

bool Screenshot::save(QWidget &widget, const QString &path, QString *problem)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    const QPixmap pixmap = widget.grab();
    QImageWriter writer(path, "png");
    if (writer.write(pixmap.toImage()))
        return true;
    if (problem)
        *problem = writer.errorString();
    return false;
}

QSize Screenshot::parseSize(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{2,5})x(\\d{2,5})$"));
    const auto match = pattern.match(text);
    if (!match.hasMatch())
        return {};
    return {match.captured(1).toInt(), match.captured(2).toInt()};
}
