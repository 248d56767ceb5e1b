#include "ui/eval/agreementmodel.h"

#include "ui/theme.h"

#include <QBrush>
#include <QColor>

namespace {

QString bounds(const Interval &interval)
{
    const QLocale locale;
    return interval.isKnown()
        ? QStringLiteral("%1–%2").arg(locale.toString(interval.low, 'f', 2), locale.toString(interval.high, 'f', 2))
        : QStringLiteral("–");
}

} // namespace

void AgreementModel::setMetrics(const QList<MetricAgreement> &metrics)
{
    beginResetModel();
    m_metrics = metrics;
    endResetModel();
}

const MetricAgreement *AgreementModel::metricAt(int row) const
{
    return row >= 0 && row < m_metrics.size() ? &m_metrics[row] : nullptr;
}

int AgreementModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_metrics.size());
}

int AgreementModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AgreementModel::data(const QModelIndex &index, int role) const
{
    const MetricAgreement *metric = index.isValid() ? metricAt(index.row()) : nullptr;
    if (!metric)
        return {};
    const QLocale locale;
    if (role == Qt::ForegroundRole && index.column() == KappaColumn && metric->measured())
        return QBrush(metric->trustworthy() ? Theme::color(Theme::Role::Good) : Theme::color(Theme::Role::Bad));
    if (role == Qt::ToolTipRole) {
        switch (index.column()) {
        case KappaColumn:
            return metric->warning().isEmpty() ? metric->describe() : metric->warning();
        case CorrectedColumn:
            return metric->randomSample
                ? tr("Prediction-powered inference: the judge's scores of every item, corrected by "
                     "people's labels (λ %1); labels alone: %2 (%3)")
                      .arg(locale.toString(metric->corrected.lambda, 'f', 2),
                           locale.toString(metric->corrected.humanMean, 'f', 3), bounds(metric->corrected.humanCi95))
                : tr("Not every labelled item was drawn at random, so the corrected mean may lean "
                     "towards the items chosen");
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() != MetricColumn && index.column() != ReviewersColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case MetricColumn:
        return metric->metric;
    case LabelledColumn:
        return metric->labelledItems;
    case KappaColumn:
        return metric->judgeKappa.kappa
            ? tr("%1 (%2)").arg(locale.toString(*metric->judgeKappa.kappa, 'f', 2), bounds(metric->judgeKappa.ci95))
            : tr("unknown");
    case AgreementColumn:
        return tr("%1 %").arg(locale.toString(metric->judgeKappa.agreement * 100, 'f', 0));
    case BiasColumn:
        return metric->judgeBias ? locale.toString(*metric->judgeBias, 'f', 3) : QStringLiteral("–");
    case JudgedColumn:
        return locale.toString(metric->judgedMean, 'f', 3);
    case CorrectedColumn:
        return metric->corrected.ci95.isKnown()
            ? tr("%1 (%2)%3")
                  .arg(locale.toString(metric->corrected.estimate, 'f', 3), bounds(metric->corrected.ci95),
                       metric->randomSample ? QString() : QStringLiteral(" *"))
            : QStringLiteral("–");
    case ReviewersColumn: {
        QStringList pairs;
        for (const MetricAgreement::ReviewerPair &pair : metric->reviewerPairs)
            pairs << tr("%1 × %2: κ %3 (n %4)")
                         .arg(pair.first, pair.second,
                              pair.kappa.kappa ? locale.toString(*pair.kappa.kappa, 'f', 2) : tr("unknown"))
                         .arg(pair.kappa.pairs);
        return pairs.isEmpty() ? metric->reviewers.join(QStringLiteral(", ")) : pairs.join(QStringLiteral("; "));
    }
    default:
        return {};
    }
}

QVariant AgreementModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case KappaColumn:
            return tr("Cohen's κ between the judge's pass/fail and people's, with its 95 % bootstrap interval; "
                      "a lower bound under 0.6 means the judge cannot stand in for people on this metric");
        case AgreementColumn:
            return tr(
                "Share of labels on which judge and people say the same; high even by chance when most items pass");
        case BiasColumn:
            return tr("Mean of the judge's score minus people's, over the labelled items");
        case CorrectedColumn:
            return tr("The judged mean corrected by people's labels (prediction-powered inference), 95 % interval");
        case ReviewersColumn:
            return tr("κ between two reviewers on the items both labelled: the ceiling a judge can reach");
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case MetricColumn:
        return tr("Metric");
    case LabelledColumn:
        return tr("Labelled");
    case KappaColumn:
        return tr("κ (95% CI)");
    case AgreementColumn:
        return tr("Agreement");
    case BiasColumn:
        return tr("Judge bias");
    case JudgedColumn:
        return tr("Judged mean");
    case CorrectedColumn:
        return tr("Corrected mean (95% CI)");
    case ReviewersColumn:
        return tr("Reviewers");
    default:
        return {};
    }
}
