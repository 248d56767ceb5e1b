#include "core/providers/pricetable.h"
#include "core/storage/workspace.h"
#include "core/workspaceschema.h"

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

class TestPriceTable : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_directory;
    std::unique_ptr<Workspace> m_workspace;

    std::unique_ptr<Workspace> open()
    {
        auto workspace = Workspace::openSqlite(m_directory->filePath(QStringLiteral("ws.genaiops")),
                                               Workspace::OpenMode::CreateIfMissing, WorkspaceSchema::modules());
        if (!workspace) {
            qWarning("%s", qPrintable(workspace.error().describe()));
            return nullptr;
        }
        return std::move(workspace).value();
    }

    QString matched(const QString &modelId)
    {
        auto price = PriceTable(*m_workspace).match(modelId);
        if (!price)
            return QStringLiteral("error: ") + price.error().describe();
        return price.value() ? price.value()->modelPattern : QStringLiteral("none");
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

    // The price dialog's save: removed rows go, edited and new rows are saved, all in one step; a
    // bad row keeps the table as it was.
    void replaceRemovesAndSavesInOneTransaction()
    {
        PriceTable table(*m_workspace);
        ModelPrice custom;
        custom.modelPattern = QStringLiteral("my-model");
        custom.displayName = QStringLiteral("Mine");
        custom.inputPerMillion = 1;
        custom.outputPerMillion = 2;
        QVERIFY(table.replace({QStringLiteral("amazon.titan-text-express")}, {custom}));
        auto prices = table.list();
        QVERIFY(prices);
        QCOMPARE(prices.value().size(), 6); // five models and the guardrail units
        QVERIFY(std::none_of(prices.value().cbegin(), prices.value().cend(), [](const ModelPrice &price) {
            return price.modelPattern == QLatin1String("amazon.titan-text-express");
        }));
        auto mine = table.match(QStringLiteral("my-model"));
        QVERIFY(mine && mine.value() && mine.value()->outputPerMillion == 2);
        ModelPrice broken; // no pattern: refused, and the removal before it is undone
        QVERIFY(!table.replace({QStringLiteral("my-model")}, {broken}));
        QVERIFY(table.match(QStringLiteral("my-model")).value().has_value());
    }

    void freshWorkspaceHasTheBedrockDefaults()
    {
        QCOMPARE(m_workspace->info().value().schemaVersions.value(QStringLiteral("providers")),
                 PriceTable::schema().latestVersion());
        auto prices = PriceTable(*m_workspace).list();
        QVERIFY(prices);
        QCOMPARE(prices.value().size(), 6);
        const ModelPrice &titan = prices.value().at(0);
        QCOMPARE(titan.modelPattern, QStringLiteral("amazon.titan-text-express"));
        QCOMPARE(titan.inputPerMillion, 0.20);
        QCOMPARE(titan.outputPerMillion, 0.60);
        auto haiku = PriceTable(*m_workspace).match(QStringLiteral("anthropic.claude-3-haiku-20240307-v1:0"));
        QVERIFY(haiku && haiku.value());
        QCOMPARE(haiku.value()->displayName, QStringLiteral("Claude 3 Haiku"));
        QCOMPARE(haiku.value()->inputPerMillion, 0.25);
        QCOMPARE(haiku.value()->outputPerMillion, 1.25);
        QCOMPARE(matched(QStringLiteral("meta.llama3-70b-instruct-v1:0")), QStringLiteral("meta.llama3-70b"));
        QCOMPARE(matched(QStringLiteral("cohere.command-r-plus-v1:0")), QStringLiteral("cohere.command-r-plus"));
        // Guardrails are priced per policy unit: $0.15 per 1,000, so 4 units cost $0.0006.
        auto units = PriceTable(*m_workspace).match(PriceTable::guardrailPattern());
        QVERIFY(units && units.value());
        QCOMPARE(units.value()->inputPerMillion, 150.0);
        QCOMPARE(PriceTable::unitsCost(*units.value(), 4), 0.0006);
    }

    void reopenKeepsEditsAndDoesNotReseed()
    {
        PriceTable table(*m_workspace);
        QVERIFY(table.remove(QStringLiteral("meta.llama3-70b")));
        QVERIFY(
            table.save({QStringLiteral("anthropic.claude-3-haiku"), QStringLiteral("Haiku (negotiated)"), 0.2, 1.0}));
        m_workspace.reset();
        m_workspace = open();
        QVERIFY(m_workspace);
        QVERIFY(!m_workspace->wasCreated());
        auto prices = PriceTable(*m_workspace).list();
        QVERIFY(prices);
        QCOMPARE(prices.value().size(), 5);
        QCOMPARE(matched(QStringLiteral("meta.llama3-70b-instruct-v1:0")), QStringLiteral("none"));
        QCOMPARE(PriceTable(*m_workspace).match(QStringLiteral("anthropic.claude-3-haiku")).value()->outputPerMillion,
                 1.0);
    }

    void matchingRules()
    {
        PriceTable table(*m_workspace);
        QVERIFY(table.save({QStringLiteral("anthropic.claude-3"), QStringLiteral("Claude 3 family"), 1.0, 2.0}));
        QVERIFY(
            table.save({QStringLiteral("anthropic.claude-3-haiku-20240307-v1:0"), QStringLiteral("exact"), 0.1, 0.2}));
        QVERIFY(
            table.save({QStringLiteral("us.anthropic.claude-3-5-sonnet"), QStringLiteral("US profile"), 3.3, 16.5}));

        QCOMPARE(matched(QStringLiteral("anthropic.claude-3-haiku-20240307-v1:0")),
                 QStringLiteral("anthropic.claude-3-haiku-20240307-v1:0"));
        QCOMPARE(matched(QStringLiteral("anthropic.claude-3-haiku-20241022-v1:0")),
                 QStringLiteral("anthropic.claude-3-haiku"));
        QCOMPARE(matched(QStringLiteral("anthropic.claude-3-opus-20240229-v1:0")),
                 QStringLiteral("anthropic.claude-3"));
        QCOMPARE(matched(QStringLiteral("anthropic.claude-3-5-sonnet-20241022-v2:0")),
                 QStringLiteral("anthropic.claude-3-5-sonnet"));
        // Regional inference profiles price as the model they route to…
        QCOMPARE(matched(QStringLiteral("eu.anthropic.claude-3-haiku-20240307-v1:0")),
                 QStringLiteral("anthropic.claude-3-haiku-20240307-v1:0"));
        QCOMPARE(matched(QStringLiteral("apac.anthropic.claude-3-haiku-20241022-v1:0")),
                 QStringLiteral("anthropic.claude-3-haiku"));
        QCOMPARE(matched(QStringLiteral("us.meta.llama3-70b-instruct-v1:0")), QStringLiteral("meta.llama3-70b"));
        // …unless the table prices the profile itself.
        QCOMPARE(matched(QStringLiteral("us.anthropic.claude-3-5-sonnet-20241022-v2:0")),
                 QStringLiteral("us.anthropic.claude-3-5-sonnet"));
        QCOMPARE(matched(QStringLiteral("eu.anthropic.claude-3-5-sonnet-20241022-v2:0")),
                 QStringLiteral("anthropic.claude-3-5-sonnet"));

        QCOMPARE(matched(QStringLiteral("gpt-4o-mini")), QStringLiteral("none"));
        QCOMPARE(matched(QStringLiteral("xx.anthropic.claude-3-haiku")), QStringLiteral("none"));
        QCOMPARE(matched(QStringLiteral("anthropic.claude")), QStringLiteral("none"));
        QCOMPARE(matched(QString()), QStringLiteral("none"));
    }

    void costNeedsKnownTokens()
    {
        const ModelPrice sonnet{QStringLiteral("anthropic.claude-3-5-sonnet"), {}, 3.0, 15.0};
        QCOMPARE(PriceTable::cost(sonnet, 1'000'000, 0), std::optional<double>(3.0));
        const auto cost = PriceTable::cost(sonnet, 2000, 500);
        QVERIFY(cost);
        QVERIFY(qFuzzyCompare(*cost, 0.0135));
        QCOMPARE(PriceTable::cost(sonnet, 0, 0), std::optional<double>(0.0));
        QVERIFY(!PriceTable::cost(sonnet, -1, 500));
        QVERIFY(!PriceTable::cost(sonnet, 2000, -1));
    }

    void refusesBadPrices()
    {
        PriceTable table(*m_workspace);
        QCOMPARE(table.save({QString(), {}, 1.0, 1.0}).error().kind, Error::Kind::Usage);
        QCOMPARE(table.save({QStringLiteral(" x"), {}, 1.0, 1.0}).error().kind, Error::Kind::Usage);
        QCOMPARE(table.save({QStringLiteral("x"), {}, -1.0, 1.0}).error().kind, Error::Kind::Usage);
        QCOMPARE(table.save({QStringLiteral("x"), {}, 1.0, qQNaN()}).error().kind, Error::Kind::Usage);
        QCOMPARE(table.remove(QStringLiteral("not.there")).error().kind, Error::Kind::Input);
        QCOMPARE(table.list().value().size(), 6);
    }
};

QTEST_GUILESS_MAIN(TestPriceTable)
#include "tst_pricetable.moc"
