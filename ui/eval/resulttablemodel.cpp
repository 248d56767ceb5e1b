#include "ui/eval/resulttablemodel.h"

#include "core/eval/metricstatistics.h"
#include "ui/theme.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

#include <cmath>

ResultTableModel::ResultTableModel(QObject *parent) : QAbstractTableModel(parent)
{ }

void ResultTableModel::setTable(RunTable table)
{
    beginResetModel();
    m_table = std::move(table);
    endResetModel();
}

void ResultTableModel::extendTable(RunTable table)
{
    const std::size_t shown = m_table.rows.size();
    const bool continues = table.run.id == m_table.run.id && table.metrics == m_table.metrics
        && table.rows.size() >= shown
        && std::equal(m_table.rows.begin(), m_table.rows.end(), table.rows.begin(),
                      [](const RunRow &a, const RunRow &b) { return a.index == b.index; });
    if (!continues)
        return setTable(std::move(table));
    if (table.rows.size() == shown) {
        m_table = std::move(table);
    } else {
        beginInsertRows({}, int(shown), int(table.rows.size()) - 1);
        m_table = std::move(table);
        endInsertRows();
    }
    if (shown > 0)
        emit dataChanged(index(0, 0), index(int(shown) - 1, columnCount() - 1));
}

const RunRow *ResultTableModel::rowAt(int row) const
{
    return row >= 0 && size_t(row) < m_table.rows.size() ? &m_table.rows[size_t(row)] : nullptr;
}

int ResultTableModel::rowOfItem(qint64 itemIndex) const
{
    // Rows are ordered by item index, so a binary search finds one among 100,000 at once.
    const auto found = std::lower_bound(m_table.rows.begin(), m_table.rows.end(), itemIndex,
                                        [](const RunRow &row, qint64 index) { return row.index < index; });
    return found != m_table.rows.end() && found->index == itemIndex ? int(found - m_table.rows.begin()) : -1;
}

void ResultTableModel::updateRow(const RunTable::Update &update)
{
    const int existing = rowOfItem(update.row.index);
    if (existing >= 0) {
        m_table.apply(std::size_t(existing), update);
        emit dataChanged(index(existing, 0), index(existing, columnCount() - 1));
    }
}

void ResultTableModel::refreshCharts()
{
    m_table.charts = RunChartData::of(m_table);
}

double ResultTableModel::sortNumber(int row, int column) const
{
    const RunRow &line = m_table.rows[size_t(row)];
    if (column == IndexColumn)
        return double(line.index);
    if (column == StatusColumn)
        return !line.hasResult ? 2 : line.ok && line.error.isEmpty() ? 1 : 0; // pending, ok, error as they read
    if (column == LowestColumn) {
        const auto [metric, value] = lowest(size_t(row));
        return metric < 0 ? 2.0 : double(value); // unscored items after every scored one
    }
    const float value = m_table.score(size_t(row), column - FirstMetricColumn);
    return std::isnan(value) ? -1.0 : double(value);
}

QString ResultTableModel::sortText(int row, int column) const
{
    const RunRow &line = m_table.rows[size_t(row)];
    return column == QuestionColumn ? line.question : line.response;
}

QString ResultTableModel::statusText(const RunRow &row) const
{
    if (!row.hasResult)
        return tr("pending");
    return row.ok && row.error.isEmpty() ? tr("ok") : tr("error");
}

int ResultTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_table.rows.size());
}

int ResultTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : FirstMetricColumn + int(m_table.metrics.size());
}

QVariant ResultTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RunRow &row = m_table.rows[size_t(index.row())];
    const int column = index.column();
    if (role == SortRole)
        return sortsAsText(column) ? QVariant(sortText(index.row(), column))
                                   : QVariant(sortNumber(index.row(), column));
    if (role == ItemIndexRole)
        return row.index;
    if (role == ErrorRole)
        return row.hasError();
    if (column == LowestColumn)
        return lowestData(size_t(index.row()), role);
    if (column >= FirstMetricColumn) {
        const float value = m_table.score(size_t(index.row()), column - FirstMetricColumn);
        const QString &metric = m_table.metrics[column - FirstMetricColumn];
        if (role == Qt::DisplayRole)
            return std::isnan(value) ? QVariant(row.hasResult ? tr("error") : QString())
                                     : QVariant(QLocale().toString(value, 'f', 2));
        if (role == Qt::ForegroundRole && !std::isnan(value) && !MetricStatistics::passes(value, threshold(metric)))
            return QBrush(Theme::color(Theme::Role::Bad));
        if (role == Qt::TextAlignmentRole)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    }
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case IndexColumn:
            return row.index; // the number the CLI, the exports and the report use
        case QuestionColumn:
            return row.question.left(200).simplified();
        case ResponseColumn:
            return row.response.left(200).simplified();
        case StatusColumn:
            return statusText(row);
        }
        return {};
    case Qt::ToolTipRole:
        if (column == StatusColumn && !row.error.isEmpty())
            return row.error;
        if (column == QuestionColumn)
            return row.question;
        return {};
    default:
        return {};
    }
}

std::pair<int, float> ResultTableModel::lowest(std::size_t row) const
{
    int metric = -1;
    float value = 0;
    for (size_t column = 0; column < m_table.scores.size(); ++column) {
        const float score = m_table.scores[column][row];
        if (!std::isnan(score) && (metric < 0 || score < value)) {
            metric = int(column);
            value = score;
        }
    }
    return {metric, value};
}

QVariant ResultTableModel::lowestData(std::size_t row, int role) const
{
    const auto [column, value] = lowest(row);
    if (column < 0)
        return {};
    const QString &metric = m_table.metrics[column];
    switch (role) {
    case Qt::DisplayRole:
        return QLocale().toString(value, 'f', 2);
    case Qt::ToolTipRole:
        return tr("lowest: %1").arg(metric);
    case Qt::ForegroundRole:
        return MetricStatistics::passes(value, threshold(metric)) ? QVariant() : QBrush(Theme::color(Theme::Role::Bad));
    case Qt::TextAlignmentRole:
        return int(Qt::AlignRight | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant ResultTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    // Score columns sort lowest first on their first click: the worst items are what a reviewer reads.
    if (orientation == Qt::Horizontal && role == Qt::InitialSortOrderRole && section >= LowestColumn)
        return int(Qt::AscendingOrder);
    if (orientation != Qt::Horizontal || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::ToolTipRole) {
        if (section == LowestColumn)
            return tr("Each item's lowest score over every metric: sorted by it, the worst items come first");
        // The kind and the threshold, which the narrow metric columns have no room for.
        if (section < FirstMetricColumn)
            return {};
        const QString metric = m_table.metrics.value(section - FirstMetricColumn);
        const double threshold = m_table.run.settings.threshold(metric);
        return Metrics::isLexical(metric) ? tr("%1: lexical metric; passes at %2 or more").arg(metric).arg(threshold)
                                          : tr("%1: judge metric; passes at %2 or more").arg(metric).arg(threshold);
    }
    switch (section) {
    case IndexColumn:
        return tr("#");
    case QuestionColumn:
        return tr("Question");
    case ResponseColumn:
        return tr("Response");
    case StatusColumn:
        return tr("Status");
    case LowestColumn:
        return tr("Lowest");
    default:
        // One word a line, so that the column is as narrow as its numbers.
        return QString(m_table.metrics.value(section - FirstMetricColumn)).replace(QLatin1Char('_'), QLatin1Char('\n'));
    }
}
