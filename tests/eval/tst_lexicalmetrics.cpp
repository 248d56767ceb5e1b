#include "core/eval/lexicalmetrics.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {

EvalItem item(const QString &question, const QStringList &contexts, const QString &reference)
{
    EvalItem made;
    made.question = question;
    made.contexts = contexts;
    made.reference = reference;
    return made;
}

} // namespace

class TestLexicalMetrics : public QObject
{
    Q_OBJECT

private slots:
    void tokenize_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("tokens");
        QTest::newRow("umlauts and punctuation")
            << QStringLiteral("Grüße, Welt!") << QStringList{u"grüße"_s, u"welt"_s};
        QTest::newRow("apostrophe, hyphen, digits")
            << QStringLiteral("The QUICK brown-fox's 42 jumps")
            << QStringList{u"the"_s, u"quick"_s, u"brown"_s, u"fox"_s, u"s"_s, u"42"_s, u"jumps"_s};
        QTest::newRow("japanese: one token per character")
            << QStringLiteral("東京は日本の首都です。")
            << QStringList{u"東"_s, u"京"_s, u"は"_s, u"日"_s, u"本"_s, u"の"_s, u"首"_s, u"都"_s, u"で"_s, u"す"_s};
        QTest::newRow("latin next to han")
            << QStringLiteral("Qt6東京tower") << QStringList{u"qt6"_s, u"東"_s, u"京"_s, u"tower"_s};
        QTest::newRow("cyrillic") << QStringLiteral("Привет, МИР") << QStringList{u"привет"_s, u"мир"_s};
        QTest::newRow("decomposed accent joins its letter")
            << QStringLiteral("Cafe\u0301 ok") << QStringList{u"café"_s, u"ok"_s};
        QTest::newRow("outside the basic plane") << QStringLiteral("𝐀bc 😀 x") << QStringList{u"𝐀bc"_s, u"x"_s};
        QTest::newRow("punctuation only") << QStringLiteral("!!! ... --") << QStringList{};
        QTest::newRow("empty") << QString() << QStringList{};
    }

    void tokenize()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, tokens);
        QCOMPARE(LexicalMetrics::tokenize(text), tokens);
    }

    void tokenF1CountsSharedTokens()
    {
        // the cat sat on the mat / a cat sat on a mat today: 4 shared of 6 and 7 → F1 = 8/13.
        const MetricScore score
            = LexicalMetrics::score(Metrics::lexicalF1, item({}, {}, QStringLiteral("A cat sat on a mat today")),
                                    QStringLiteral("The cat sat on the mat"));
        QVERIFY(score.value);
        QCOMPARE(*score.value, 8.0 / 13.0);
        QVERIFY(score.error.isEmpty());
        QCOMPARE(score.explanation,
                 QStringLiteral("lexical token F1 0.62: precision 0.67 (4 of 6 response tokens in the reference), "
                                "recall 0.57 (4 of 7 reference tokens in the response)"));
        QCOMPARE(score.details.first().toObject().value(u"common_tokens"_s).toInt(), 4);
    }

    void tokenF1UsesMultisetCounts()
    {
        // "the" three times in the response matches the reference's single "the" once: P 1/3, R 1/2.
        const MetricScore score = LexicalMetrics::score(Metrics::lexicalF1, item({}, {}, QStringLiteral("the cat")),
                                                        QStringLiteral("the the the"));
        QCOMPARE(*score.value, 0.4);
    }

    void tokenF1IsUnicodeAware()
    {
        const MetricScore score
            = LexicalMetrics::score(Metrics::lexicalF1, item({}, {}, QStringLiteral("grüße AUS münchen!")),
                                    QStringLiteral("Grüße aus München"));
        QCOMPARE(*score.value, 1.0);
    }

    void noOverlapIsAZeroNotAnError()
    {
        const MetricScore score
            = LexicalMetrics::score(Metrics::lexicalF1, item({}, {}, QStringLiteral("cat")), QStringLiteral("dog"));
        QVERIFY(score.value);
        QCOMPARE(*score.value, 0.0);
    }

    void rougeLFollowsTheLongestCommonSubsequence()
    {
        const EvalItem reference = item({}, {}, QStringLiteral("the cat was on the mat"));
        const MetricScore score
            = LexicalMetrics::score(Metrics::rougeL, reference, QStringLiteral("the cat sat on the mat"));
        QCOMPARE(*score.value, 5.0 / 6.0);
        QVERIFY(score.explanation.startsWith(u"lexical ROUGE-L 0.83: longest common subsequence of 5 tokens"_s));
    }

    void rougeLPunishesWordOrderWhereF1DoesNot()
    {
        const EvalItem reference = item({}, {}, QStringLiteral("cat sat on the mat"));
        const QString shuffled = QStringLiteral("mat the on sat cat");
        QCOMPARE(*LexicalMetrics::score(Metrics::lexicalF1, reference, shuffled).value, 1.0);
        QCOMPARE(*LexicalMetrics::score(Metrics::rougeL, reference, shuffled).value, 0.2);
    }

    void rougeLOnJapanese()
    {
        // 5 response characters all in order within the 8 of the reference: P 1, R 5/8.
        const MetricScore score = LexicalMetrics::score(
            Metrics::rougeL, item({}, {}, QStringLiteral("東京は日本の首都")), QStringLiteral("東京は首都"));
        QCOMPARE(*score.value, 2 * 0.625 / 1.625);
    }

    void contextSupportCountsDistinctContentWords()
    {
        const EvalItem withContexts = item(
            {}, {QStringLiteral("Paris is the capital of France."), QStringLiteral("It has 2 million inhabitants.")},
            {});
        const MetricScore score = LexicalMetrics::score(
            Metrics::contextSupport, withContexts, QStringLiteral("Paris is the capital and largest city of France"));
        QCOMPARE(*score.value, 0.6);
        QCOMPARE(score.explanation,
                 QStringLiteral("lexical context support 0.60: 3 of 5 content words of the response "
                                "appear in the contexts; not found: largest, city"));
        QCOMPARE(score.details, QJsonArray({u"largest"_s, u"city"_s}));

        const MetricScore repeated
            = LexicalMetrics::score(Metrics::contextSupport, withContexts, QStringLiteral("Paris Paris Paris city"));
        QCOMPARE(*repeated.value, 0.5);
    }

    void questionOverlapLooksForTheQuestionsWords()
    {
        const MetricScore score = LexicalMetrics::score(Metrics::questionOverlap,
                                                        item(QStringLiteral("What is the capital of France?"), {}, {}),
                                                        QStringLiteral("Paris is the capital."));
        QCOMPARE(*score.value, 0.5);
        QCOMPARE(score.explanation,
                 QStringLiteral("lexical question overlap 0.50: 1 of 2 content words of the question "
                                "appear in the response; not found: france"));
    }

    void notApplicableHasNoValueAndSaysWhy_data()
    {
        QTest::addColumn<QString>("metric");
        QTest::addColumn<QString>("question");
        QTest::addColumn<QStringList>("contexts");
        QTest::addColumn<QString>("reference");
        QTest::addColumn<QString>("response");
        QTest::addColumn<QString>("reason");
        const QString answer = QStringLiteral("Paris is the capital");
        QTest::newRow("f1 without reference")
            << Metrics::lexicalF1 << u"q"_s << QStringList{} << QString() << answer << u"no reference"_s;
        QTest::newRow("rouge with blank reference")
            << Metrics::rougeL << u"q"_s << QStringList{} << u"  "_s << answer << u"no reference"_s;
        QTest::newRow("reference of punctuation")
            << Metrics::lexicalF1 << u"q"_s << QStringList{} << u"?!"_s << answer << u"reference has no words"_s;
        QTest::newRow("empty response") << Metrics::lexicalF1 << u"q"_s << QStringList{} << u"Paris"_s << QString()
                                        << u"response is empty"_s;
        QTest::newRow("response of punctuation")
            << Metrics::rougeL << u"q"_s << QStringList{} << u"Paris"_s << u"..."_s << u"no words"_s;
        QTest::newRow("no contexts") << Metrics::contextSupport << u"q"_s << QStringList{} << QString() << answer
                                     << u"no contexts"_s;
        QTest::newRow("blank contexts") << Metrics::contextSupport << u"q"_s << QStringList{u" "_s} << QString()
                                        << answer << u"no contexts"_s;
        QTest::newRow("only stop words") << Metrics::contextSupport << u"q"_s << QStringList{u"ctx"_s} << QString()
                                         << u"It is what it is"_s << u"only stop words"_s;
        QTest::newRow("question of stop words") << Metrics::questionOverlap << u"What is it?"_s << QStringList{}
                                                << QString() << answer << u"question has no content words"_s;
        QTest::newRow("unknown metric") << u"bleu"_s << u"q"_s << QStringList{} << u"Paris"_s << answer
                                        << u"not a lexical metric"_s;
    }

    void notApplicableHasNoValueAndSaysWhy()
    {
        QFETCH(QString, metric);
        QFETCH(QString, question);
        QFETCH(QStringList, contexts);
        QFETCH(QString, reference);
        QFETCH(QString, response);
        QFETCH(QString, reason);
        const MetricScore score = LexicalMetrics::score(metric, item(question, contexts, reference), response);
        QCOMPARE(score.metric, metric);
        QVERIFY(!score.value.has_value());
        QVERIFY2(score.error.contains(reason), qPrintable(score.error));
    }

    void manyMetricsAtOnceScoreAsOneAtATime_data()
    {
        QTest::addColumn<QString>("response");
        QTest::newRow("answer") << u"Paris is the capital of France, on the Seine."_s;
        QTest::newRow("stop words only") << u"It is what it is"_s;
        QTest::newRow("empty") << QString();
    }

    void manyMetricsAtOnceScoreAsOneAtATime()
    {
        // The list form cuts the texts once for all metrics; what each metric says must not change.
        QFETCH(QString, response);
        const EvalItem paris
            = item(u"What is the capital of France?"_s, {u"Paris, on the Seine, is France's capital."_s},
                   u"The capital of France is Paris."_s);
        const QStringList metrics = Metrics::lexical() + QStringList{u"bleu"_s};
        const QList<MetricScore> together = LexicalMetrics::score(metrics, paris, response);
        QCOMPARE(together.size(), metrics.size());
        for (qsizetype i = 0; i < metrics.size(); ++i) {
            const MetricScore alone = LexicalMetrics::score(metrics[i], paris, response);
            QCOMPARE(together[i].metric, metrics[i]);
            QCOMPARE(together[i].value, alone.value);
            QCOMPARE(together[i].explanation, alone.explanation);
            QCOMPARE(together[i].details, alone.details);
            QCOMPARE(together[i].error, alone.error);
        }
    }

    void labelsSayLexical()
    {
        QCOMPARE(LexicalMetrics::label(Metrics::rougeL), u"rouge_l (lexical)"_s);
        QCOMPARE(LexicalMetrics::label(Metrics::faithfulness), u"faithfulness (judge)"_s);
        QCOMPARE(LexicalMetrics::label(u"custom"_s), u"custom"_s);
    }
};

QTEST_GUILESS_MAIN(TestLexicalMetrics)
#include "tst_lexicalmetrics.moc"
