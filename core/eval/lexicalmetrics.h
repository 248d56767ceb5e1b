#pragma once

#include "core/eval/evaltypes.h"

#include <QString>
#include <QStringList>

// Metrics that need no model: they compare words, not meaning, so they are cheap, deterministic and
// blind to paraphrase. Everything they produce says "lexical" so nobody mistakes them for judge scores.
class LexicalMetrics
{
public:
    // Lower-cased words of `text`: runs of letters and digits (with their combining marks) after NFC
    // normalisation; anything else separates. Han, Hiragana and Katakana characters are one token each,
    // since those scripts put no spaces between words. "Grüße, Welt!" → ["grüße", "welt"].
    static QStringList tokenize(const QString &text);

    // True for the built-in English stop words ("the", "is", "of" …) that carry no content.
    static bool isStopWord(const QString &token);

    // One of Metrics::lexical() for one item. A metric that cannot apply (empty response, no reference
    // for lexical_f1 / rouge_l, no contexts for context_support) has no value and says why in `error`.
    //   lexical_f1       SQuAD-style token F1 with multiset counts, response against reference
    //   rouge_l          F-measure (β = 1) of the longest common token subsequence
    //   context_support  share of the response's distinct content words found in the contexts
    //   question_overlap share of the question's distinct content words found in the response
    static MetricScore score(const QString &metric, const EvalItem &item, const QString &response);
    // One score per metric, in the order given, with each text cut into tokens once for all of them.
    static QList<MetricScore> score(const QStringList &metrics, const EvalItem &item, const QString &response);

    // The metric's name as reports show it: lexical metrics carry " (lexical)", judge metrics " (judge)".
    static QString label(const QString &metric);
};
