// RecordingRepository on a real SQLite workspace: names are unique without touching what is stored,
// batches append across calls, pages come back in order with every payload byte intact. Review
// labels are stored as given and come back whole.

#include "common/engineundertest.h"
#include "core/edge/edgechoices.h"
#include "core/edge/recordingrepository.h"
#include "core/edge/reviewlabelrepository.h"
#include "core/secrets/credentialprofilerepository.h"
#include "core/storage/workspace.h"
#include "core/workspaceschema.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 startMs = 1'700'000'000'000;

// Message `index` of a session: JSON, bytes that are not UTF-8 (a NUL among them), and empties.
MqttMessage message(int index)
{
    MqttMessage made;
    made.topic = u"greengrass/vqi/cell-%1"_s.arg(index % 3);
    made.receivedAtMs = startMs + index * 7;
    switch (index % 4) {
    case 0:
        made.payload = R"({"device_id":"cam","seq":%1})"_ba.replace("%1", QByteArray::number(index));
        break;
    case 1:
        made.payload = QByteArray("\xff\xfe\x00\x80 raw ", 9) + QByteArray::number(index);
        break;
    case 2:
        made.payload = QByteArray("");
        break; // empty, not null
    default:
        made.payload = QByteArray();
        break; // libmosquitto hands a zero-length payload as NULL
    }
    return made;
}

MqttMessageBatch messages(int first, int count)
{
    MqttMessageBatch batch;
    for (int index = first; index < first + count; ++index)
        batch.append(message(index));
    return batch;
}

} // namespace

class TestRecordingRepository : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_directory;
    std::unique_ptr<Workspace> m_workspace;

private slots:
    void init()
    {
        auto opened = Workspace::open(EngineUnderTest::location(m_directory.filePath(
                                          u"%1.genaiops"_s.arg(QString::fromLatin1(QTest::currentTestFunction())))),
                                      Workspace::OpenMode::CreateIfMissing, WorkspaceSchema::modules());
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().describe()));
        m_workspace = std::move(opened.value());
    }

    void cleanup() { m_workspace.reset(); }

    void createsAndRefusesADuplicateNameWithoutChangingTheStoredOne()
    {
        RecordingRepository repository(*m_workspace);
        Result<Recording> created = repository.create(u"line-1"_s, u"mqtt://127.0.0.1:1883"_s, u"greengrass/#"_s);
        QVERIFY2(created, qPrintable(created ? QString() : created.error().describe()));
        QVERIFY(created.value().id > 0);
        QCOMPARE(created.value().name, u"line-1"_s);
        QCOMPARE(created.value().broker, u"mqtt://127.0.0.1:1883"_s);
        QCOMPARE(created.value().topics, u"greengrass/#"_s);
        QCOMPARE(created.value().messages, 0);
        QVERIFY(!created.value().startedAt.isEmpty());
        QVERIFY(created.value().endedAt.isEmpty());
        QVERIFY(repository.append(created.value().id, 1, messages(0, 3)));

        const Result<Recording> duplicate = repository.create(u"line-1"_s, u"mqtts://elsewhere:8883"_s, u"other/+"_s);
        QVERIFY(!duplicate);
        QCOMPARE(duplicate.error().kind, Error::Kind::Usage);
        QVERIFY(duplicate.error().message.contains(u"line-1"_s));

        const Result<Recording> stored = repository.find(u"line-1"_s);
        QVERIFY(stored);
        QCOMPARE(stored.value().id, created.value().id);
        QCOMPARE(stored.value().broker, u"mqtt://127.0.0.1:1883"_s);
        QCOMPARE(stored.value().topics, u"greengrass/#"_s);
        QCOMPARE(stored.value().startedAt, created.value().startedAt);
        QCOMPARE(stored.value().messages, 3);
        QCOMPARE(repository.list().value().size(), 1);

        QVERIFY(!repository.create(u"  "_s, u"mqtt://h:1"_s, u"t"_s)); // a blank name is no name
        QCOMPARE(repository.list().value().size(), 1);
    }

    void appendsBatchesAcrossCallsAndPagesThemBackInOrder()
    {
        RecordingRepository repository(*m_workspace);
        const qint64 id = repository.create(u"session"_s, u"mqtt://127.0.0.1:1883"_s, u"greengrass/#"_s).value().id;
        // 7, then 500 (several multi-row statements), then 1: as a recorder's batches arrive.
        for (const auto &[first, count] : {std::pair{0, 7}, std::pair{7, 500}, std::pair{507, 1}}) {
            const Status appended = repository.append(id, first + 1, messages(first, count));
            QVERIFY2(appended, qPrintable(appended ? QString() : appended.error().describe()));
            QCOMPARE(repository.find(u"session"_s).value().messages, first + count);
        }
        QVERIFY(repository.append(id, 509, {})); // an empty batch changes nothing
        QCOMPARE(repository.find(u"session"_s).value().messages, 508);

        MqttMessageBatch replayed;
        qint64 after = 0;
        while (true) {
            const Result<MqttMessageBatch> page = repository.page(id, after, 100);
            QVERIFY(page);
            QVERIFY(page.value().size() <= 100);
            if (page.value().isEmpty())
                break;
            replayed += page.value();
            after += page.value().size();
        }
        QCOMPARE(replayed.size(), 508);
        for (int index = 0; index < replayed.size(); ++index) {
            const MqttMessage expected = message(index);
            QCOMPARE(replayed[index].topic, expected.topic);
            QCOMPARE(replayed[index].receivedAtMs, expected.receivedAtMs);
            QCOMPARE(replayed[index].payload.size(), expected.payload.size());
            QCOMPARE(replayed[index].payload, expected.payload);
        }
        QCOMPARE(replayed[1].payload.left(4), QByteArray("\xff\xfe\x00\x80", 4));

        QVERIFY(repository.finish(id));
        QVERIFY(!repository.find(u"session"_s).value().endedAt.isEmpty());
    }

    // The connection bar's choices: MQTT profiles only, and every recording, newest first.
    void edgeChoicesListMqttProfilesAndRecordings()
    {
        CredentialProfileRepository profiles(*m_workspace);
        for (const auto &[name, kind] : {std::pair{u"plant-broker"_s, CredentialProfile::Kind::Mqtt},
                                         std::pair{u"bedrock-dev"_s, CredentialProfile::Kind::Aws}}) {
            CredentialProfile profile;
            profile.name = name;
            profile.kind = kind;
            QVERIFY(profiles.save(profile));
        }
        QVERIFY(RecordingRepository(*m_workspace).create(u"shift-1"_s, u"mqtt://a:1883"_s, u"a/#"_s));
        auto choices = EdgeChoices::load(*m_workspace);
        QVERIFY(choices);
        QCOMPARE(choices.value().profiles, QStringList{u"plant-broker"_s});
        QCOMPARE(choices.value().recordings, QStringList{u"shift-1"_s});
        QCOMPARE(profiles.names({CredentialProfile::Kind::Aws}).value(), QStringList{u"bedrock-dev"_s});
        QCOMPARE(profiles.names(CredentialProfile::modelKinds()).value(), QStringList{u"bedrock-dev"_s});
        QCOMPARE(profiles.names(CredentialProfile::allKinds()).value(),
                 (QStringList{u"bedrock-dev"_s, u"plant-broker"_s}));
        QCOMPARE(profiles.require(u"plant-broker"_s).value().kind, CredentialProfile::Kind::Mqtt);
        const auto gone = profiles.require(u"nobody"_s);
        QVERIFY(!gone);
        QVERIFY(gone.error().message.contains(u"nobody"_s));
    }

    void reviewLabelsAreStoredAsGivenAndReplacedWhenGivenAgain()
    {
        ReviewLabelRepository labels(*m_workspace);
        ReviewItem item;
        item.inspection.deviceId = u"vqi-cell-08"_s;
        item.inspection.timestampMs = startMs + 5;
        item.inspection.prediction = u"defective"_s;
        item.inspection.defective = true;
        item.inspection.confidence = 0.634;
        item.inspection.imageBase64 = QByteArray("iVBORw0KGgo=");
        item.inspection.boundingBox = QJsonArray{10, 20, 30, 40};
        item.inspection.topic = u"greengrass/vqi/inference_results"_s;
        const Status unlabelled = labels.store(item);
        QVERIFY(!unlabelled); // nothing to keep
        item.label = ReviewItem::Label::Unsure;
        QVERIFY(labels.store(item));
        // A device that sent no inline image, topic or box: what it left out is stored as missing.
        ReviewItem other;
        other.inspection.deviceId = item.inspection.deviceId;
        other.inspection.prediction = u"good"_s;
        other.inspection.timestampMs = startMs + 1;
        other.inspection.imageUri = u"s3://bucket/cell-08/1.jpg"_s;
        other.label = ReviewItem::Label::Good;
        QVERIFY(labels.store(other));
        item.label = ReviewItem::Label::Defective; // the reviewer changed their mind
        QVERIFY(labels.store(item));

        auto stored = labels.labelled();
        QVERIFY(stored);
        QCOMPARE(stored.value().size(), 2);
        QCOMPARE(stored.value()[0].inspection.imageUri, other.inspection.imageUri); // by inspection time
        QCOMPARE(stored.value()[0].label, ReviewItem::Label::Good);
        const ReviewItem &back = stored.value()[1];
        QCOMPARE(back.label, ReviewItem::Label::Defective);
        QCOMPARE(back.inspection.deviceId, item.inspection.deviceId);
        QCOMPARE(back.inspection.prediction, item.inspection.prediction);
        QVERIFY(back.inspection.defective);
        QCOMPARE(back.inspection.confidence, 0.634);
        QCOMPARE(back.inspection.imageBase64, item.inspection.imageBase64);
        QCOMPARE(back.inspection.boundingBox, item.inspection.boundingBox);
        QCOMPARE(EdgeChoices::load(*m_workspace).value().labelled.size(), 2);
    }

    void listsFindsAndRemovesRecordings()
    {
        RecordingRepository repository(*m_workspace);
        const qint64 first = repository.create(u"first"_s, u"mqtt://a:1883"_s, u"a/#"_s).value().id;
        const qint64 second = repository.create(u"second"_s, u"mqtt://b:1883"_s, u"b/#"_s).value().id;
        QVERIFY(repository.append(first, 1, messages(0, 5)));
        QVERIFY(repository.append(second, 1, messages(100, 2)));

        const Result<QList<Recording>> listed = repository.list();
        QVERIFY(listed);
        QCOMPARE(listed.value().size(), 2);
        QCOMPARE(listed.value()[0].name, u"second"_s); // newest first
        QCOMPARE(listed.value()[0].messages, 2);
        QCOMPARE(listed.value()[1].name, u"first"_s);
        QCOMPARE(listed.value()[1].messages, 5);
        // Each recording pages only its own messages.
        QCOMPARE(repository.page(second, 0, 100).value().size(), 2);
        QCOMPARE(repository.page(second, 0, 100).value()[0].receivedAtMs, message(100).receivedAtMs);

        const Result<Recording> missing = repository.find(u"third"_s);
        QVERIFY(!missing);
        QVERIFY(missing.error().message.contains(u"third"_s));

        QVERIFY(repository.remove(u"first"_s));
        QVERIFY(!repository.find(u"first"_s));
        QVERIFY(repository.page(first, 0, 100).value().isEmpty()); // its messages went with it
        QCOMPARE(repository.list().value().size(), 1);
        QCOMPARE(repository.page(second, 0, 100).value().size(), 2);
        QVERIFY(!repository.remove(u"first"_s));
        // The name is free again.
        QVERIFY(repository.create(u"first"_s, u"mqtt://a:1883"_s, u"a/#"_s));
    }
};

QTEST_GUILESS_MAIN(TestRecordingRepository)
#include "tst_recordingrepository.moc"
