#pragma once

#include "core/common/result.h"

#include <QCoreApplication>
#include <QString>

// Where a local image named by a device's payload (image_uri) may be read from: only inside the
// folder the person chose for them. A path or file:// URI is resolved against that folder, `..` and
// symbolic links are followed to where they really lead, and anything that ends up outside it, a
// file:// URI naming another host, or an empty folder choice is refused with the reason. Touches the
// disk (it resolves links): call it off the UI thread.
class ImageLocation
{
    Q_DECLARE_TR_FUNCTIONS(ImageLocation)

public:
    static Result<QString> localPath(const QString &uri, const QString &folder);
};
