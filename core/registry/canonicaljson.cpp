#include "core/registry/canonicaljson.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QStringList>

#include <cmath>

QByteArray CanonicalJson::serialize(const QJsonValue &value)
{
    QByteArray out;
    append(out, value);
    return out;
}

void CanonicalJson::append(QByteArray &out, const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out += "null";
        return;
    case QJsonValue::Bool:
        out += value.toBool() ? "true" : "false";
        return;
    case QJsonValue::Double:
        appendNumber(out, value.toDouble());
        return;
    case QJsonValue::String:
        appendString(out, value.toString());
        return;
    case QJsonValue::Array: {
        out += '[';
        const QJsonArray array = value.toArray();
        for (qsizetype index = 0; index < array.size(); ++index) {
            if (index > 0)
                out += ',';
            append(out, array.at(index));
        }
        out += ']';
        return;
    }
    case QJsonValue::Object: {
        const QJsonObject object = value.toObject();
        // Sorted here rather than trusting QJsonObject's storage order, which Qt does not promise.
        QStringList keys = object.keys();
        keys.sort(Qt::CaseSensitive);
        out += '{';
        for (qsizetype index = 0; index < keys.size(); ++index) {
            if (index > 0)
                out += ',';
            appendString(out, keys.at(index));
            out += ':';
            append(out, object.value(keys.at(index)));
        }
        out += '}';
        return;
    }
    }
}

void CanonicalJson::appendString(QByteArray &out, const QString &text)
{
    static const char hex[] = "0123456789abcdef";
    out += '"';
    for (const char byte : text.toUtf8()) {
        const auto code = static_cast<unsigned char>(byte);
        switch (byte) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (code < 0x20) {
                out += "\\u00";
                out += hex[code >> 4];
                out += hex[code & 0xf];
            } else {
                out += byte;
            }
        }
    }
    out += '"';
}

void CanonicalJson::appendNumber(QByteArray &out, double number)
{
    // Integers read back from JSON text may arrive as doubles; both must give the same bytes.
    constexpr double exactIntegerLimit = 9007199254740992.0; // 2^53
    if (!std::isfinite(number)) {
        out += "null";
    } else if (number == std::floor(number) && std::fabs(number) < exactIntegerLimit) {
        out += QByteArray::number(static_cast<qint64>(number));
    } else {
        out += QByteArray::number(number, 'g', QLocale::FloatingPointShortest);
    }
}
