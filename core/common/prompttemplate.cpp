#include "core/common/prompttemplate.h"

#include <QRegularExpression>

namespace {

const QRegularExpression &placeholderPattern()
{
    static const QRegularExpression pattern(QStringLiteral(R"(\{\{\s*([A-Za-z_][A-Za-z0-9_.\-]*)\s*\}\})"));
    return pattern;
}

} // namespace

QStringList PromptTemplate::variables(const QString &text)
{
    QStringList names;
    auto matches = placeholderPattern().globalMatch(text);
    while (matches.hasNext()) {
        const QString name = matches.next().captured(1);
        if (!names.contains(name))
            names << name;
    }
    return names;
}

Result<QString> PromptTemplate::render(const QString &text, const QMap<QString, QString> &values)
{
    QString rendered;
    rendered.reserve(text.size());
    QStringList missing;
    qsizetype copiedUpTo = 0;
    auto matches = placeholderPattern().globalMatch(text);
    while (matches.hasNext()) {
        const QRegularExpressionMatch match = matches.next();
        const QString name = match.captured(1);
        rendered += QStringView(text).mid(copiedUpTo, match.capturedStart() - copiedUpTo);
        copiedUpTo = match.capturedEnd();
        const auto value = values.constFind(name);
        if (value != values.constEnd())
            rendered += value.value();
        else if (!missing.contains(name))
            missing << name;
    }
    if (!missing.isEmpty())
        return makeError(
            Error::Kind::Input,
            tr("no value for %n variable(s): %1", nullptr, int(missing.size())).arg(missing.join(QStringLiteral(", "))),
            tr("prompt template"));
    rendered += QStringView(text).mid(copiedUpTo);
    return rendered;
}
