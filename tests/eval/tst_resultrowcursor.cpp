#include "core/eval/resultrowcursor.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QList<EvalItem> items(const QList<qint64> &indexes)
{
    QList<EvalItem> made;
    for (qint64 index : indexes) {
        EvalItem item;
        item.index = index;
        item.question = u"question %1"_s.arg(index);
        made << item;
    }
    return made;
}

QList<ItemResult> results(const QList<qint64> &indexes)
{
    QList<ItemResult> made;
    for (qint64 index : indexes) {
        ItemResult result;
        result.itemIndex = index;
        result.response = u"response %1"_s.arg(index);
        made << result;
    }
    return made;
}

// Serves `all` a page at a time and records each request's limit.
template<typename T> std::function<Result<QList<T>>(qint64, int)> pages(QList<T> all, QList<int> *limits = nullptr)
{
    return [all, limits](qint64 offset, int limit) -> Result<QList<T>> {
        if (limits)
            *limits << limit;
        return all.mid(offset, limit);
    };
}

// (item index, question, has a result) for every row.
QStringList walk(ResultRowCursor &cursor)
{
    QStringList rows;
    for (;;) {
        auto next = cursor.next();
        if (!next)
            qFatal("%s", qPrintable(next.error().describe()));
        if (!next.value())
            return rows;
        const ResultRow &row = *next.value();
        if (row.result && row.result->itemIndex != row.item.index)
            qFatal("row joins item %lld with result %lld", row.item.index, row.result->itemIndex);
        rows << u"%1 %2 %3"_s.arg(QString::number(row.item.index), row.item.question.isEmpty() ? u"-"_s : u"q"_s,
                                  row.result ? u"scored"_s : u"unscored"_s);
    }
}

} // namespace

class TestResultRowCursor : public QObject
{
    Q_OBJECT

private slots:
    void joinsItemsAndResultsAcrossPages()
    {
        QList<int> itemLimits, resultLimits;
        ResultRowCursor cursor(pages(items({0, 1, 2, 3, 4}), &itemLimits), pages(results({0, 2, 3, 7}), &resultLimits),
                               2);
        QCOMPARE(walk(cursor),
                 QStringList({u"0 q scored"_s, u"1 q unscored"_s, u"2 q scored"_s, u"3 q scored"_s, u"4 q unscored"_s,
                              u"7 - scored"_s}));
        QCOMPARE(itemLimits, QList<int>({2, 2, 2}));
        QCOMPARE(resultLimits, QList<int>({2, 2, 2})); // the third, empty page tells it the end
    }

    void worksWithoutItems()
    {
        ResultRowCursor cursor(ItemFetcher(), pages(results({1, 2})));
        QCOMPARE(walk(cursor), QStringList({u"1 - scored"_s, u"2 - scored"_s}));
    }

    void emptyRunEndsAtOnce()
    {
        ResultRowCursor cursor(pages(QList<EvalItem>()), pages(QList<ItemResult>()));
        QVERIFY(walk(cursor).isEmpty());
    }

    void passesAFetchersErrorOn()
    {
        int calls = 0;
        ResultFetcher failing = [&calls](qint64 offset, int limit) -> Result<QList<ItemResult>> {
            if (calls++ == 0)
                return results({0, 1}).mid(offset, limit);
            return makeError(Error::Kind::Storage, u"database is locked"_s, u"eval_results"_s);
        };
        ResultRowCursor cursor(pages(items({0, 1, 2, 3})), failing, 2);
        QVERIFY(cursor.next().ok());
        QVERIFY(cursor.next().ok());
        const auto failed = cursor.next();
        QVERIFY(!failed);
        QCOMPARE(failed.error().kind, Error::Kind::Storage);
        QCOMPARE(failed.error().message, u"database is locked"_s);
    }
};

QTEST_GUILESS_MAIN(TestResultRowCursor)
#include "tst_resultrowcursor.moc"
