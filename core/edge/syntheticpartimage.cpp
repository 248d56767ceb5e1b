#include "core/edge/syntheticpartimage.h"

#include <QRandomGenerator>
#include <QtEndian>

#include <cmath>
#include <zlib.h>

namespace {

void appendChunk(QByteArray &png, const char type[4], const QByteArray &data)
{
    const quint32 length = qToBigEndian(quint32(data.size()));
    png.append(reinterpret_cast<const char *>(&length), 4);
    QByteArray body(type, 4);
    body.append(data);
    png.append(body);
    const quint32 crc
        = qToBigEndian(quint32(crc32(0, reinterpret_cast<const Bytef *>(body.constData()), uInt(body.size()))));
    png.append(reinterpret_cast<const char *>(&crc), 4);
}

} // namespace

QByteArray SyntheticPartImage::png(bool defective, quint32 seed, int size, QRect *scratch)
{
    QRect box;
    QRandomGenerator random(seed);
    const double centre = size / 2.0, radius = size * 0.42, bore = size * 0.12;
    const double shade = 150 + random.bounded(40);
    // A scratch: a line across the face at a random angle and offset.
    const double angle = random.bounded(3.14159), offset = (random.generateDouble() - 0.5) * radius;
    const double nx = std::cos(angle), ny = std::sin(angle);

    QByteArray rows;
    rows.reserve((size + 1) * size);
    for (int y = 0; y < size; ++y) {
        rows.append(char(0)); // filter: none
        for (int x = 0; x < size; ++x) {
            const double dx = x - centre, dy = y - centre;
            const double distance = std::sqrt(dx * dx + dy * dy);
            double value = 40; // background
            if (distance < radius && distance > bore) {
                // Brushed metal: a radial gradient with concentric machining rings.
                value = shade + 40 * (1 - distance / radius) + 8 * std::sin(distance * 1.7);
                if (defective && std::abs(dx * nx + dy * ny - offset) < 1.6
                    && std::abs(-dx * ny + dy * nx) < radius * 0.7) {
                    value = 25;
                    box |= QRect(x, y, 1, 1);
                }
            } else if (distance <= bore) {
                value = 15;
            }
            value += random.bounded(6);
            rows.append(char(qBound(0, int(value), 255)));
        }
    }
    if (scratch)
        *scratch = box.adjusted(-3, -3, 3, 3);
    uLongf compressedSize = compressBound(uLong(rows.size()));
    QByteArray compressed(int(compressedSize), Qt::Uninitialized);
    compress2(reinterpret_cast<Bytef *>(compressed.data()), &compressedSize,
              reinterpret_cast<const Bytef *>(rows.constData()), uLong(rows.size()), 6);
    compressed.resize(int(compressedSize));

    QByteArray header(13, '\0');
    qToBigEndian(quint32(size), header.data());
    qToBigEndian(quint32(size), header.data() + 4);
    header[8] = 8; // bit depth
    header[9] = 0; // grey-scale
    QByteArray png("\x89PNG\r\n\x1a\n", 8);
    appendChunk(png, "IHDR", header);
    appendChunk(png, "IDAT", compressed);
    appendChunk(png, "IEND", {});
    return png;
}
