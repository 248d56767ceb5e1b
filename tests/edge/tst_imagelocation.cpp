// ImageLocation against a real folder with files, subfolders and symbolic links in and out of it:
// what a device's image_uri may name and what it may not.

#include "core/edge/imagelocation.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestImageLocation : public QObject
{
    Q_OBJECT

    QTemporaryDir m_root;
    QString m_images; // the chosen folder, inside m_root
    QString m_outside; // a file beside it that no payload may reach

    static bool touch(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::WriteOnly) && file.write("png") == 3;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_root.isValid());
        m_images = m_root.filePath(u"images"_s);
        m_outside = m_root.filePath(u"secret.png"_s);
        QVERIFY(QDir().mkpath(m_images + u"/sub"_s));
        QVERIFY(touch(m_images + u"/a.png"_s));
        QVERIFY(touch(m_images + u"/sub/b.png"_s));
        QVERIFY(touch(m_outside));
        QVERIFY(QFile::link(m_outside, m_images + u"/link.png"_s));
        QVERIFY(QFile::link(m_root.path(), m_images + u"/up"_s));
        QVERIFY(QFile::link(m_images + u"/a.png"_s, m_images + u"/sub/inside-link.png"_s));
    }

    void namesInsideTheFolderAreRead_data()
    {
        QTest::addColumn<QString>("uri");
        QTest::addColumn<QString>("expected"); // relative to the folder
        QTest::newRow("a name") << u"a.png"_s << u"a.png"_s;
        QTest::newRow("a subfolder") << u"sub/b.png"_s << u"sub/b.png"_s;
        QTest::newRow("dot segments that stay inside") << u"sub/../a.png"_s << u"a.png"_s;
        QTest::newRow("an absolute path inside") << m_images + u"/sub/b.png"_s << u"sub/b.png"_s;
        QTest::newRow("a file URI") << QUrl::fromLocalFile(m_images + u"/a.png"_s).toString() << u"a.png"_s;
        QTest::newRow("a file URI on localhost") << u"file://localhost"_s + m_images + u"/a.png"_s << u"a.png"_s;
        QTest::newRow("a link that stays inside") << u"sub/inside-link.png"_s << u"a.png"_s;
    }

    void namesInsideTheFolderAreRead()
    {
        QFETCH(QString, uri);
        QFETCH(QString, expected);
        const Result<QString> path = ImageLocation::localPath(uri, m_images);
        QVERIFY2(path, qPrintable(path ? QString() : path.error().describe()));
        QCOMPARE(path.value(), QFileInfo(m_images + u'/' + expected).canonicalFilePath());
    }

    void namesThatLeaveTheFolderAreRefused_data()
    {
        QTest::addColumn<QString>("uri");
        QTest::addColumn<QString>("reason");
        const QString outside = u"outside the images folder"_s;
        QTest::newRow("dot dot") << u"../secret.png"_s << outside;
        QTest::newRow("dot dot deep") << u"sub/../../secret.png"_s << outside;
        QTest::newRow("an absolute path outside") << m_outside << outside;
        QTest::newRow("/etc/passwd") << u"/etc/passwd"_s << outside;
        QTest::newRow("file URI outside") << u"file:///etc/passwd"_s << outside;
        QTest::newRow("percent-encoded dot dot in a file URI")
            << QUrl::fromLocalFile(m_images).toString() + u"/%2e%2e/secret.png"_s << outside;
        QTest::newRow("a link to a file outside") << u"link.png"_s << outside;
        QTest::newRow("through a linked folder") << u"up/secret.png"_s << outside;
        QTest::newRow("another computer") << u"file://fileserver.example.com/share/a.png"_s << u"another computer"_s;
        QTest::newRow("not there") << u"missing.png"_s << u"no such file"_s;
        QTest::newRow("a NUL") << u"a.png\u0000../secret.png"_s << u"NUL"_s;
        QTest::newRow("the folder itself") << u"."_s << outside;
    }

    void namesThatLeaveTheFolderAreRefused()
    {
        QFETCH(QString, uri);
        QFETCH(QString, reason);
        const Result<QString> path = ImageLocation::localPath(uri, m_images);
        QVERIFY2(!path, qPrintable(path ? path.value() : QString()));
        QVERIFY2(path.error().message.contains(reason), qPrintable(path.error().describe()));
    }

    void withoutAChosenFolderNothingLocalIsRead()
    {
        const Result<QString> path = ImageLocation::localPath(m_images + u"/a.png"_s, QString());
        QVERIFY(!path);
        QVERIFY2(path.error().message.contains(u"folder you choose"_s), qPrintable(path.error().message));
    }
};

QTEST_GUILESS_MAIN(TestImageLocation)
#include "tst_imagelocation.moc"
