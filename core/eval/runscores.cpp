#include "core/eval/runscores.h"

#include "core/eval/evaljson.h"
#include "core/eval/evalrunrepository.h"
#include "core/storage/preparedquery.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonDocument>
#include <QSqlQuery>

#include <algorithm>
#include <cmath>
#include <limits>

namespace {

QString idOf(const QString &extra)
{
    // Most datasets carry no extra fields; only parse the ones that might hold an id.
    if (extra.size() <= 2 || !extra.contains(QLatin1String("\"id\"")))
        return {};
    const QJsonValue id = EvalJson::object(extra).value(QStringLiteral("id"));
    if (id.isString())
        return id.toString();
    if (id.isDouble())
        return QString::number(id.toDouble(), 'g', 17);
    return {};
}

} // namespace

Result<RunScores> RunScores::load(Workspace &workspace, qint64 runId, Keys keys)
{
    auto found = EvalRunRepository(workspace).find(runId);
    if (!found)
        return found.error();
    if (!found.value())
        return makeError(
            Error::Kind::Input,
            QCoreApplication::translate("RunScores", "no evaluation run %1 (see `genaiops eval list`)").arg(runId));
    return load(workspace, *found.value(), keys);
}

Result<RunScores> RunScores::load(Workspace &workspace, const EvalRun &run, Keys keys)
{
    RunScores scores;
    scores.run = run;
    const bool identity = keys == Keys::Identity;
    PreparedQuery items(
        workspace,
        identity ? QStringLiteral("SELECT item_index, question, contexts, reference, extra FROM eval_items "
                                  "WHERE dataset_id = ? ORDER BY item_index")
                 : QStringLiteral("SELECT item_index FROM eval_items WHERE dataset_id = ? ORDER BY item_index"));
    items.query().setForwardOnly(true);
    if (const Status done = items.run(QVariantList{scores.run.datasetId}); !done)
        return done.error();
    scores.items.reserve(size_t(scores.run.itemCount));
    while (items.query().next()) {
        scores.items.push_back(items.query().value(0).toLongLong());
        if (!identity)
            continue;
        scores.ids.append(idOf(items.query().value(4).toString()));
        QCryptographicHash hash(QCryptographicHash::Sha1);
        for (int column : {1, 2, 3}) {
            hash.addData(items.query().value(column).toString().toUtf8());
            hash.addData(QByteArrayView("\x1f", 1));
        }
        scores.contentKeys.append(hash.result());
    }
    const size_t count = scores.items.size();
    const auto positionOf = [&scores](qint64 index) -> qsizetype {
        if (index >= 0 && size_t(index) < scores.items.size() && scores.items[size_t(index)] == index)
            return qsizetype(index);
        const auto next = std::lower_bound(scores.items.cbegin(), scores.items.cend(), index);
        return next != scores.items.cend() && *next == index ? qsizetype(next - scores.items.cbegin()) : -1;
    };
    EvalRunRepository runs(workspace);
    for (const QString &metric : std::as_const(scores.run.settings.metrics)) {
        QList<qint64> indexes;
        auto values = runs.metricValues(run.id, metric, &indexes);
        if (!values)
            return values.error();
        std::vector<double> column(count, std::numeric_limits<double>::quiet_NaN());
        for (qsizetype i = 0; i < indexes.size(); ++i) {
            const qsizetype position = positionOf(indexes[i]);
            if (position >= 0)
                column[size_t(position)] = values.value()[i];
        }
        scores.values.insert(metric, std::move(column));
    }
    if (scores.run.settings.isRepeated()) {
        // Repeated scores live in the result's score list; read them only for repeated runs.
        PreparedQuery results(workspace,
                              QStringLiteral("SELECT item_index, scores FROM eval_results WHERE run_id = ?"));
        results.query().setForwardOnly(true);
        if (const Status done = results.run(QVariantList{run.id}); !done)
            return done.error();
        while (results.query().next()) {
            const qsizetype position = positionOf(results.query().value(0).toLongLong());
            if (position < 0)
                continue;
            for (const MetricScore &score : EvalJson::scores(results.query().value(1).toString())) {
                if (score.repeats.isEmpty())
                    continue;
                auto &column = scores.repeats[score.metric];
                column.resize(count);
                column[size_t(position)] = score.repeats;
            }
        }
    }
    return scores;
}

QString RunScores::label(qsizetype position) const
{
    if (position < ids.size() && !ids[position].isEmpty())
        return ids[position];
    return QString::number(items[size_t(position)] + 1);
}

bool RunScores::hasIds() const
{
    return !ids.isEmpty() && std::none_of(ids.cbegin(), ids.cend(), [](const QString &id) { return id.isEmpty(); });
}

const std::vector<double> *RunScores::metric(const QString &name) const
{
    const auto found = values.constFind(name);
    return found == values.cend() ? nullptr : &*found;
}
