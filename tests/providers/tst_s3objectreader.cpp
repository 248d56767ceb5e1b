// S3ObjectReader against tests/servers/s3_server.py, which checks an S3 GetObject's signature as
// S3 does (the path signed as sent, the payload hash header): objects come back byte for byte,
// keys with spaces and umlauts are signed right, a second read comes from the cache, and a missing
// key, wrong keys and a bad URI are errors of their kind.

#include "common/testserver.h"
#include "core/aws/s3objectreader.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestS3ObjectReader : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_root;
    std::unique_ptr<TestServer> m_server;

    Result<QByteArray> read(S3ObjectReader &reader, const QString &uri)
    {
        std::optional<Result<QByteArray>> answer;
        reader.read(uri, this, [&](Result<QByteArray> bytes) { answer = std::move(bytes); });
        QElapsedTimer waited;
        waited.start();
        while (!answer && waited.elapsed() < 15000)
            QTest::qWait(10);
        return answer.value_or(makeError(Error::Kind::Timeout, u"no answer within 15 s"_s));
    }

    S3ObjectReader::Settings settings(const QString &secret = u"wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"_s) const
    {
        return {u"us-east-1"_s, {u"AKIDEXAMPLE"_s, secret, {}}, m_server->url()};
    }

    static void write(const QString &path, const QByteArray &bytes)
    {
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_root.isValid());
        write(m_root.filePath(u"vqi-review-images/vqi-cell-08/1796186077377.jpg"_s),
              QByteArray("\xff\xd8\xff jpeg", 8));
        write(m_root.filePath(u"vqi-review-images/line 3/Prüfung 1.png"_s), QByteArray("\x89PNG bytes", 10));
        m_server = std::make_unique<TestServer>(u"s3_server.py"_s, QStringList{u"--root"_s, m_root.path()});
        QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    }

    void readsObjectsAndKeepsThem()
    {
        S3ObjectReader reader(settings());
        auto image = read(reader, u"s3://vqi-review-images/vqi-cell-08/1796186077377.jpg"_s);
        QVERIFY2(image, qPrintable(image ? QString() : image.error().describe()));
        QCOMPARE(image.value(), QByteArray("\xff\xd8\xff jpeg", 8));
        auto spaced = read(reader, u"s3://vqi-review-images/line 3/Prüfung 1.png"_s);
        QVERIFY2(spaced, qPrintable(spaced ? QString() : spaced.error().describe()));
        QCOMPARE(spaced.value(), QByteArray("\x89PNG bytes", 10));
        // The second look is the cache's.
        const qsizetype asked = m_server->requests().size();
        QVERIFY(read(reader, u"s3://vqi-review-images/vqi-cell-08/1796186077377.jpg"_s));
        QCOMPARE(m_server->requests().size(), asked);
        QCOMPARE(reader.requestsSent(), 2);
    }

    void errorsSayWhatWentWrong()
    {
        S3ObjectReader reader(settings());
        auto missing = read(reader, u"s3://vqi-review-images/vqi-cell-08/none.jpg"_s);
        QVERIFY(!missing);
        QCOMPARE(missing.error().kind, Error::Kind::Input);
        QVERIFY2(missing.error().describe().contains(u"NoSuchKey"_s), qPrintable(missing.error().describe()));
        S3ObjectReader wrongKeys(settings(u"not-the-secret"_s));
        auto refused = read(wrongKeys, u"s3://vqi-review-images/vqi-cell-08/1796186077377.jpg"_s);
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, Error::Kind::Auth);
        QVERIFY2(refused.error().describe().contains(u"SignatureDoesNotMatch"_s),
                 qPrintable(refused.error().describe()));
        auto notS3 = read(reader, u"https://example.com/a.jpg"_s);
        QVERIFY(!notS3);
        QCOMPARE(notS3.error().kind, Error::Kind::Input);
        QCOMPARE(S3ObjectReader::parseUri(u"s3://bucket/"_s), std::nullopt);
        QCOMPARE(S3ObjectReader::parseUri(u"s3://bucket/a/b.png"_s),
                 std::optional(std::pair{u"bucket"_s, u"a/b.png"_s}));
    }
};

QTEST_GUILESS_MAIN(TestS3ObjectReader)
#include "tst_s3objectreader.moc"
