#include "ui/screenshot.h"

#include <QDir>
#include <QFileInfo>
#include <QImageWriter>
#include <QPixmap>
#include <QRegularExpression>
#include <QWidget>

Status Screenshot::save(QWidget &widget, const QString &path)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    const QPixmap pixmap = widget.grab();
    QImageWriter writer(path, "png");
    if (writer.write(pixmap.toImage()))
        return Done{};
    return makeError(Error::Kind::Input, QStringLiteral("cannot write: %1").arg(writer.errorString()), path);
}

QSize Screenshot::parseSize(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{2,5})x(\\d{2,5})$"));
    const auto match = pattern.match(text);
    if (!match.hasMatch())
        return {};
    return {match.captured(1).toInt(), match.captured(2).toInt()};
}
