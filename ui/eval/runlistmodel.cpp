#include "ui/eval/runlistmodel.h"

#include "core/eval/runsummary.h"
#include "ui/common/displaynames.h"
#include "ui/theme.h"

#include <QBrush>
#include <QColor>

RunListModel::RunListModel(QObject *parent) : QAbstractTableModel(parent)
{ }

void RunListModel::setEntries(QList<RunListEntry> entries)
{
    beginResetModel();
    m_entries = std::move(entries);
    endResetModel();
}

const RunListEntry *RunListModel::entryAt(int row) const
{
    return row >= 0 && row < m_entries.size() ? &m_entries[row] : nullptr;
}

int RunListModel::rowOfRun(qint64 runId) const
{
    for (int row = 0; row < m_entries.size(); ++row) {
        if (m_entries[row].run.id == runId)
            return row;
    }
    return -1;
}

int RunListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int RunListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RunListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RunListEntry &entry = m_entries[index.row()];
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case NameColumn:
            return entry.run.name;
        case DatasetColumn:
            return tr("%1 v%2").arg(entry.run.datasetName).arg(entry.run.datasetVersion);
        case ModelColumn:
            return entry.run.model;
        case DateColumn:
            return entry.run.createdAt.left(16).replace(QLatin1Char('T'), QLatin1Char(' '));
        case StatusColumn:
            return entry.statusText();
        case MeansColumn: {
            QStringList parts;
            for (const MetricSummary &summary : entry.summaries) {
                // ± half the 95 % interval of the mean (the paired comparison says what a difference is).
                if (summary.ci95.isKnown())
                    parts << QStringLiteral("%1 %2±%3")
                                 .arg(summary.metric)
                                 .arg(summary.mean, 0, 'f', 2)
                                 .arg(summary.ci95.width() / 2, 0, 'f', 2);
                else
                    parts << QStringLiteral("%1 %2").arg(summary.metric).arg(summary.mean, 0, 'f', 2);
            }
            return parts.join(QStringLiteral(" · "));
        }
        case GatesColumn:
            if (!entry.gatesPassed)
                return tr("—");
            return *entry.gatesPassed ? tr("passed") : tr("failed");
        }
    }
    if (role == Qt::ForegroundRole && index.column() == StatusColumn && entry.itemsWithErrors > 0)
        return QBrush(Theme::color(Theme::Role::Warning));
    if (role == Qt::ForegroundRole && index.column() == GatesColumn && entry.gatesPassed)
        return QBrush(*entry.gatesPassed ? Theme::color(Theme::Role::Good) : Theme::color(Theme::Role::Bad));
    if (role == Qt::ToolTipRole)
        return tr("%1 items, %2 with errors, %3 tokens, $%4")
            .arg(entry.run.itemCount)
            .arg(entry.itemsWithErrors)
            .arg(entry.run.inputTokens + entry.run.outputTokens)
            .arg(entry.run.costUsd, 0, 'f', 4);
    return {};
}

QVariant RunListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Run");
    case DatasetColumn:
        return tr("Dataset");
    case ModelColumn:
        return tr("Model");
    case DateColumn:
        return tr("Date");
    case StatusColumn:
        return tr("Status");
    case MeansColumn:
        return tr("Means");
    case GatesColumn:
        return tr("Gates");
    default:
        return {};
    }
}

RunListEntry RunListEntry::fromSummary(const RunSummary &summary)
{
    RunListEntry entry;
    entry.run = summary.run;
    entry.itemsWithErrors = summary.itemsWithErrors;
    for (const MetricSummary &metric : summary.metrics) {
        if (summary.unscored(metric) > 0)
            entry.unscored.insert(metric.metric, summary.unscored(metric));
        if (metric.count == 0)
            continue;
        entry.summaries.insert(metric.metric, metric);
    }
    if (!summary.gates.isEmpty())
        entry.gatesPassed = summary.gatesPassed();
    entry.guardrail = summary.guardrail;
    return entry;
}

QList<RunListEntry> RunListEntry::fromSummaries(const QList<RunSummary> &summaries)
{
    QList<RunListEntry> entries;
    entries.reserve(summaries.size());
    for (const RunSummary &summary : summaries)
        entries << fromSummary(summary);
    return entries;
}

QString RunListEntry::statusText() const
{
    if (run.status == EvalRun::Status::Running)
        return tr("%1 (%2 of %3)").arg(DisplayNames::runStatus(run)).arg(run.completed).arg(run.itemCount);
    if (itemsWithErrors > 0)
        return tr("%1 · %n with errors", nullptr, int(itemsWithErrors)).arg(DisplayNames::runStatus(run));
    return DisplayNames::runStatus(run);
}

QString RunListEntry::figuresText() const
{
    const RunListEntry *entry = this;
    if (entry->summaries.isEmpty() && entry->unscored.isEmpty())
        return {};
    const QLocale locale;
    const auto interval = [&](const Interval &bounds, double scale, int decimals) {
        return bounds.isKnown() ? tr("%1–%2").arg(locale.toString(bounds.low * scale, 'f', decimals),
                                                  locale.toString(bounds.high * scale, 'f', decimals))
                                : tr("n/a");
    };
    QStringList parts;
    for (const QString &metric : entry->run.settings.metrics) {
        const qint64 unscoredItems = entry->unscored.value(metric);
        if (!entry->summaries.contains(metric)) {
            // Every call for it failed: say so rather than leave the metric out.
            if (unscoredItems > 0)
                parts << tr("<b>%1</b> no score (%2 with errors)").arg(metric.toHtmlEscaped()).arg(unscoredItems);
            continue;
        }
        const MetricSummary &summary = entry->summaries[metric];
        QString part
            = tr("<b>%1</b> %2 (95% CI %3) · pass %4% (%5%)")
                  .arg(metric.toHtmlEscaped(), locale.toString(summary.mean, 'f', 3), interval(summary.ci95, 1, 3),
                       locale.toString(summary.passRate * 100, 'f', 1), interval(summary.passRateCi95, 100, 1));
        if (summary.unstable > 0)
            part += tr(" · %n unstable", nullptr, int(summary.unstable));
        if (unscoredItems > 0)
            part += tr(" · %n without a score", nullptr, int(unscoredItems));
        parts << part;
    }
    if (entry->guardrail && entry->guardrail->checked > 0) {
        const GuardrailSummary &guarded = *entry->guardrail;
        QStringList fired;
        for (const QString &policy : GuardrailSummary::policies())
            if (guarded.byPolicy.value(policy) > 0)
                fired << tr("%1 %2").arg(policy).arg(guarded.byPolicy.value(policy));
        parts << tr("<b>guardrail</b> intervened %1 of %2 (%3%, 95% CI %4%)%5")
                     .arg(guarded.intervened)
                     .arg(guarded.checked)
                     .arg(locale.toString(guarded.rate * 100, 'f', 1), interval(guarded.ci95, 100, 1),
                          fired.isEmpty() ? QString() : tr(" · fired: %1").arg(fired.join(QStringLiteral(", "))));
    }
    QString text = parts.join(QStringLiteral(" &nbsp; "));
    if (!entry->run.settings.clusterBy.isEmpty())
        text += tr("<br>The means' intervals are clustered by %1; pass rates and comparisons treat items as "
                   "independent.")
                    .arg(entry->run.settings.clusterBy.toHtmlEscaped());
    return text;
}

QString RunListEntry::headingHtml(const EvalRun &run, const RunListEntry *listed)
{
    return tr("<b>%1</b> — dataset %2 v%3 · responses: %4 · judge: %5 · %6 items, %7 with errors · %8 tokens · $%9")
        .arg(run.name.toHtmlEscaped(), run.datasetName.toHtmlEscaped())
        .arg(run.datasetVersion)
        .arg(run.model.toHtmlEscaped(),
             run.judgeModel.isEmpty() ? (run.settings.needsJudge() ? tr("not recorded") : tr("none"))
                                      : run.judgeModel.toHtmlEscaped())
        .arg(run.itemCount)
        .arg(listed ? listed->itemsWithErrors : run.failed)
        .arg(run.inputTokens + run.outputTokens)
        .arg(run.costUsd, 0, 'f', 4);
}
