#pragma once

#include <QByteArray>

// A small grey-scale PNG of a machined part, with a dark scratch when it is defective: what the
// simulator attaches as image_base64, so the review queue has real images to show. Written with
// zlib alone because the core links no Gui module.
class SyntheticPartImage
{
public:
    static QByteArray png(bool defective, quint32 seed, int size = 96);
};
