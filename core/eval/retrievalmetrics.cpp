#include "core/eval/retrievalmetrics.h"

#include "core/eval/lexicalmetrics.h"

#include <QJsonArray>
#include <QSet>

namespace {

QSet<QString> contentWords(const QString &text)
{
    QSet<QString> words;
    for (const QString &token : LexicalMetrics::tokenize(text))
        if (!LexicalMetrics::isStopWord(token))
            words.insert(token);
    return words;
}

QString number(double value)
{
    return QString::number(value, 'f', 3);
}

} // namespace

MetricScore RetrievalMetrics::score(const QString &metric, const EvalItem &item)
{
    MetricScore score;
    score.metric = metric;
    const QSet<QString> reference = contentWords(item.reference);
    if (reference.isEmpty()) {
        score.error = item.reference.trimmed().isEmpty()
            ? QStringLiteral("the item has no reference to look for in the contexts")
            : QStringLiteral("the reference has no content words to look for");
        return score;
    }
    if (item.contexts.isEmpty()) {
        score.error = QStringLiteral("nothing was retrieved for this item");
        return score;
    }
    if (metric == Metrics::contextRecall) {
        QSet<QString> found;
        for (const QString &context : item.contexts)
            found.unite(contentWords(context).intersect(reference));
        score.value = double(found.size()) / double(reference.size());
        score.explanation = QStringLiteral("lexical context recall %1: %2 of %3 content words of the reference appear "
                                           "in the %4 retrieved contexts")
                                .arg(number(*score.value))
                                .arg(found.size())
                                .arg(reference.size())
                                .arg(item.contexts.size());
        return score;
    }
    // Average precision over the ranks that hold a relevant context.
    qsizetype relevant = 0;
    double precisionSum = 0;
    QJsonArray ranks;
    for (qsizetype rank = 0; rank < item.contexts.size(); ++rank) {
        const double share
            = double(contentWords(item.contexts[rank]).intersect(reference).size()) / double(reference.size());
        const bool isRelevant = share >= relevantShare;
        if (isRelevant) {
            ++relevant;
            precisionSum += double(relevant) / double(rank + 1);
        }
        ranks.append(QJsonObject{{QStringLiteral("rank"), qint64(rank + 1)},
                                 {QStringLiteral("reference_share"), share},
                                 {QStringLiteral("relevant"), isRelevant}});
    }
    score.value = relevant == 0 ? 0.0 : precisionSum / double(relevant);
    score.details = ranks;
    score.explanation = QStringLiteral("lexical context precision %1: %2 of %3 retrieved contexts hold at least %4 % "
                                       "of the reference's content words, weighted by rank")
                            .arg(number(*score.value))
                            .arg(relevant)
                            .arg(item.contexts.size())
                            .arg(relevantShare * 100, 0, 'f', 0);
    return score;
}
