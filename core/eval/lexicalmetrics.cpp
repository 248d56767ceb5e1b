#include "core/eval/lexicalmetrics.h"

#include "core/eval/retrievalmetrics.h"

#include <QHash>
#include <QJsonObject>
#include <QSet>

#include <algorithm>
#include <utility>
#include <vector>

namespace {

bool isIdeographic(char32_t code)
{
    if (code < 0x80) // spares ASCII, the common case, a lookup of its script
        return false;
    // The Hiragana/Katakana block also holds the shared prolonged-sound and iteration marks (script
    // Common), which belong with the kana around them rather than with a neighbouring Latin word.
    if (code >= 0x3040 && code <= 0x30FF)
        return true;
    const QChar::Script script = QChar::script(code);
    return script == QChar::Script_Han || script == QChar::Script_Hiragana || script == QChar::Script_Katakana
        || script == QChar::Script_Bopomofo;
}

QString number(double value)
{
    return QString::number(value, 'f', 2);
}

// Distinct content words in order of first appearance.
QStringList contentWords(const QStringList &tokens)
{
    QStringList words;
    QSet<QString> seen;
    for (const QString &token : tokens) {
        if (!LexicalMetrics::isStopWord(token) && !seen.contains(token)) {
            seen.insert(token);
            words << token;
        }
    }
    return words;
}

QString listOfMissing(const QStringList &missing)
{
    constexpr int shown = 10;
    if (missing.isEmpty())
        return {};
    QString text = QStringLiteral("; not found: ") + missing.mid(0, shown).join(QStringLiteral(", "));
    if (missing.size() > shown)
        text += QStringLiteral(" and %1 more").arg(missing.size() - shown);
    return text;
}

// Shared by context_support and question_overlap: the share of `words` that occur in `haystack`.
void scoreCoverage(MetricScore &score, const QStringList &words, const QSet<QString> &haystack,
                   const QString &description)
{
    QStringList missing;
    for (const QString &word : words)
        if (!haystack.contains(word))
            missing << word;
    const qsizetype found = words.size() - missing.size();
    score.value = double(found) / double(words.size());
    score.explanation = description.arg(number(*score.value)).arg(found).arg(words.size()) + listOfMissing(missing);
    score.details = QJsonArray::fromStringList(missing);
}

void tokenF1(MetricScore &score, const QStringList &response, const QStringList &reference)
{
    QHash<QString, int> available;
    for (const QString &token : reference)
        ++available[token];
    qsizetype common = 0;
    for (const QString &token : response) {
        auto it = available.find(token);
        if (it != available.end() && it.value() > 0) {
            --it.value();
            ++common;
        }
    }
    const double precision = double(common) / double(response.size());
    const double recall = double(common) / double(reference.size());
    score.value = common == 0 ? 0.0 : 2 * precision * recall / (precision + recall);
    score.explanation = QStringLiteral("lexical token F1 %1: precision %2 (%3 of %4 response tokens in the reference), "
                                       "recall %5 (%3 of %6 reference tokens in the response)")
                            .arg(number(*score.value), number(precision))
                            .arg(common)
                            .arg(response.size())
                            .arg(number(recall))
                            .arg(reference.size());
    score.details = {QJsonObject{{QStringLiteral("precision"), precision},
                                 {QStringLiteral("recall"), recall},
                                 {QStringLiteral("common_tokens"), qint64(common)},
                                 {QStringLiteral("response_tokens"), qint64(response.size())},
                                 {QStringLiteral("reference_tokens"), qint64(reference.size())}}};
}

qsizetype longestCommonSubsequence(const QStringList &first, const QStringList &second)
{
    // Two rows of the classic table: memory linear in the shorter side, time quadratic.
    std::vector<qsizetype> previous(size_t(second.size()) + 1, 0), current(previous.size(), 0);
    for (const QString &token : first) {
        for (qsizetype j = 1; j <= second.size(); ++j) {
            current[size_t(j)] = token == second[j - 1] ? previous[size_t(j - 1)] + 1
                                                        : std::max(previous[size_t(j)], current[size_t(j - 1)]);
        }
        std::swap(previous, current);
    }
    return previous.back();
}

void rougeL(MetricScore &score, const QStringList &response, const QStringList &reference)
{
    const qsizetype common = longestCommonSubsequence(response, reference);
    const double precision = double(common) / double(response.size());
    const double recall = double(common) / double(reference.size());
    score.value = common == 0 ? 0.0 : 2 * precision * recall / (precision + recall);
    score.explanation = QStringLiteral("lexical ROUGE-L %1: longest common subsequence of %2 tokens; precision %3 "
                                       "(%2 of %4 response tokens), recall %5 (%2 of %6 reference tokens)")
                            .arg(number(*score.value))
                            .arg(common)
                            .arg(number(precision))
                            .arg(response.size())
                            .arg(number(recall))
                            .arg(reference.size());
    score.details = {QJsonObject{{QStringLiteral("precision"), precision},
                                 {QStringLiteral("recall"), recall},
                                 {QStringLiteral("lcs_tokens"), qint64(common)},
                                 {QStringLiteral("response_tokens"), qint64(response.size())},
                                 {QStringLiteral("reference_tokens"), qint64(reference.size())}}};
}

// One metric, from the response and reference already cut into tokens (the reference only when the
// metric compares with it).
MetricScore scoreTokens(const QString &metric, const EvalItem &item, const QString &response,
                        const QStringList &responseTokens, const QStringList &referenceTokens)
{
    MetricScore score;
    score.metric = metric;
    if (!Metrics::isLexical(metric)) {
        score.error = QStringLiteral("\"%1\" is not a lexical metric (expected one of %2)")
                          .arg(metric, Metrics::lexical().join(QStringLiteral(", ")));
        return score;
    }
    if (Metrics::retrieval().contains(metric))
        return RetrievalMetrics::score(metric, item);
    if (responseTokens.isEmpty()) {
        score.error = response.trimmed().isEmpty() ? QStringLiteral("the response is empty")
                                                   : QStringLiteral("the response has no words, only punctuation");
        return score;
    }

    if (metric == Metrics::lexicalF1 || metric == Metrics::rougeL) {
        if (referenceTokens.isEmpty()) {
            score.error = item.reference.trimmed().isEmpty()
                ? QStringLiteral("the item has no reference to compare with")
                : QStringLiteral("the reference has no words to compare with");
        } else if (metric == Metrics::lexicalF1) {
            tokenF1(score, responseTokens, referenceTokens);
        } else {
            rougeL(score, responseTokens, referenceTokens);
        }
    } else if (metric == Metrics::contextSupport) {
        QSet<QString> contextTokens;
        for (const QString &context : item.contexts)
            for (const QString &token : LexicalMetrics::tokenize(context))
                contextTokens.insert(token);
        const QStringList words = contentWords(responseTokens);
        if (contextTokens.isEmpty())
            score.error = QStringLiteral("the item has no contexts to look the response up in");
        else if (words.isEmpty())
            score.error = QStringLiteral("the response has only stop words, no content words to look up");
        else
            scoreCoverage(score, words, contextTokens,
                          QStringLiteral("lexical context support %1: %2 of %3 content words of the response "
                                         "appear in the contexts"));
    } else {
        const QStringList words = contentWords(LexicalMetrics::tokenize(item.question));
        if (words.isEmpty())
            score.error = QStringLiteral("the question has no content words to look for");
        else
            scoreCoverage(score, words, QSet<QString>(responseTokens.cbegin(), responseTokens.cend()),
                          QStringLiteral("lexical question overlap %1: %2 of %3 content words of the question "
                                         "appear in the response"));
    }
    return score;
}

} // namespace

QStringList LexicalMetrics::tokenize(const QString &text)
{
    // ASCII is already in NFC and lowers by arithmetic; only other text pays for Unicode case mapping
    // and normalization (for a typical ASCII text they were most of the cost).
    const bool ascii
        = std::all_of(text.cbegin(), text.cend(), [](QChar character) { return character.unicode() < 0x80; });
    QString normalized;
    if (ascii) {
        normalized = text;
        for (QChar &character : normalized) {
            if (character >= u'A' && character <= u'Z')
                character = QChar(character.unicode() + (u'a' - u'A'));
        }
    } else {
        normalized = text.toLower().normalized(QString::NormalizationForm_C);
    }
    QStringList tokens;
    // Tokens are cut out of the text by position rather than built a character at a time.
    qsizetype start = -1;
    const auto flush = [&](qsizetype end) {
        if (start >= 0)
            tokens << normalized.mid(start, end - start);
        start = -1;
    };
    for (qsizetype i = 0; i < normalized.size();) {
        char32_t code = normalized.at(i).unicode();
        qsizetype width = 1;
        if (QChar::isHighSurrogate(code) && i + 1 < normalized.size() && normalized.at(i + 1).isLowSurrogate()) {
            code = QChar::surrogateToUcs4(normalized.at(i), normalized.at(i + 1));
            width = 2;
        }
        if (isIdeographic(code) && QChar::isLetterOrNumber(code)) {
            flush(i);
            tokens << normalized.mid(i, width);
        } else if (QChar::isLetterOrNumber(code) || (start >= 0 && QChar::isMark(code))) {
            if (start < 0)
                start = i;
        } else {
            flush(i);
        }
        i += width;
    }
    flush(normalized.size());
    return tokens;
}

bool LexicalMetrics::isStopWord(const QString &token)
{
    static const QSet<QString> words = [] {
        const char *const list[] = {
            "a",      "about", "after",   "all",    "also",   "am",     "an",   "and",    "any",     "are",  "as",
            "at",     "be",    "because", "been",   "before", "being",  "both", "but",    "by",      "can",  "could",
            "did",    "do",    "does",    "doing",  "down",   "during", "each", "few",    "for",     "from", "further",
            "had",    "has",   "have",    "having", "he",     "her",    "here", "hers",   "him",     "his",  "how",
            "i",      "if",    "in",      "into",   "is",     "it",     "its",  "itself", "just",    "may",  "me",
            "might",  "more",  "most",    "must",   "my",     "no",     "nor",  "not",    "of",      "off",  "on",
            "once",   "only",  "or",      "other",  "our",    "ours",   "out",  "over",   "own",     "s",    "same",
            "shall",  "she",   "should",  "so",     "some",   "such",   "t",    "than",   "that",    "the",  "their",
            "theirs", "them",  "then",    "there",  "these",  "they",   "this", "those",  "through", "to",   "too",
            "under",  "until", "up",      "upon",   "us",     "very",   "was",  "we",     "were",    "what", "when",
            "where",  "which", "while",   "who",    "whom",   "why",    "will", "with",   "would",   "you",  "your",
            "yours"};
        QSet<QString> set;
        for (const char *word : list)
            set.insert(QString::fromLatin1(word));
        return set;
    }();
    return words.contains(token);
}

QList<MetricScore> LexicalMetrics::score(const QStringList &metrics, const EvalItem &item, const QString &response)
{
    // The response (about a hundred words for a RAG answer) is read by every metric: cut it once.
    const QStringList responseTokens = tokenize(response);
    const bool comparesWithReference = metrics.contains(Metrics::lexicalF1) || metrics.contains(Metrics::rougeL);
    const QStringList referenceTokens = comparesWithReference ? tokenize(item.reference) : QStringList();
    QList<MetricScore> scores;
    scores.reserve(metrics.size());
    for (const QString &metric : metrics)
        scores << scoreTokens(metric, item, response, responseTokens, referenceTokens);
    return scores;
}

MetricScore LexicalMetrics::score(const QString &metric, const EvalItem &item, const QString &response)
{
    return score(QStringList{metric}, item, response).constFirst();
}

QString LexicalMetrics::label(const QString &metric)
{
    if (Metrics::isLexical(metric))
        return metric + QStringLiteral(" (lexical)");
    if (Metrics::judged().contains(metric))
        return metric + QStringLiteral(" (judge)");
    return metric;
}
