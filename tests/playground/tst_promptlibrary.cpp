#include "common/engineundertest.h"
#include "core/playground/promptlibrary.h"
#include "core/storage/workspace.h"
#include "core/workspaceschema.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

class TestPromptLibrary : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_directory;
    std::unique_ptr<Workspace> m_workspace;

    std::unique_ptr<Workspace> open()
    {
        auto workspace
            = Workspace::open(EngineUnderTest::location(m_directory->filePath(QStringLiteral("ws.genaiops"))),
                              Workspace::OpenMode::CreateIfMissing, WorkspaceSchema::modules());
        if (!workspace) {
            qWarning("%s", qPrintable(workspace.error().describe()));
            return nullptr;
        }
        return std::move(workspace).value();
    }

    PromptVersion save(PromptLibrary &library, const QString &name, const QString &text)
    {
        auto saved = library.saveVersion(name, text, QString(), ChatParameters());
        if (!saved)
            qWarning("%s", qPrintable(saved.error().describe()));
        return saved ? saved.value() : PromptVersion();
    }

private slots:
    void init()
    {
        m_directory = std::make_unique<QTemporaryDir>();
        QVERIFY(m_directory->isValid());
        m_workspace = open();
        QVERIFY(m_workspace);
    }

    void cleanup() { m_workspace.reset(); }

    void migrationAppliesAndReopenIsIdempotent()
    {
        auto info = m_workspace->info();
        QVERIFY(info);
        QCOMPARE(info.value().schemaVersions.value(QStringLiteral("playground")),
                 PromptLibrary::schema().latestVersion());
        PromptLibrary library(*m_workspace);
        QCOMPARE(save(library, QStringLiteral("kept"), QStringLiteral("x")).version, 1);
        m_workspace.reset();

        m_workspace = open();
        QVERIFY(m_workspace);
        QVERIFY(!m_workspace->wasCreated());
        QVERIFY(m_workspace->check());
        PromptLibrary reopened(*m_workspace);
        auto names = reopened.names();
        QVERIFY(names);
        QCOMPARE(names.value(), QStringList{QStringLiteral("kept")});
        QCOMPARE(save(reopened, QStringLiteral("kept"), QStringLiteral("y")).version, 2);
    }

    void savesAndReadsBackEveryField()
    {
        PromptLibrary library(*m_workspace);
        ChatParameters parameters;
        parameters.maxTokens = 256;
        parameters.temperature = 0.2;
        parameters.stopSequences = {QStringLiteral("###"), QStringLiteral("END")};
        auto saved = library.saveVersion(QStringLiteral("summarise"), QStringLiteral("Summarise {{text}}"),
                                         QStringLiteral("Be brief."), parameters, QStringLiteral("first try"));
        QVERIFY2(saved, qPrintable(saved ? QString() : saved.error().describe()));
        QVERIFY(saved.value().id > 0);
        QCOMPARE(saved.value().version, 1);
        QVERIFY(QDateTime::fromString(saved.value().createdAt, Qt::ISODate).isValid());

        auto read = library.version(QStringLiteral("summarise"), 1);
        QVERIFY(read);
        const PromptVersion &prompt = read.value();
        QCOMPARE(prompt.templateText, QStringLiteral("Summarise {{text}}"));
        QCOMPARE(prompt.system, QStringLiteral("Be brief."));
        QCOMPARE(prompt.note, QStringLiteral("first try"));
        QCOMPARE(prompt.parameters.maxTokens, 256);
        QCOMPARE(prompt.parameters.temperature, std::optional<double>(0.2));
        QVERIFY(!prompt.parameters.topP.has_value()); // "model default" survives the round trip
        QCOMPARE(prompt.parameters.stopSequences, parameters.stopSequences);
    }

    void numbersVersionsPerName()
    {
        PromptLibrary library(*m_workspace);
        QCOMPARE(save(library, QStringLiteral("a"), QStringLiteral("a1")).version, 1);
        QCOMPARE(save(library, QStringLiteral("b"), QStringLiteral("b1")).version, 1);
        QCOMPARE(save(library, QStringLiteral("a"), QStringLiteral("a2")).version, 2);
        QCOMPARE(save(library, QStringLiteral("a"), QStringLiteral("a3")).version, 3);
        QCOMPARE(save(library, QStringLiteral("b"), QStringLiteral("b2")).version, 2);

        auto names = library.names();
        QVERIFY(names);
        QCOMPARE(names.value(), QStringList({QStringLiteral("a"), QStringLiteral("b")}));
        auto versions = library.versions(QStringLiteral("a"));
        QVERIFY(versions);
        QCOMPARE(versions.value().size(), 3);
        QCOMPARE(versions.value().at(0).version, 3);
        QCOMPARE(versions.value().at(2).templateText, QStringLiteral("a1"));
        auto latest = library.latest(QStringLiteral("b"));
        QVERIFY(latest);
        QCOMPARE(latest.value().templateText, QStringLiteral("b2"));
        QVERIFY(library.versions(QStringLiteral("none")).value().isEmpty());
    }

    void refusesBadNamesAndUnknownVersions()
    {
        PromptLibrary library(*m_workspace);
        QCOMPARE(library.saveVersion(QString(), QStringLiteral("x"), {}, {}).error().kind, Error::Kind::Usage);
        QCOMPARE(library.saveVersion(QStringLiteral(" padded"), QStringLiteral("x"), {}, {}).error().kind,
                 Error::Kind::Usage);
        save(library, QStringLiteral("p"), QStringLiteral("x"));
        auto missing = library.version(QStringLiteral("p"), 7);
        QVERIFY(!missing);
        QCOMPARE(missing.error().where, QStringLiteral("p"));
        QVERIFY(missing.error().message.contains(QStringLiteral("7")));
        QVERIFY(!library.latest(QStringLiteral("nobody")));
    }

    void labelMovesBetweenVersions()
    {
        PromptLibrary library(*m_workspace);
        for (int i = 1; i <= 3; ++i)
            save(library, QStringLiteral("qa"), QStringLiteral("v%1").arg(i));
        save(library, QStringLiteral("other"), QStringLiteral("o1"));

        QVERIFY(library.setLabel(QStringLiteral("qa"), QStringLiteral("production"), 1));
        QVERIFY(library.setLabel(QStringLiteral("qa"), QStringLiteral("staging"), 2));
        QVERIFY(library.setLabel(QStringLiteral("other"), QStringLiteral("production"), 1));
        QCOMPARE(library.byLabel(QStringLiteral("qa"), QStringLiteral("production")).value().templateText,
                 QStringLiteral("v1"));

        QVERIFY(library.setLabel(QStringLiteral("qa"), QStringLiteral("production"), 2));
        auto versions = library.versions(QStringLiteral("qa"));
        QVERIFY(versions);
        QCOMPARE(versions.value().at(0).labels, QStringList()); // v3
        QCOMPARE(versions.value().at(1).labels,
                 QStringList({QStringLiteral("production"), QStringLiteral("staging")})); // v2
        QCOMPARE(versions.value().at(2).labels, QStringList()); // v1: the label moved away
        QCOMPARE(library.byLabel(QStringLiteral("qa"), QStringLiteral("production")).value().version, 2);
        // Labels belong to one prompt: the other prompt's production label did not move.
        QCOMPARE(library.byLabel(QStringLiteral("other"), QStringLiteral("production")).value().templateText,
                 QStringLiteral("o1"));

        QCOMPARE(library.byLabel(QStringLiteral("qa"), QStringLiteral("latest")).value().version, 3);
        QVERIFY(library.removeLabel(QStringLiteral("qa"), QStringLiteral("staging")));
        QVERIFY(!library.byLabel(QStringLiteral("qa"), QStringLiteral("staging")));
        QCOMPARE(library.removeLabel(QStringLiteral("qa"), QStringLiteral("staging")).error().kind, Error::Kind::Input);
    }

    void refusesBadLabels()
    {
        PromptLibrary library(*m_workspace);
        save(library, QStringLiteral("qa"), QStringLiteral("v1"));
        for (const QString &label : {QStringLiteral("latest"), QString(), QStringLiteral("Prod"),
                                     QStringLiteral("with space"), QString(33, QLatin1Char('a'))}) {
            const Status status = library.setLabel(QStringLiteral("qa"), label, 1);
            QVERIFY2(!status, qPrintable(label));
            QCOMPARE(status.error().kind, Error::Kind::Usage);
        }
        QVERIFY(library.setLabel(QStringLiteral("qa"), QString(32, QLatin1Char('a')), 1));
        QVERIFY(library.setLabel(QStringLiteral("qa"), QStringLiteral("canary_2-b"), 1));
        QCOMPARE(library.removeLabel(QStringLiteral("qa"), QStringLiteral("latest")).error().kind, Error::Kind::Usage);
        QCOMPARE(library.setLabel(QStringLiteral("qa"), QStringLiteral("production"), 9).error().kind,
                 Error::Kind::Input);
        QVERIFY(!library.byLabel(QStringLiteral("qa"), QStringLiteral("production")));
    }
};

QTEST_GUILESS_MAIN(TestPromptLibrary)
#include "tst_promptlibrary.moc"
