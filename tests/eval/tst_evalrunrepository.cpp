#include "common/engineundertest.h"
#include "core/eval/datasetrepository.h"
#include "core/eval/datasetwriter.h"
#include "core/eval/evalrunrepository.h"
#include "core/eval/runsetup.h"
#include "core/storage/workspace.h"
#include "core/workspaceschema.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestEvalRunRepository : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_directory;
    std::unique_ptr<Workspace> m_workspace;

    Dataset makeDataset(const QString &name, int count)
    {
        Dataset dataset;
        const Status status = m_workspace->transaction([&]() -> Status {
            DatasetWriter writer(*m_workspace);
            Status step = writer.begin(name, u"/data/%1.jsonl"_s.arg(name));
            for (int index = 0; step && index < count; ++index) {
                EvalItem item;
                item.line = index + 1;
                item.question = u"Question %1?"_s.arg(index);
                item.contexts = {u"Context for %1."_s.arg(index)};
                item.response = u"Answer %1."_s.arg(index);
                step = writer.add(item);
            }
            if (!step)
                return step;
            auto finished = writer.finish(u"hash-%1-%2"_s.arg(name).arg(count), {});
            if (!finished)
                return finished.error();
            dataset = finished.value();
            return Done{};
        });
        if (!status)
            qFatal("dataset failed: %s", qPrintable(status.error().describe()));
        return dataset;
    }

    EvalRun makeRun(const Dataset &dataset, const QString &name, const QString &createdAt = {})
    {
        EvalRun run;
        run.name = name;
        run.datasetId = dataset.id;
        run.model = u"anthropic.claude-3-haiku-20240307-v1:0"_s;
        run.judgeModel = u"judge"_s;
        run.createdAt = createdAt;
        run.settings.metrics = {u"faithfulness"_s, u"relevance"_s};
        run.settings.concurrency = 8;
        run.settings.thresholds.insert(u"faithfulness"_s, 0.8);
        auto id = EvalRunRepository(*m_workspace).create(run);
        if (!id)
            qFatal("create failed: %s", qPrintable(id.error().describe()));
        return run;
    }

    static ItemResult result(qint64 runId, qint64 index, bool ok, qint64 inputTokens, double cost,
                             std::optional<double> faithfulness)
    {
        ItemResult result;
        result.runId = runId;
        result.itemIndex = index;
        result.ok = ok;
        result.error = ok ? QString() : u"timeout after 120 s"_s;
        result.response = u"Answer %1."_s.arg(index);
        result.inputTokens = inputTokens;
        result.outputTokens = inputTokens / 2;
        result.costUsd = cost;
        result.latencyMs = 900;
        if (ok) {
            MetricScore score;
            score.metric = u"faithfulness"_s;
            score.value = faithfulness;
            score.explanation = u"2 of 3 statements are supported"_s;
            score.details = QJsonArray{QJsonObject{{u"statement"_s, u"s1"_s}, {u"verdict"_s, 1}}};
            if (!faithfulness)
                score.error = u"the judge answered no verdicts"_s;
            MetricScore relevance;
            relevance.metric = u"relevance"_s;
            relevance.value = 0.5;
            result.scores = {score, relevance};
        }
        return result;
    }

    EvalRun reload(qint64 id)
    {
        auto run = EvalRunRepository(*m_workspace).find(id);
        if (!run || !run.value())
            qFatal("run %lld not found", id);
        return *run.value();
    }

private slots:
    void init()
    {
        m_directory = std::make_unique<QTemporaryDir>();
        QVERIFY(m_directory->isValid());
        auto workspace = Workspace::open(EngineUnderTest::location(m_directory->filePath(u"ws.genaiops"_s)),
                                         Workspace::OpenMode::CreateIfMissing, WorkspaceSchema::modules());
        QVERIFY2(workspace, qPrintable(workspace ? QString() : workspace.error().describe()));
        m_workspace = std::move(workspace).value();
    }

    void cleanup() { m_workspace.reset(); }

    void runsForSeveralModelsAreMadeTogether()
    {
        makeDataset(u"golden"_s, 3);
        const Dataset golden = makeDataset(u"golden"_s, 4);
        const Dataset other = makeDataset(u"other"_s, 2);
        QCOMPARE(golden.version, 2);
        auto latest = DatasetRepository(*m_workspace).latest();
        QVERIFY(latest);
        QCOMPARE(latest.value().size(), 2);
        QCOMPARE(latest.value()[0].id, other.id);
        QCOMPARE(latest.value()[1].id, golden.id);

        RunSettings settings;
        settings.responsesFromDataset = false;
        settings.metrics = {u"lexical_f1"_s};
        settings.temperature = 0.5;
        ProviderSelection first, second;
        first.profile = second.profile = u"local"_s;
        first.model = u"model-a"_s;
        second.model = u"model-b"_s;
        auto runs = RunSetup::createForModels(*m_workspace, golden.id, {}, settings, {first, second});
        QVERIFY2(runs, qPrintable(runs ? QString() : runs.error().describe()));
        QCOMPARE(runs.value().size(), 2);
        for (int index = 0; index < 2; ++index) {
            const EvalRun stored = reload(runs.value()[index].id);
            QCOMPARE(stored.datasetId, golden.id);
            QCOMPARE(stored.itemCount, 4);
            QCOMPARE(stored.model, (QStringList{u"model-a"_s, u"model-b"_s})[index]);
            QCOMPARE(stored.name, u"golden · "_s + stored.model);
            QCOMPARE(stored.settings.generator.profile, u"local"_s);
            QCOMPARE(stored.settings.temperature, std::optional(0.5));
        }

        // Refused with nothing made: four models, or settings no run can be made with.
        ProviderSelection third = first, fourth = first;
        auto tooMany = RunSetup::createForModels(*m_workspace, golden.id, {}, settings, {first, second, third, fourth});
        QVERIFY(!tooMany);
        QCOMPARE(tooMany.error().kind, Error::Kind::Usage);
        settings.clusterBy = u"no_such_field"_s;
        auto refused = RunSetup::createForModels(*m_workspace, golden.id, {}, settings, {first, second});
        QVERIFY(!refused);
        QVERIFY2(refused.error().describe().contains(u"no_such_field"_s), qPrintable(refused.error().describe()));
        QCOMPARE(EvalRunRepository(*m_workspace).list().value().size(), 2);
        auto gone = RunSetup::createForModels(*m_workspace, 9999, {}, RunSettings(), {});
        QVERIFY(!gone);
    }

    void createFindAndList()
    {
        const Dataset dataset = makeDataset(u"golden"_s, 3);
        const EvalRun older = makeRun(dataset, u"first"_s, u"2024-05-01T10:00:00Z"_s);
        const EvalRun newer = makeRun(dataset, u"second"_s, u"2024-05-02T10:00:00Z"_s);
        QVERIFY(older.id > 0);
        QCOMPARE(older.itemCount, 3);
        QCOMPARE(older.datasetName, u"golden"_s);

        const EvalRun found = reload(older.id);
        QCOMPARE(found.name, u"first"_s);
        QCOMPARE(found.datasetVersion, 1);
        QCOMPARE(found.model, older.model);
        QCOMPARE(found.judgeModel, u"judge"_s);
        QCOMPARE(found.status, EvalRun::Status::Running);
        QCOMPARE(found.settings.metrics, older.settings.metrics);
        QCOMPARE(found.settings.concurrency, 8);
        QCOMPARE(found.settings.threshold(u"faithfulness"_s), 0.8);

        auto runs = EvalRunRepository(*m_workspace).list();
        QVERIFY(runs);
        QCOMPARE(runs.value().size(), 2);
        QCOMPARE(runs.value().first().id, newer.id);

        auto missing = EvalRunRepository(*m_workspace).find(9999);
        QVERIFY(missing);
        QVERIFY(!missing.value());

        EvalRun orphan;
        orphan.datasetId = 9999;
        QCOMPARE(EvalRunRepository(*m_workspace).create(orphan).error().kind, Error::Kind::Input);
    }

    void setStatusAndRemove()
    {
        const Dataset dataset = makeDataset(u"golden"_s, 2);
        const EvalRun run = makeRun(dataset, u"run"_s);
        EvalRunRepository repository(*m_workspace);
        QVERIFY(repository.setStatus(run.id, EvalRun::Status::Completed, u"2024-05-01T11:00:00Z"_s));
        QCOMPARE(reload(run.id).status, EvalRun::Status::Completed);
        QCOMPARE(reload(run.id).finishedAt, u"2024-05-01T11:00:00Z"_s);
        QCOMPARE(repository.setStatus(4242, EvalRun::Status::Failed).error().kind, Error::Kind::Input);

        QVERIFY(repository.storeResults({result(run.id, 0, true, 10, 0.1, 0.9)}));
        QVERIFY(repository.remove(run.id));
        QVERIFY(!repository.find(run.id).value());
        QCOMPARE(repository.resultCount(run.id).value(), 0);
        auto scores = m_workspace->execute(u"SELECT COUNT(*) FROM eval_scores"_s);
        QVERIFY(scores && scores.value().next());
        QCOMPARE(scores.value().value(0).toInt(), 0);
        QVERIFY(!repository.remove(run.id));
    }

    void storingTwiceKeepsOneResultAndCorrectCounters()
    {
        const Dataset dataset = makeDataset(u"golden"_s, 3);
        const EvalRun run = makeRun(dataset, u"run"_s);
        EvalRunRepository repository(*m_workspace);

        QVERIFY(repository.storeResults({result(run.id, 0, true, 100, 0.01, 0.75)}));
        QVERIFY(repository.storeResults({result(run.id, 1, false, 40, 0.004, std::nullopt)}));
        EvalRun stored = reload(run.id);
        QCOMPARE(stored.completed, 2);
        QCOMPARE(stored.failed, 1);
        QCOMPARE(stored.inputTokens, 140);
        QCOMPARE(stored.outputTokens, 70);
        QVERIFY(qAbs(stored.costUsd - 0.014) < 1e-12);
        QCOMPARE(repository.failedItems(run.id).value(), QList<qint64>{1});

        // The retry of item 1 succeeds, and item 0 is judged again: both replace what was there.
        QVERIFY(repository.storeResults({result(run.id, 1, true, 60, 0.006, 0.25)}));
        QVERIFY(repository.storeResults({result(run.id, 0, true, 100, 0.01, 1.0)}));
        stored = reload(run.id);
        QCOMPARE(repository.resultCount(run.id).value(), 2);
        QCOMPARE(stored.completed, 2);
        QCOMPARE(stored.failed, 0);
        QCOMPARE(stored.inputTokens, 160);
        QCOMPARE(stored.outputTokens, 80);
        QVERIFY(qAbs(stored.costUsd - 0.016) < 1e-12);
        QVERIFY(repository.failedItems(run.id).value().isEmpty());
        QCOMPARE(repository.metricValues(run.id, u"faithfulness"_s).value(), (QList<double>{1.0, 0.25}));
        QCOMPARE(repository.metricValues(run.id, u"relevance"_s).value(), (QList<double>{0.5, 0.5}));

        // Counters equal the sum over the stored rows.
        auto sums = m_workspace->execute(u"SELECT COUNT(*), SUM(input_tokens) FROM eval_results WHERE run_id = :run"_s,
                                         {{u"run"_s, run.id}});
        QVERIFY(sums && sums.value().next());
        QCOMPARE(sums.value().value(0).toLongLong(), stored.completed);
        QCOMPARE(sums.value().value(1).toLongLong(), stored.inputTokens);

        // A failure in a batch changes nothing.
        QVERIFY(!repository.storeResults({result(run.id, 2, true, 5, 0.0, 0.5), result(777, 0, true, 5, 0.0, 0.5)}));
        QCOMPARE(repository.resultCount(run.id).value(), 2);
        QCOMPARE(reload(run.id).inputTokens, 160);
    }

    void pendingItemsAfterPartialResults()
    {
        const Dataset dataset = makeDataset(u"golden"_s, 6);
        const EvalRun run = makeRun(dataset, u"run"_s);
        EvalRunRepository repository(*m_workspace);
        QCOMPARE(repository.pendingItems(run.id).value(), (QList<qint64>{0, 1, 2, 3, 4, 5}));
        QVERIFY(repository.storeResults({result(run.id, 1, true, 1, 0, 0.5), result(run.id, 4, false, 1, 0, {}),
                                         result(run.id, 0, true, 1, 0, 0.5)}));
        QCOMPARE(repository.pendingItems(run.id).value(), (QList<qint64>{2, 3, 5}));
        QCOMPARE(repository.failedItems(run.id).value(), QList<qint64>{4});
        // Another run of the same dataset has its own progress.
        const EvalRun other = makeRun(dataset, u"other"_s);
        QCOMPARE(repository.pendingItems(other.id).value().size(), 6);
    }

    void resultsComeBackWholeAndInOrder()
    {
        const Dataset dataset = makeDataset(u"golden"_s, 5);
        const EvalRun run = makeRun(dataset, u"run"_s);
        EvalRunRepository repository(*m_workspace);
        QVERIFY(repository.storeResults({result(run.id, 3, true, 1, 0, std::nullopt),
                                         result(run.id, 0, true, 1, 0, 0.5), result(run.id, 2, false, 1, 0, {})}));
        auto all = repository.results(run.id, 0, -1);
        QVERIFY(all);
        QCOMPARE(all.value().size(), 3);
        QCOMPARE(all.value().at(0).itemIndex, 0);
        QCOMPARE(all.value().at(1).itemIndex, 2);
        QCOMPARE(all.value().at(1).ok, false);
        QCOMPARE(all.value().at(1).error, u"timeout after 120 s"_s);
        const ItemResult &last = all.value().at(2);
        QCOMPARE(last.itemIndex, 3);
        QCOMPARE(last.runId, run.id);
        QCOMPARE(last.latencyMs, 900);
        QVERIFY(!last.completedAt.isEmpty());
        const MetricScore *faithfulness = last.score(u"faithfulness"_s);
        QVERIFY(faithfulness);
        QVERIFY(!faithfulness->value);
        QCOMPARE(faithfulness->error, u"the judge answered no verdicts"_s);
        QCOMPARE(faithfulness->explanation, u"2 of 3 statements are supported"_s);
        QCOMPARE(faithfulness->details.size(), 1);
        // Items without a value are left out of the numbers.
        QCOMPARE(repository.metricValues(run.id, u"faithfulness"_s).value(), QList<double>{0.5});

        auto page = repository.results(run.id, 1, 1);
        QVERIFY(page);
        QCOMPARE(page.value().size(), 1);
        QCOMPARE(page.value().first().itemIndex, 2);
    }

    void runsOfADatasetAcrossVersionsOldestFirst()
    {
        const Dataset first = makeDataset(u"golden"_s, 2);
        const Dataset second = makeDataset(u"golden"_s, 3);
        QCOMPARE(second.version, 2);
        const Dataset unrelated = makeDataset(u"other"_s, 1);
        makeRun(second, u"b"_s, u"2024-06-02T00:00:00Z"_s);
        makeRun(first, u"a"_s, u"2024-06-01T00:00:00Z"_s);
        makeRun(unrelated, u"x"_s);
        auto runs = EvalRunRepository(*m_workspace).runsOfDataset(u"golden"_s);
        QVERIFY(runs);
        QCOMPARE(runs.value().size(), 2);
        QCOMPARE(runs.value().at(0).name, u"a"_s);
        QCOMPARE(runs.value().at(1).name, u"b"_s);
        QCOMPARE(runs.value().at(1).datasetVersion, 2);
    }

    void hundredThousandResultsLoadFast()
    {
        constexpr int count = 100000;
        QElapsedTimer timer;
        timer.start();
        const Dataset dataset = makeDataset(u"large"_s, count);
        const qint64 datasetMs = timer.restart();
        const EvalRun run = makeRun(dataset, u"large run"_s);
        EvalRunRepository repository(*m_workspace);
        QList<ItemResult> results;
        results.reserve(count);
        for (int index = 0; index < count; ++index)
            results << result(run.id, index, index % 50 != 0, 300, 0.0003, (index % 100) / 100.0);
        QVERIFY(repository.storeResults(results));
        const qint64 storeMs = timer.restart();

        auto loaded = repository.results(run.id, 0, -1);
        const qint64 loadMs = timer.restart();
        QVERIFY(loaded);
        QCOMPARE(loaded.value().size(), count);
        QCOMPARE(loaded.value().last().itemIndex, count - 1);

        auto values = repository.metricValues(run.id, u"faithfulness"_s);
        const qint64 valuesMs = timer.restart();
        QVERIFY(values);
        QCOMPARE(values.value().size(), count - count / 50);

        auto page = repository.results(run.id, 99900, 100);
        auto pending = repository.pendingItems(run.id);
        auto failed = repository.failedItems(run.id);
        const qint64 pageMs = timer.restart();
        QCOMPARE(page.value().size(), 100);
        QVERIFY(pending.value().isEmpty());
        QCOMPARE(failed.value().size(), count / 50);
        const EvalRun stored = reload(run.id);
        QCOMPARE(stored.completed, count);
        QCOMPARE(stored.failed, count / 50);
        QCOMPARE(stored.inputTokens, qint64(count) * 300);

        QVERIFY(repository.remove(run.id));
        const qint64 removeMs = timer.elapsed();
        qInfo("100,000 items: dataset %lld ms; store results %lld ms; load all results %lld ms; "
              "metricValues %lld ms; page + pending + failed %lld ms; remove run %lld ms",
              datasetMs, storeMs, loadMs, valuesMs, pageMs, removeMs);
    }

    void queriesUseIndexes()
    {
        if (EngineUnderTest::isPostgres())
            QSKIP("SQLite's EXPLAIN QUERY PLAN; PostgreSQL's planner picks by table statistics");
        const QStringList queries{
            u"SELECT value FROM eval_scores WHERE run_id = 1 AND metric = 'faithfulness' AND value IS NOT NULL ORDER BY item_index"_s,
            u"SELECT item_index FROM eval_results WHERE run_id = 1 ORDER BY item_index LIMIT 10 OFFSET 5"_s,
            u"SELECT item_index FROM eval_items WHERE dataset_id = 1 ORDER BY item_index LIMIT 10"_s,
            u"SELECT id FROM eval_datasets WHERE name = 'x' AND content_hash = 'y'"_s,
            u"SELECT id FROM eval_runs WHERE dataset_id = 1"_s};
        for (const QString &sql : queries) {
            auto plan = m_workspace->execute(u"EXPLAIN QUERY PLAN "_s + sql);
            QVERIFY(plan);
            QString details;
            while (plan.value().next())
                details += plan.value().value(3).toString() + u"; "_s;
            QVERIFY2(!details.contains(u"SCAN"_s) && !details.contains(u"TEMP B-TREE"_s),
                     qPrintable(sql + u" → "_s + details));
        }
    }
};

QTEST_GUILESS_MAIN(TestEvalRunRepository)
#include "tst_evalrunrepository.moc"
