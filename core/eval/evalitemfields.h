#pragma once

#include "core/eval/evaltypes.h"

#include <QCoreApplication>

// Reads a golden-dataset record whatever names it uses: Ragas (user_input, retrieved_contexts,
// response, reference), legacy Ragas (question, contexts, answer, ground_truth), Bedrock (query,
// expected_response) or Bedrock's own conversationTurns. Fields it does not use stay in `extra`.
class EvalItemFields
{
    Q_DECLARE_TR_FUNCTIONS(EvalItemFields)

public:
    // Fills question, contexts, response, reference and extra; returns why the record cannot be an
    // item (it has no question), or an empty string.
    static QString read(const QJsonObject &object, EvalItem &item);

    // Contexts as a list of strings, from an array of strings or of {text} objects, or one string.
    static QStringList contexts(const QJsonValue &value);
    // A scalar as text; objects and arrays as compact JSON.
    static QString text(const QJsonValue &value);
    // Bedrock's message shape {content:[{text}]}, its text blocks joined.
    static QString contentText(const QJsonValue &message);
    static QString noQuestionReason();
};
