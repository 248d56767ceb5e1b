#include "core/common/secretredactor.h"
#include "core/providers/invocationlog.h"
#include "core/storage/workspace.h"
#include "core/workspaceschema.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

namespace {

QString daysAgo(int days, const QString &time = QStringLiteral("12:00:00"))
{
    return QDateTime::currentDateTimeUtc().date().addDays(-days).toString(Qt::ISODate) + QLatin1Char('T') + time
        + QLatin1Char('Z');
}

Invocation call(const QString &startedAt, const QString &model, qint64 in, qint64 out, std::optional<double> cost)
{
    Invocation invocation;
    invocation.startedAt = startedAt;
    invocation.source = QStringLiteral("playground");
    invocation.provider = QStringLiteral("bedrock");
    invocation.model = model;
    invocation.inputTokens = in;
    invocation.outputTokens = out;
    invocation.latencyMs = 900;
    invocation.costUsd = cost;
    invocation.status = InvocationLog::okStatus();
    return invocation;
}

} // namespace

class TestInvocationLog : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_directory;
    std::unique_ptr<Workspace> m_workspace;

private slots:
    void init()
    {
        m_directory = std::make_unique<QTemporaryDir>();
        QVERIFY(m_directory->isValid());
        auto workspace = Workspace::openSqlite(m_directory->filePath(QStringLiteral("ws.genaiops")),
                                               Workspace::OpenMode::CreateIfMissing, WorkspaceSchema::modules());
        QVERIFY2(workspace, qPrintable(workspace ? QString() : workspace.error().describe()));
        m_workspace = std::move(workspace).value();
    }

    void cleanup()
    {
        m_workspace.reset();
        SecretRedactor::instance().clear();
    }

    void recordsAndReadsBack()
    {
        InvocationLog log(*m_workspace);
        Invocation invocation = call(QStringLiteral("2024-05-01T12:30:00+02:00"), QStringLiteral("m"), 10, -1, {});
        invocation.ttftMs = 150;
        QVERIFY(log.record(invocation));
        auto recent = log.recent(10);
        QVERIFY(recent);
        QCOMPARE(recent.value().size(), 1);
        const Invocation &stored = recent.value().first();
        QCOMPARE(stored.startedAt, QStringLiteral("2024-05-01T10:30:00.000Z")); // normalised to UTC
        QCOMPARE(stored.source, QStringLiteral("playground"));
        QCOMPARE(stored.inputTokens, 10);
        QCOMPARE(stored.outputTokens, -1);
        QCOMPARE(stored.ttftMs, 150);
        QCOMPARE(stored.latencyMs, 900);
        QVERIFY(!stored.costUsd);
        QCOMPARE(stored.status, QStringLiteral("ok"));

        QCOMPARE(log.record(call(QStringLiteral("yesterday"), QStringLiteral("m"), 1, 1, {})).error().kind,
                 Error::Kind::Usage);
    }

    // A list goes in through one statement (an evaluation logs its calls per batch of results); the
    // first bad entry stops it with the entries before it kept, as one by one would.
    void recordsAList()
    {
        InvocationLog log(*m_workspace);
        QVERIFY(log.setRecordsPrompts(true));
        Invocation first = call(daysAgo(0, QStringLiteral("08:00:00")), QStringLiteral("a"), 1, 2, 0.5);
        first.prompt = QStringLiteral("first prompt");
        Invocation second = call(daysAgo(0, QStringLiteral("09:00:00")), QStringLiteral("b"), 3, 4, {});
        second.error = QStringLiteral("timed out");
        second.status.clear();
        QVERIFY(log.record(QList<Invocation>{first, second}));
        const QList<Invocation> stored = log.recent(10).value();
        QCOMPARE(stored.size(), 2);
        QCOMPARE(stored[0].model, QStringLiteral("b"));
        QCOMPARE(stored[0].status, QStringLiteral("error"));
        QCOMPARE(stored[1].model, QStringLiteral("a"));
        QCOMPARE(stored[1].prompt, QStringLiteral("first prompt"));
        QCOMPARE(*stored[1].costUsd, 0.5);

        const Invocation bad = call(QStringLiteral("not a time"), QStringLiteral("c"), 1, 1, {});
        const Invocation after = call({}, QStringLiteral("d"), 1, 1, {});
        const Status partly = log.record(QList<Invocation>{first, bad, after});
        QVERIFY(!partly);
        QCOMPARE(partly.error().kind, Error::Kind::Usage);
        QCOMPARE(log.recent(10).value().size(), 3);
        QVERIFY(log.record(QList<Invocation>{}));
        QCOMPARE(log.recent(10).value().size(), 3);
    }

    void promptIsNotStoredByDefault()
    {
        InvocationLog log(*m_workspace);
        QVERIFY(!log.recordsPrompts());
        Invocation invocation = call({}, QStringLiteral("m"), 1, 1, {});
        invocation.prompt = QStringLiteral("customer data");
        QVERIFY(log.record(invocation));
        auto stored = m_workspace->execute(QStringLiteral("SELECT prompt FROM invocations"));
        QVERIFY(stored && stored.value().next());
        QVERIFY(stored.value().value(0).isNull());

        QVERIFY(log.setRecordsPrompts(true));
        QCOMPARE(m_workspace->metaValue(QStringLiteral("usage.record_prompts")), QStringLiteral("true"));
        QVERIFY(InvocationLog(*m_workspace).recordsPrompts());
        QVERIFY(log.record(invocation));
        QCOMPARE(log.recent(1).value().first().prompt, QStringLiteral("customer data"));

        QVERIFY(log.setRecordsPrompts(false));
        QVERIFY(!log.recordsPrompts());
    }

    // The usage dialog's one call: the usage rows and the prompt setting together.
    void usageHasTheRowsAndThePromptSetting()
    {
        InvocationLog log(*m_workspace);
        QVERIFY(log.record(call({}, QStringLiteral("m"), 10, 20, {})));
        QVERIFY(log.setRecordsPrompts(true));
        auto usage = log.usage(30);
        QVERIFY(usage);
        QVERIFY(usage.value().recordsPrompts);
        const auto rows = log.usageByModelAndDay(30);
        QCOMPARE(usage.value().rows.size(), rows.value().size());
        QCOMPARE(usage.value().rows.size(), 1);
    }

    void errorTextIsRedacted()
    {
        const QString key = QStringLiteral("sk-test-0123456789abcdef");
        SecretRedactor::instance().registerSecret(key);
        InvocationLog log(*m_workspace);
        Invocation failed = call({}, QStringLiteral("gpt-4o"), -1, -1, {});
        failed.provider = QStringLiteral("openai");
        failed.status = errorKindName(Error::Kind::Auth);
        failed.error = QStringLiteral("401: invalid key ") + key;
        QVERIFY(log.record(failed));
        const Invocation stored = log.recent(1).value().first();
        QCOMPARE(stored.status, QStringLiteral("auth"));
        QVERIFY(!stored.error.contains(key));
        QVERIFY(stored.error.contains(SecretRedactor::mask()));

        Invocation unnamed = failed;
        unnamed.status.clear();
        QVERIFY(log.record(unnamed));
        QCOMPARE(log.recent(1).value().first().status, QStringLiteral("error"));
    }

    void usageAggregatesByDayAndModel()
    {
        InvocationLog log(*m_workspace);
        const QString haiku = QStringLiteral("anthropic.claude-3-haiku-20240307-v1:0");
        const QString sonnet = QStringLiteral("anthropic.claude-3-5-sonnet-20241022-v2:0");
        QVERIFY(log.record(call(daysAgo(1, QStringLiteral("00:00:01")), haiku, 100, 10, 0.01)));
        QVERIFY(log.record(call(daysAgo(1, QStringLiteral("23:59:59")), haiku, 200, 20, 0.02)));
        Invocation throttled = call(daysAgo(1), haiku, -1, -1, {});
        throttled.status = errorKindName(Error::Kind::Throttled);
        throttled.error = QStringLiteral("slow down");
        QVERIFY(log.record(throttled));
        QVERIFY(log.record(call(daysAgo(1), sonnet, 1000, 100, 0.5)));
        QVERIFY(log.record(call(daysAgo(0, QStringLiteral("00:00:00")), haiku, 50, 5, 0.005)));
        QVERIFY(log.record(call(daysAgo(0), sonnet, 10, -1, {}))); // tokens out unknown, no cost
        QVERIFY(log.record(call(daysAgo(40), sonnet, 999, 999, 9.0))); // outside the window

        auto usage = log.usageByModelAndDay(30);
        QVERIFY2(usage, qPrintable(usage ? QString() : usage.error().describe()));
        const QList<UsageRow> &rows = usage.value();
        QCOMPARE(rows.size(), 4);
        const QString yesterday = daysAgo(1).left(10);
        const QString today = daysAgo(0).left(10);

        QCOMPARE(rows.at(0).day, yesterday);
        QCOMPARE(rows.at(0).model, sonnet);
        QCOMPARE(rows.at(1).day, yesterday);
        QCOMPARE(rows.at(1).provider, QStringLiteral("bedrock"));
        QCOMPARE(rows.at(1).model, haiku);
        QCOMPARE(rows.at(1).calls, 3);
        QCOMPARE(rows.at(1).errors, 1);
        QCOMPARE(rows.at(1).inputTokens, 300);
        QCOMPARE(rows.at(1).outputTokens, 30);
        QVERIFY(qFuzzyCompare(rows.at(1).costUsd, 0.03));
        QCOMPARE(rows.at(0).calls, 1);
        QVERIFY(qFuzzyCompare(rows.at(0).costUsd, 0.5));

        QCOMPARE(rows.at(2).day, today);
        QCOMPARE(rows.at(2).model, sonnet);
        QCOMPARE(rows.at(2).inputTokens, 10);
        QCOMPARE(rows.at(2).outputTokens, 0);
        QCOMPARE(rows.at(2).costUsd, 0.0);
        QCOMPARE(rows.at(3).model, haiku);
        QCOMPARE(rows.at(3).calls, 1);
        QCOMPARE(rows.at(3).errors, 0);

        auto todayOnly = log.usageByModelAndDay(1);
        QVERIFY(todayOnly);
        QCOMPARE(todayOnly.value().size(), 2);
        QCOMPARE(log.usageByModelAndDay(0).error().kind, Error::Kind::Usage);
        QCOMPARE(log.recent(3).value().first().model, sonnet);
    }
};

QTEST_GUILESS_MAIN(TestInvocationLog)
#include "tst_invocationlog.moc"
