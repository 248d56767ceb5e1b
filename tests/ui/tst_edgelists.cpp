// The Edge panel's lists under a flood: a full review queue takes only the newest few of an update
// and keeps every labelled item; alerts raised together go into the alert list at once, newest
// first, and one cleared in the same update is shown cleared.
#include "ui/edge/alertlist.h"
#include "ui/edge/reviewqueuemodel.h"

#include <QApplication>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QList<InspectionResult> candidates(int first, int count)
{
    QList<InspectionResult> list;
    for (int index = first; index < first + count; ++index) {
        InspectionResult result;
        result.deviceId = u"cam-%1"_s.arg(index % 7);
        result.timestampMs = index;
        result.prediction = u"defective"_s;
        result.defective = true;
        result.confidence = 0.5;
        list << result;
    }
    return list;
}

} // namespace

class TestEdgeLists : public QObject
{
    Q_OBJECT

private slots:
    void aFullQueueTakesTheNewestFewAndKeepsLabels();
    void alertsRaisedTogetherGoInNewestFirst();
};

void TestEdgeLists::aFullQueueTakesTheNewestFewAndKeepsLabels()
{
    ReviewQueueModel queue;
    queue.append(candidates(0, ReviewQueueModel::capacity - 100));
    queue.setLabel(0, ReviewItem::Label::Good);
    // Not full yet: all 200 are taken, the 100 oldest unlabelled make room.
    queue.append(candidates(100'000, 200));
    QCOMPARE(queue.rowCount(), ReviewQueueModel::capacity);
    QCOMPARE(queue.item(0).label, ReviewItem::Label::Good);
    QCOMPARE(queue.item(0).inspection.timestampMs, 0);
    QCOMPARE(queue.item(1).inspection.timestampMs, 101); // 1…100 left
    QCOMPARE(queue.items().last().inspection.timestampMs, 100'199);
    // Full: of the next 200 only the newest takenWhenFull come in, in place of as many of the oldest.
    queue.append(candidates(200'000, 200));
    QCOMPARE(queue.rowCount(), ReviewQueueModel::capacity);
    QCOMPARE(queue.item(0).label, ReviewItem::Label::Good);
    QCOMPARE(queue.item(1).inspection.timestampMs, 101 + ReviewQueueModel::takenWhenFull);
    const QList<ReviewItem> &items = queue.items();
    QCOMPARE(items[items.size() - ReviewQueueModel::takenWhenFull].inspection.timestampMs,
             200'200 - ReviewQueueModel::takenWhenFull);
    QCOMPARE(items.last().inspection.timestampMs, 200'199);
    QCOMPARE(queue.labelledCount(), 1);
}

void TestEdgeLists::alertsRaisedTogetherGoInNewestFirst()
{
    AlertList list;
    QList<EdgeAlert> changes;
    for (int index = 0; index < 3; ++index) {
        EdgeAlert alert;
        alert.deviceId = u"cam-%1"_s.arg(index);
        alert.kind = EdgeAlert::Kind::Latency;
        alert.value = 300 + index;
        alert.raisedAtMs = 1'700'000'000'000 + index * 1000;
        changes << alert;
    }
    EdgeAlert cleared = changes[1];
    cleared.clearedAtMs = cleared.raisedAtMs + 500;
    changes << cleared;
    list.apply(changes);
    QCOMPARE(list.topLevelItemCount(), 3);
    QCOMPARE(list.topLevelItem(0)->text(1), u"cam-2"_s);
    QCOMPARE(list.topLevelItem(1)->text(1), u"cam-1"_s);
    QCOMPARE(list.topLevelItem(2)->text(1), u"cam-0"_s);
    QVERIFY(list.topLevelItem(1)->text(4).startsWith(u"cleared"_s));
    QCOMPARE(list.topLevelItem(0)->text(4), u"active"_s);

    // A later update's alert goes on top of them.
    EdgeAlert later = changes[0];
    later.deviceId = u"cam-9"_s;
    list.apply({later});
    QCOMPARE(list.topLevelItem(0)->text(1), u"cam-9"_s);
    QCOMPARE(list.topLevelItemCount(), 4);
}

QTEST_MAIN(TestEdgeLists)
#include "tst_edgelists.moc"
