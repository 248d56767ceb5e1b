#pragma once

#include "core/common/result.h"

#include <QCoreApplication>
#include <QMap>
#include <QString>
#include <QStringList>

// Prompt text with `{{ name }}` placeholders. Anything between braces that is not a valid name
// (`{{`, `{{ 1x }}`, JSON) is ordinary text and stays as it is.
class PromptTemplate
{
    Q_DECLARE_TR_FUNCTIONS(PromptTemplate)

public:
    // Names in order of first appearance, each once.
    static QStringList variables(const QString &text);

    // Substitutes in one pass, so a value that itself contains `{{ x }}` is not expanded again.
    // Fails naming every variable without a value; values for names not in the text are ignored.
    static Result<QString> render(const QString &text, const QMap<QString, QString> &values);
};
