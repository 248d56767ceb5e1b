#pragma once

#include <QByteArray>
#include <QJsonValue>

// One byte sequence per JSON value, so a hash over it can be recomputed by anyone: object keys
// sorted by UTF-16 code units (as RFC 8785 does), no whitespace, strings as UTF-8 with only the
// characters JSON requires escaped, integral numbers without a fraction, other numbers in their
// shortest round-trip form.
class CanonicalJson
{
public:
    static QByteArray serialize(const QJsonValue &value);

private:
    static void append(QByteArray &out, const QJsonValue &value);
    static void appendString(QByteArray &out, const QString &text);
    static void appendNumber(QByteArray &out, double number);
};
