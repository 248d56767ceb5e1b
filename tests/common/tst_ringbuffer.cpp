#include "core/common/ringbuffer.h"

#include <QString>
#include <QTest>

#include <deque>
#include <random>

// Each test checks the ring against a std::deque trimmed from the front by hand: the same values,
// in the same order, whatever the mix of appends and drops.
class RingBufferTest : public QObject
{
    Q_OBJECT

    static void compare(const RingBuffer<QString> &ring, const std::deque<QString> &expected)
    {
        QCOMPARE(ring.size(), expected.size());
        for (std::size_t index = 0; index < expected.size(); ++index)
            QCOMPARE(ring[index], expected[index]);
    }

private slots:
    void aFullRingLetsItsOldestGoFirst()
    {
        RingBuffer<QString> ring(3);
        QVERIFY(ring.isEmpty());
        for (const char *value : {"a", "b", "c", "d", "e"})
            ring.append(QString::fromLatin1(value));
        QVERIFY(ring.isFull());
        compare(ring, {QStringLiteral("c"), QStringLiteral("d"), QStringLiteral("e")});
    }

    void dropsAndAppendsInAnyOrderKeepTheNewestInOrder()
    {
        std::mt19937 random(7);
        RingBuffer<QString> ring(50);
        std::deque<QString> expected;
        int next = 0;
        for (int step = 0; step < 5000; ++step) {
            if (random() % 4 == 0) {
                const std::size_t count = random() % 20;
                ring.dropOldest(count);
                expected.erase(expected.begin(), expected.begin() + std::ptrdiff_t(std::min(count, expected.size())));
            } else {
                const QString value = QString::number(next++);
                ring.append(value);
                expected.push_back(value);
                if (expected.size() > 50)
                    expected.pop_front();
            }
            if (step % 97 == 0)
                compare(ring, expected);
        }
        compare(ring, expected);
        ring.clear();
        QVERIFY(ring.isEmpty());
        ring.append(QStringLiteral("again"));
        compare(ring, {QStringLiteral("again")});
    }
};

QTEST_APPLESS_MAIN(RingBufferTest)
#include "tst_ringbuffer.moc"
