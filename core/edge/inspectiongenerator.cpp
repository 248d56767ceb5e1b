#include "core/edge/inspectiongenerator.h"

#include "core/edge/syntheticpartimage.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace {
constexpr int imageVariants = 6;
const char *const defectTypes[] = {"scratch", "dent", "porosity", "misalignment"};
} // namespace

InspectionGenerator::InspectionGenerator(SimulationSettings settings)
    : m_settings(std::move(settings)), m_random(m_settings.seed)
{
    m_settings.devices = std::max(1, m_settings.devices);
    m_perDevice.fill(0, m_settings.devices);
    if (m_settings.failAfterSeconds <= 0)
        m_settings.failAfterSeconds = m_settings.durationSeconds > 0 ? m_settings.durationSeconds / 3 : 20;
}

QString InspectionGenerator::deviceName(int index)
{
    return QStringLiteral("vqi-cell-%1").arg(index + 1, 2, 10, QLatin1Char('0'));
}

const InspectionGenerator::Image &InspectionGenerator::image(bool defective)
{
    QList<Image> &variants = m_images[defective ? 1 : 0];
    if (variants.size() < imageVariants) {
        Image made;
        made.base64 = SyntheticPartImage::png(defective,
                                              m_settings.seed * 31 + quint32(variants.size()) * 7 + (defective ? 3 : 0),
                                              96, &made.scratch)
                          .toBase64();
        variants.append(made);
        return variants.last();
    }
    return variants[int(m_random.bounded(imageVariants))];
}

QByteArray InspectionGenerator::malformed(qint64 nowMs)
{
    ++m_malformed;
    const double seconds = double(nowMs) / 1000.0;
    switch (m_malformed % 4) {
    case 0:
        return QByteArrayLiteral("{\"device_id\": \"vqi-cell-01\", \"prediction\": \"good\", truncated");
    case 1:
        return QStringLiteral(
                   R"({"device_id":"%1","timestamp":%2,"prediction":"good","confidence":"1.7","inference_latency_ms":"41.20"})")
            .arg(deviceName(0))
            .arg(seconds, 0, 'f', 3)
            .toUtf8();
    case 2:
        return QStringLiteral(
                   R"({"timestamp":%1,"prediction":"defective","confidence":0.91,"inference_latency_ms":38.5})")
            .arg(seconds, 0, 'f', 3)
            .toUtf8();
    default:
        return QStringLiteral(
                   R"({"device_id":"%1","timestamp":%2,"prediction":"unsure","confidence":0.5,"inference_latency_ms":40})")
            .arg(deviceName(1))
            .arg(seconds, 0, 'f', 3)
            .toUtf8();
    }
}

QByteArray InspectionGenerator::next(qint64 nowMs, double elapsedSeconds)
{
    ++m_sequence;
    if (m_settings.malformedEvery > 0 && m_sequence % m_settings.malformedEvery == 0)
        return malformed(nowMs);
    const int device = int((m_sequence - 1) % m_settings.devices);
    const qint64 count = ++m_perDevice[device];
    const bool failing = m_settings.failingDevice && device == m_settings.devices - 1 && m_settings.devices > 1
        && elapsedSeconds >= m_settings.failAfterSeconds;
    // A failed device goes silent at twice its failure time, so the viewer sees it drop offline.
    if (failing && elapsedSeconds >= 2 * m_settings.failAfterSeconds)
        return {};

    const double defectRate = failing ? 0.55 : m_settings.defectRate;
    const bool defective = m_random.generateDouble() < defectRate;
    double confidence = defective ? 0.62 + 0.36 * std::sqrt(m_random.generateDouble())
                                  : 0.80 + 0.199 * std::sqrt(m_random.generateDouble());
    if (m_random.generateDouble() < 0.06)
        confidence = 0.45 + 0.25 * m_random.generateDouble(); // a doubtful part
    if (m_settings.drift && device == 0) {
        // The first device's model drifts: confidence sinks by up to 0.3 over two minutes.
        confidence -= std::min(0.3, elapsedSeconds / 120.0 * 0.3);
    }
    confidence = std::clamp(confidence, 0.01, 0.9999);
    double latency = (32.0 + 4.0 * device) * (0.85 + 0.4 * m_random.generateDouble());
    if (m_random.generateDouble() < 0.02)
        latency *= 3;
    if (failing)
        latency *= 4;

    QJsonObject payload{
        {QStringLiteral("device_id"), deviceName(device)},
        {QStringLiteral("timestamp"), double(nowMs) / 1000.0},
        {QStringLiteral("prediction"), defective ? QStringLiteral("defective") : QStringLiteral("good")}};
    if (device % 2 == 0) {
        payload.insert(QStringLiteral("confidence"), QString::number(confidence, 'f', 4));
        payload.insert(QStringLiteral("inference_latency_ms"), QString::number(latency, 'f', 2));
    } else {
        payload.insert(QStringLiteral("confidence"), std::round(confidence * 10000) / 10000);
        payload.insert(QStringLiteral("inference_latency_ms"), std::round(latency * 100) / 100);
    }
    const bool withImage = m_settings.imageEvery > 0 && count % m_settings.imageEvery == 0;
    const Image *picture = withImage ? &image(defective) : nullptr;
    if (defective) {
        payload.insert(QStringLiteral("defect_type"), QString::fromLatin1(defectTypes[m_random.bounded(4)]));
        // With an image the box is where its scratch is; without, somewhere plausible.
        const QRect box = picture ? picture->scratch
                                  : QRect(int(m_random.bounded(60)), int(m_random.bounded(60)),
                                          8 + int(m_random.bounded(24)), 6 + int(m_random.bounded(18)));
        payload.insert(QStringLiteral("bbox"), QJsonArray{box.x(), box.y(), box.width(), box.height()});
    }
    if (picture)
        payload.insert(QStringLiteral("image_base64"), QString::fromLatin1(picture->base64));
    else if (!withImage && (defective || confidence < 0.7))
        payload.insert(QStringLiteral("image_uri"),
                       QStringLiteral("s3://vqi-review-images/%1/%2.jpg").arg(deviceName(device)).arg(nowMs));
    return QJsonDocument(payload).toJson(QJsonDocument::Compact);
}
