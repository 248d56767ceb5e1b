#pragma once

#include <QByteArray>
#include <QRect>

// A small grey-scale PNG of a machined part, with a dark scratch when it is defective: what the
// simulator attaches as image_base64, so the review queue has real images to show. Written with
// zlib alone because the core links no Gui module.
class SyntheticPartImage
{
public:
    // `scratch`, when given, receives the scratch's bounding box in pixels (empty for a good part),
    // which the simulator sends as the inspection's bbox.
    static QByteArray png(bool defective, quint32 seed, int size = 96, QRect *scratch = nullptr);
};
