#include "core/common/textdiff.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTest>

namespace {

QString joinLines(const QStringList &lines)
{
    return lines.isEmpty() ? QString() : lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

// A diff is right when both texts can be rebuilt from it and its line numbers count up on each side.
void verifyRebuilds(const QList<DiffLine> &diff, const QStringList &before, const QStringList &after)
{
    QStringList oldSide, newSide;
    int expectedOld = 1, expectedNew = 1;
    for (const DiffLine &line : diff) {
        if (line.kind != DiffLine::Kind::Added) {
            QCOMPARE(line.oldLine, expectedOld++);
            oldSide << line.text;
        } else {
            QCOMPARE(line.oldLine, 0);
        }
        if (line.kind != DiffLine::Kind::Removed) {
            QCOMPARE(line.newLine, expectedNew++);
            newSide << line.text;
        } else {
            QCOMPARE(line.newLine, 0);
        }
    }
    QCOMPARE(oldSide, before);
    QCOMPARE(newSide, after);
}

int changes(const QList<DiffLine> &diff)
{
    return int(std::count_if(diff.cbegin(), diff.cend(),
                             [](const DiffLine &line) { return line.kind != DiffLine::Kind::Same; }));
}

QStringList numbered(int count, const QString &stem)
{
    QStringList lines;
    for (int i = 0; i < count; ++i)
        lines << stem + QString::number(i);
    return lines;
}

} // namespace

class TestTextDiff : public QObject
{
    Q_OBJECT

private slots:
    void identicalTextsAreAllSame()
    {
        const QString text = QStringLiteral("a\nb\nc\n");
        const auto diff = TextDiff::lines(text, text);
        QCOMPARE(diff.size(), 3);
        QCOMPARE(changes(diff), 0);
        QVERIFY(TextDiff::unified(diff).isEmpty());
    }

    void emptySides()
    {
        QVERIFY(TextDiff::lines({}, {}).isEmpty());
        const auto added = TextDiff::lines({}, QStringLiteral("x\ny"));
        QCOMPARE(added.size(), 2);
        QCOMPARE(added.at(0).kind, DiffLine::Kind::Added);
        QCOMPARE(added.at(1).newLine, 2);
        const auto removed = TextDiff::lines(QStringLiteral("x\ny"), {});
        QCOMPARE(removed.size(), 2);
        QCOMPARE(removed.at(1).kind, DiffLine::Kind::Removed);
        QCOMPARE(removed.at(1).oldLine, 2);
    }

    void findsAMinimalDiff()
    {
        // The classic example from Myers' paper: ABCABBA → CBABAC needs five edits.
        const QStringList before = QStringLiteral("A B C A B B A").split(QLatin1Char(' '));
        const QStringList after = QStringLiteral("C B A B A C").split(QLatin1Char(' '));
        const auto diff = TextDiff::lines(joinLines(before), joinLines(after));
        verifyRebuilds(diff, before, after);
        QCOMPARE(changes(diff), 5);
    }

    void changedLineIsRemovedThenAdded()
    {
        const auto diff = TextDiff::lines(QStringLiteral("one\ntwo\nthree"), QStringLiteral("one\n2\nthree\nfour"));
        QCOMPARE(diff.size(), 5);
        QCOMPARE(diff.at(1).kind, DiffLine::Kind::Removed);
        QCOMPARE(diff.at(1).text, QStringLiteral("two"));
        QCOMPARE(diff.at(2).kind, DiffLine::Kind::Added);
        QCOMPARE(diff.at(2).text, QStringLiteral("2"));
        QCOMPARE(diff.at(3).kind, DiffLine::Kind::Same);
        QCOMPARE(diff.at(3).oldLine, 3);
        QCOMPARE(diff.at(3).newLine, 3);
        QCOMPARE(diff.at(4).kind, DiffLine::Kind::Added);
        QCOMPARE(diff.at(4).newLine, 4);
    }

    void crlfAndFinalNewlineDoNotCount()
    {
        QCOMPARE(changes(TextDiff::lines(QStringLiteral("a\r\nb\r\n"), QStringLiteral("a\nb"))), 0);
        const auto blankLine = TextDiff::lines(QStringLiteral("a\n"), QStringLiteral("a\n\n"));
        QCOMPARE(changes(blankLine), 1);
        QCOMPARE(blankLine.last().text, QString());
    }

    void unifiedHasHunksWithContext()
    {
        QStringList before = numbered(20, QStringLiteral("line "));
        QStringList after = before;
        after[4] = QStringLiteral("changed 4");
        after.insert(15, QStringLiteral("inserted"));
        const QString unified = TextDiff::unified(TextDiff::lines(joinLines(before), joinLines(after)));
        const QString expected
            = QStringLiteral("@@ -2,7 +2,7 @@\n"
                             " line 1\n line 2\n line 3\n-line 4\n+changed 4\n line 5\n line 6\n line 7\n"
                             "@@ -13,6 +13,7 @@\n"
                             " line 12\n line 13\n line 14\n+inserted\n line 15\n line 16\n line 17\n");
        QCOMPARE(unified, expected);

        const QString whole = TextDiff::unified(TextDiff::lines(QStringLiteral("a\nb"), QStringLiteral("a\nc")), -1);
        QCOMPARE(whole, QStringLiteral("@@ -1,2 +1,2 @@\n a\n-b\n+c\n"));
        QCOMPARE(TextDiff::unified(TextDiff::lines({}, QStringLiteral("new"))),
                 QStringLiteral("@@ -0,0 +1,1 @@\n+new\n"));
    }

    void randomEditsRebuild()
    {
        QRandomGenerator random(42);
        for (int round = 0; round < 200; ++round) {
            QStringList before, after;
            const int size = int(random.bounded(30));
            for (int i = 0; i < size; ++i)
                before << QString(QChar(u'a' + char16_t(random.bounded(4))));
            after = before;
            const int edits = int(random.bounded(8));
            for (int e = 0; e < edits; ++e) {
                const int choice = int(random.bounded(3));
                const int at = after.isEmpty() ? 0 : int(random.bounded(int(after.size())));
                if (choice == 0 || after.isEmpty())
                    after.insert(at, QString(QChar(u'a' + char16_t(random.bounded(4)))));
                else if (choice == 1)
                    after.removeAt(at);
                else
                    after[at] = QStringLiteral("z");
            }
            const auto diff = TextDiff::lines(joinLines(before), joinLines(after));
            verifyRebuilds(diff, before, after);
            if (QTest::currentTestFailed())
                return;
            // Never worse than replacing every line, and no more than two changes per edit.
            QVERIFY(changes(diff) <= before.size() + after.size());
            QVERIFY(changes(diff) <= 2 * edits);
        }
    }

    void thousandsOfLinesAreQuick()
    {
        const QStringList before = numbered(4000, QStringLiteral("old "));
        QStringList edited = before;
        for (int i = 0; i < edited.size(); i += 97)
            edited[i] = QStringLiteral("edited ") + QString::number(i);
        const QStringList unrelated = numbered(4000, QStringLiteral("new "));

        QElapsedTimer timer;
        timer.start();
        const auto few = TextDiff::lines(joinLines(before), joinLines(edited));
        const auto all = TextDiff::lines(joinLines(before), joinLines(unrelated));
        const qint64 elapsed = timer.elapsed();
        verifyRebuilds(few, before, edited);
        verifyRebuilds(all, before, unrelated);
        QCOMPARE(changes(few), 2 * 42);
        QCOMPARE(changes(all), 8000);
        QVERIFY2(elapsed < 3000, qPrintable(QStringLiteral("took %1 ms").arg(elapsed)));
    }
};

QTEST_GUILESS_MAIN(TestTextDiff)
#include "tst_textdiff.moc"
