#include "core/edge/imagelocation.h"

#include <QDir>
#include <QFileInfo>
#include <QUrl>

Result<QString> ImageLocation::localPath(const QString &uri, const QString &folder)
{
    if (folder.isEmpty())
        return makeError(Error::Kind::Refused,
                         tr("local images are shown only from a folder you choose for them (Images folder…)"), uri);
    if (uri.contains(QChar(0)))
        return makeError(Error::Kind::Input, tr("the image path holds a NUL character"), uri);
    QString path = uri;
    if (uri.startsWith(QLatin1String("file:"), Qt::CaseInsensitive)) {
        const QUrl url(uri, QUrl::StrictMode);
        const QString host = url.host().toLower();
        if (!url.isValid() || !url.isLocalFile())
            return makeError(Error::Kind::Input, tr("not a file URI this computer can read"), uri);
        if (!host.isEmpty() && host != QLatin1String("localhost"))
            return makeError(Error::Kind::Refused, tr("a file URI naming another computer (%1) is not read").arg(host),
                             uri);
        // toLocalFile() makes file://localhost/x the UNC-style //localhost/x; localhost is this computer.
        path = host.isEmpty() ? url.toLocalFile() : url.path();
    }
    const QString root = QFileInfo(folder).canonicalFilePath();
    if (root.isEmpty())
        return makeError(Error::Kind::Input, tr("the images folder does not exist"), folder);
    // Relative names are the folder's; canonicalFilePath follows every .. and symbolic link.
    const QString resolved = QFileInfo(QDir(root).filePath(path)).canonicalFilePath();
    if (resolved.isEmpty())
        return makeError(Error::Kind::Input, tr("no such file in the images folder"), uri);
    const QString inside = root.endsWith(QLatin1Char('/')) ? root : root + QLatin1Char('/');
    if (!resolved.startsWith(inside))
        return makeError(
            Error::Kind::Refused,
            tr("the image lies outside the images folder %1, so it is not read").arg(QDir::toNativeSeparators(root)),
            uri);
    return resolved;
}
