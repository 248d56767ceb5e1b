#include "ui/common/tabcaptions.h"

#include <QLabel>
#include <QTabBar>
#include <QTabWidget>
#include <QTest>

using namespace Qt::StringLiterals;

// Counts the tab bar's paints: a caption set again, even to the same text, repaints it.
class PaintCounter : public QObject
{
public:
    int count = 0;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        count += event->type() == QEvent::Paint ? 1 : 0;
        return QObject::eventFilter(watched, event);
    }
};

class TabCaptionsTest : public QObject
{
    Q_OBJECT

private slots:
    void theSameTextIsNotSetAgain()
    {
        QTabWidget tabs;
        tabs.addTab(new QLabel, u"Malformed"_s);
        tabs.show();
        QVERIFY(QTest::qWaitForWindowExposed(&tabs));
        TabCaptions captions(&tabs, 1000);
        PaintCounter painted;
        tabs.tabBar()->installEventFilter(&painted);
        QCoreApplication::processEvents();
        painted.count = 0;
        captions.show(0, u"Malformed"_s);
        QCoreApplication::processEvents();
        QCOMPARE(painted.count, 0); // setTabText would have re-laid the bar out and painted it
        captions.show(0, u"Malformed (1)"_s);
        QCOMPARE(tabs.tabText(0), u"Malformed (1)"_s); // the first change shows at once
        QTRY_VERIFY(painted.count > 0); // and the counter does see a caption that changed
    }

    void aCountThatMovesShowsOncePerIntervalAndItsLastValueAfterIt()
    {
        QTabWidget tabs;
        tabs.addTab(new QLabel, u"Malformed"_s);
        TabCaptions captions(&tabs, 200);
        captions.show(0, u"Malformed (1)"_s);
        QCOMPARE(tabs.tabText(0), u"Malformed (1)"_s);
        captions.show(0, u"Malformed (2)"_s);
        captions.show(0, u"Malformed (3)"_s);
        QCOMPARE(tabs.tabText(0), u"Malformed (1)"_s); // held back within the interval
        QTRY_COMPARE_WITH_TIMEOUT(tabs.tabText(0), u"Malformed (3)"_s, 2000); // the last one, once it is over
        captions.show(0, u"Malformed"_s, true);
        QCOMPARE(tabs.tabText(0), u"Malformed"_s); // at once when the caller says so
    }

    void aChangeBackBeforeTheIntervalEndsLeavesTheCaption()
    {
        QTabWidget tabs;
        tabs.addTab(new QLabel, u"Alerts"_s);
        TabCaptions captions(&tabs, 200);
        captions.show(0, u"Alerts (1 active)"_s);
        captions.show(0, u"Alerts (2 active)"_s); // held
        captions.show(0, u"Alerts (1 active)"_s); // back to what is shown: nothing is held any more
        QTest::qWait(400);
        QCOMPARE(tabs.tabText(0), u"Alerts (1 active)"_s);
    }
};

QTEST_MAIN(TabCaptionsTest)
#include "tst_tabcaptions.moc"
