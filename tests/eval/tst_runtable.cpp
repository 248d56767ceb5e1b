// RunTable: what the item table shows of a run, read on the workspace thread with its filters and
// chart figures prepared. Every prepared answer is checked against the plain computation over
// the rows it summarises (the one the table and the proxy used to make per row).
#include "common/engineundertest.h"
#include "core/common/rowset.h"
#include "core/eval/datasetimporter.h"
#include "core/eval/evalrunrepository.h"
#include "core/eval/metricstatistics.h"
#include "core/eval/runsetup.h"
#include "core/eval/runtable.h"
#include "core/storage/workspace.h"
#include "core/workspaceschema.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {

const QStringList metrics{u"lexical_f1"_s, u"context_support"_s};
// Over the size read in two halves (and odd, so the halves differ), so every test below reads both.
constexpr int itemCount = int(RunTable::itemsReadInTwoHalves) + 301;

// Texts with capitals, accents and a character outside the BMP, so case folding is exercised.
QString questionOf(int index)
{
    static const QStringList words{u"Turbine"_s, u"PRESSURE"_s, u"Größe"_s,   u"ÄRGER"_s,    u"ärger"_s,
                                   u"latency"_s, u"Ελλάδα"_s,   u"😀 smile"_s, u"İstanbul"_s, u"cache"_s};
    return u"Question %1 about %2 and %3?"_s.arg(index).arg(words[index % 10], words[(index / 10) % 10]);
}

std::optional<double> valueOf(int index, int metric)
{
    if (index % 41 == 7 && metric == 1)
        return std::nullopt; // a metric that could not be scored
    return double((index * (metric + 3)) % 101) / 100.0;
}

} // namespace

class RunTableTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_directory;
    std::unique_ptr<Workspace> m_workspace;
    qint64 m_runId = 0;

    static bool naiveBelow(const RunTable &table, std::size_t row, int metric)
    {
        const float value = table.scores[std::size_t(metric)][row];
        return !std::isnan(value)
            && !MetricStatistics::passes(value, table.run.settings.threshold(table.metrics[metric]));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_directory.isValid());
        const QString datasetPath = m_directory.filePath(u"items.jsonl"_s);
        QFile file(datasetPath);
        QVERIFY(file.open(QIODevice::WriteOnly));
        for (int index = 0; index < itemCount; ++index)
            file.write(QJsonDocument(QJsonObject{{"user_input"_L1, questionOf(index)},
                                                 {"response"_L1, u"Answer %1: Größe matters"_s.arg(index)},
                                                 {"reference"_L1, u"reference %1"_s.arg(index)}})
                           .toJson(QJsonDocument::Compact)
                       + '\n');
        file.close();
        auto workspace = Workspace::open(EngineUnderTest::location(m_directory.filePath(u"ws.genaiops"_s)),
                                         Workspace::OpenMode::CreateIfMissing, WorkspaceSchema::modules());
        QVERIFY2(workspace, qPrintable(workspace ? QString() : workspace.error().describe()));
        m_workspace = std::move(workspace.value());
        auto dataset = DatasetImporter::import(*m_workspace, datasetPath);
        QVERIFY(dataset);
        RunSettings settings;
        settings.responsesFromDataset = true;
        settings.metrics = metrics;
        settings.thresholds.insert(u"lexical_f1"_s, 0.5);
        auto run = RunSetup::create(*m_workspace, dataset.value(), settings, u"table"_s);
        QVERIFY(run);
        m_runId = run.value().id;
        QList<ItemResult> results;
        const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
        for (int index = 0; index < itemCount; ++index) {
            if (index % 37 == 5)
                continue; // not run yet: pending
            ItemResult result;
            result.runId = m_runId;
            result.itemIndex = index;
            result.completedAt = now;
            result.ok = index % 53 != 3;
            result.error = result.ok ? QString() : u"HTTP 500"_s;
            result.response = u"Answer %1: Größe matters"_s.arg(index);
            for (int metric = 0; metric < metrics.size() && result.ok; ++metric) {
                MetricScore score;
                score.metric = metrics[metric];
                score.value = valueOf(index, metric);
                if (!score.value)
                    score.error = u"the judge answered prose"_s;
                result.scores << score;
            }
            results << result;
        }
        QVERIFY(EvalRunRepository(*m_workspace).storeResults(results));
    }

    void theFirstScreenIsTheWholeRunsFirstRows()
    {
        auto whole = RunTable::load(*m_workspace, m_runId);
        auto first = RunTable::load(*m_workspace, m_runId, 50);
        QVERIFY(whole && first);
        QCOMPARE(whole.value().rows.size(), std::size_t(itemCount));
        QCOMPARE(first.value().rows.size(), std::size_t(50));
        for (std::size_t row = 0; row < 50; ++row) {
            const RunRow &a = first.value().rows[row];
            const RunRow &b = whole.value().rows[row];
            QCOMPARE(a.index, b.index);
            QCOMPARE(a.question, b.question);
            QCOMPARE(a.error, b.error);
            QCOMPARE(a.hasResult, b.hasResult);
            for (std::size_t metric = 0; metric < 2; ++metric) {
                const float x = first.value().scores[metric][row], y = whole.value().scores[metric][row];
                QVERIFY(std::isnan(x) ? std::isnan(y) : x == y);
            }
        }
        // Stored values come back as stored; an unscored metric's error names the metric.
        const RunTable &table = whole.value();
        QCOMPARE(table.scores[0][10], float(*valueOf(10, 0)));
        QVERIFY(std::isnan(table.scores[1][7]));
        QCOMPARE(table.rows[7].error, u"context_support: the judge answered prose"_s);
        QVERIFY(!table.rows[5].hasResult);
        QCOMPARE(table.rows[3].error, u"HTTP 500"_s);
    }

    void theTwoHalvesMakeEveryRowOnceInOrderWithItsScores()
    {
        auto loaded = RunTable::load(*m_workspace, m_runId);
        QVERIFY2(loaded, qPrintable(loaded ? QString() : loaded.error().describe()));
        const RunTable &table = loaded.value();
        QCOMPARE(table.rows.size(), std::size_t(itemCount));
        for (std::size_t metric = 0; metric < table.scores.size(); ++metric)
            QCOMPARE(table.scores[metric].size(), std::size_t(itemCount));
        for (int index = 0; index < itemCount; ++index) {
            const RunRow &row = table.rows[std::size_t(index)];
            QCOMPARE(row.index, qint64(index));
            QCOMPARE(row.question, questionOf(index));
            QCOMPARE(row.hasResult, index % 37 != 5);
            const bool scored = row.hasResult && index % 53 != 3;
            for (int metric = 0; metric < metrics.size(); ++metric) {
                const float value = table.scores[std::size_t(metric)][std::size_t(index)];
                const std::optional<double> expected = scored ? valueOf(index, metric) : std::nullopt;
                QCOMPARE(std::isnan(value), !expected.has_value());
                if (expected)
                    QCOMPARE(value, float(*expected));
            }
        }
        // A search finds rows of both halves, each once.
        RunFilter filter;
        filter.search = u"question %1 about"_s.arg(itemCount / 2);
        QCOMPARE(table.filters.matching(filter).count(), std::size_t(1));
        filter.search = u"question %1 about"_s.arg(itemCount - 1);
        QCOMPARE(table.filters.matching(filter).count(), std::size_t(1));
        filter.search = u"question 7 about"_s;
        QCOMPARE(table.filters.matching(filter).count(), std::size_t(1));
    }

    void eachFilterIsTheRowsThatPassItOneByOne()
    {
        auto loaded = RunTable::load(*m_workspace, m_runId);
        QVERIFY(loaded);
        const RunTable &table = loaded.value();
        for (int metric = -1; metric < 2; ++metric) {
            RunFilter filter;
            filter.belowThreshold = true;
            filter.metric = metric;
            const RowSet rows = table.filters.matching(filter);
            std::size_t expected = 0;
            for (std::size_t row = 0; row < table.rows.size(); ++row) {
                const bool below = metric >= 0 ? naiveBelow(table, row, metric)
                                               : naiveBelow(table, row, 0) || naiveBelow(table, row, 1);
                QCOMPARE(rows.contains(row), below);
                expected += below;
            }
            QVERIFY(expected > 10 && expected < table.rows.size());
        }
        RunFilter errors;
        errors.errorsOnly = true;
        const RowSet failed = table.filters.matching(errors);
        for (std::size_t row = 0; row < table.rows.size(); ++row)
            QCOMPARE(failed.contains(row), !table.rows[row].error.isEmpty() || !table.rows[row].ok);
        QVERIFY(failed.contains(3) && failed.contains(7) && !failed.contains(5));
        QCOMPARE(table.filters.matching({}).count(), table.rows.size());
    }

    void aSearchAnswersAsACaseInsensitiveContainsOnEachRow_data()
    {
        QTest::addColumn<QString>("text");
        for (const QString &text : {u"turbine"_s, u"TURBINE pressure"_s, u"größe"_s, u"GRÖSSE"_s, u"ärger"_s,
                                    u"ÄrGeR and"_s, u"ελλάδα"_s, u"😀"_s, u"i̇stanbul"_s, u"İSTANBUL"_s, u"e"_s,
                                    u"matters"_s, u"?"_s, u"no such words"_s, u"Question 12 "_s})
            QTest::newRow(qPrintable(text)) << text;
    }

    void aSearchAnswersAsACaseInsensitiveContainsOnEachRow()
    {
        QFETCH(QString, text);
        auto loaded = RunTable::load(*m_workspace, m_runId);
        QVERIFY(loaded);
        const RunTable &table = loaded.value();
        RunFilter filter;
        filter.search = text;
        const RowSet rows = table.filters.matching(filter);
        const QString trimmed = text.trimmed(); // as the search box's text is taken
        for (std::size_t row = 0; row < table.rows.size(); ++row) {
            const bool expected = table.rows[row].question.contains(trimmed, Qt::CaseInsensitive)
                || table.rows[row].response.contains(trimmed, Qt::CaseInsensitive);
            QVERIFY2(rows.contains(row) == expected,
                     qPrintable(u"row %1: %2"_s.arg(row).arg(table.rows[row].question)));
        }
    }

    void aLiveUpdateChangesItsRowsFiltersAndSearch()
    {
        auto loaded = RunTable::load(*m_workspace, m_runId);
        QVERIFY(loaded);
        RunTable &table = loaded.value();
        ItemResult result;
        result.itemIndex = 5; // pending until now
        result.ok = true;
        result.response = u"a fresh zeppelin answer"_s;
        for (const auto &[metric, value] : {std::pair(metrics[0], 0.1), std::pair(metrics[1], 0.9)}) {
            MetricScore score;
            score.metric = metric;
            score.value = value;
            result.scores << score;
        }
        table.apply(5, table.updateOf(result));
        QVERIFY(table.rows[5].hasResult);
        QCOMPARE(table.rows[5].question, questionOf(5)); // kept: a result does not carry it
        RunFilter filter;
        filter.search = u"ZEPPELIN"_s;
        QCOMPARE(table.filters.matching(filter).count(), std::size_t(1));
        QVERIFY(table.filters.matching(filter).contains(5));
        filter.search = u"Answer 5:"_s;
        QVERIFY(!table.filters.matching(filter).contains(5)); // its old response is gone
        filter = {};
        filter.belowThreshold = true;
        filter.metric = 0;
        QVERIFY(table.filters.matching(filter).contains(5));
    }

    void theChartFiguresAreCountedFromTheScores()
    {
        auto loaded = RunTable::load(*m_workspace, m_runId);
        QVERIFY(loaded);
        const RunTable &table = loaded.value();
        QCOMPARE(table.charts.metrics.size(), std::size_t(2));
        for (int metric = 0; metric < 2; ++metric) {
            qint64 counted = 0, passed = 0;
            std::array<qint64, RunChartData::bins> bins{};
            for (const float value : table.scores[std::size_t(metric)]) {
                if (std::isnan(value))
                    continue;
                ++counted;
                passed += MetricStatistics::passes(value, table.run.settings.threshold(metrics[metric]));
                ++bins[std::size_t(std::min(9, int(value * 10)))];
            }
            const RunChartData::Metric &figures = table.charts.metrics[std::size_t(metric)];
            QCOMPARE(figures.counted, counted);
            QCOMPARE(figures.passed, passed);
            QVERIFY(figures.histogram == bins);
            QVERIFY(figures.passInterval.isKnown());
        }
        QCOMPARE(table.charts.scatterX, metrics[0]);
        // Over the limit the scatter is every step-th item scored on both metrics, each at its scores.
        qint64 valid = 0;
        for (std::size_t row = 0; row < table.rows.size(); ++row)
            valid += !std::isnan(table.scores[0][row]) && !std::isnan(table.scores[1][row]);
        QCOMPARE(table.charts.scatterValid, valid);
        QVERIFY(valid > qint64(RunChartData::scatterLimit));
        QVERIFY(table.charts.scatter.size() <= RunChartData::scatterLimit);
        QVERIFY(table.charts.scatter.size() > RunChartData::scatterLimit / 2);
        for (const auto &[point, item] : table.charts.scatter) {
            QCOMPARE(point.x(), double(table.scores[0][std::size_t(item)]));
            QCOMPARE(point.y(), double(table.scores[1][std::size_t(item)]));
        }
    }

    void rowSetsCombineWordByWord()
    {
        RowSet a(130), b(130, true);
        for (std::size_t row : {0, 63, 64, 129})
            a.set(row);
        QCOMPARE(b.count(), std::size_t(130));
        a &= b;
        QCOMPARE(a.count(), std::size_t(4));
        RowSet shorter(64, true);
        a &= shorter; // rows beyond the other's size leave the set
        QCOMPARE(a.count(), std::size_t(2));
        a |= RowSet(200, true); // and no row past its own size joins it
        QCOMPARE(a.count(), std::size_t(130));
        QVERIFY(!a.contains(130));
        a.set(500); // outside: ignored
        QCOMPARE(a.count(), std::size_t(130));
    }
};

QTEST_GUILESS_MAIN(RunTableTest)
#include "tst_runtable.moc"
