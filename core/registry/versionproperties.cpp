#include "core/registry/versionproperties.h"

#include <QDateTime>
#include <QRegularExpression>

#include <cmath>

QMap<QString, QString> VersionProperties::toProperties(const ModelVersion &version)
{
    QMap<QString, QString> properties;
    for (auto it = version.metrics.cbegin(); it != version.metrics.cend(); ++it)
        properties.insert(MetricPrefix + it.key(), QString::number(it.value(), 'g', 12));
    if (!version.evalRunIds.isEmpty()) {
        QStringList ids;
        for (qint64 id : version.evalRunIds)
            ids.append(QString::number(id));
        properties.insert(EvalRunsKey, ids.join(u' '));
    }
    return properties;
}

void VersionProperties::read(const QMap<QString, QString> &properties, ModelVersion &version)
{
    static const QRegularExpression separators(QStringLiteral("[\\s,;]+"));
    for (auto it = properties.cbegin(); it != properties.cend(); ++it) {
        if (it.key().startsWith(MetricPrefix)) {
            bool ok = false;
            const double value = it.value().trimmed().toDouble(&ok);
            if (ok)
                version.metrics.insert(it.key().mid(MetricPrefix.size()), value);
        } else if (it.key() == EvalRunsKey) {
            for (const QString &text : it.value().split(separators, Qt::SkipEmptyParts)) {
                bool ok = false;
                const qint64 id = text.toLongLong(&ok);
                if (ok && !version.evalRunIds.contains(id))
                    version.evalRunIds.append(id);
            }
        }
    }
}

QString VersionProperties::truncated(const QString &text, qsizetype limit)
{
    if (text.size() <= limit)
        return text;
    const QString note = QStringLiteral(" … [truncated from %1 characters; the full comment is in the "
                                        "workbench audit trail]")
                             .arg(text.size());
    qsizetype keep = qMax<qsizetype>(0, limit - note.size());
    // Never split a surrogate pair: half a character is not valid UTF-16.
    if (keep > 0 && text.at(keep - 1).isHighSurrogate())
        --keep;
    return QString(text.left(keep) + note).left(limit);
}

QString VersionProperties::isoFromEpochMs(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

QString VersionProperties::isoFromEpoch(const QJsonValue &value, double unitMs)
{
    bool ok = value.isDouble();
    double count = value.toDouble();
    if (value.isString())
        count = value.toString().toDouble(&ok);
    // ±8.64e15 ms (ECMAScript's range, 275,000 years) holds every real timestamp and lies far inside
    // qint64, so the conversion below is always defined; converting 1e87 would not be.
    constexpr double Limit = 8.64e15;
    const double ms = count * unitMs;
    if (!ok || !std::isfinite(ms) || std::abs(ms) > Limit)
        return {};
    return isoFromEpochMs(static_cast<qint64>(std::llround(ms)));
}
