#include "evaluations/comparerunsdialog.h"

#include "eval/runtable.h"
#include "storage/workspaceworker.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

namespace {

struct Comparison
{
    QStringList metrics;
    struct Change
    {
        qint64 item;
        QString question;
        double before;
        double after;
    };
    QList<Change> changes;  // items scored in both runs, biggest change first
    int better = 0, worse = 0, same = 0;
};

} // namespace

CompareRunsDialog::CompareRunsDialog(WorkspaceWorker &worker, const QList<RunListEntry> &runs, qint64 currentRunId, QWidget *parent)
    : QDialog(parent), m_worker(worker), m_currentRunId(currentRunId)
{
    setWindowTitle(tr("Compare runs"));
    m_other = new QComboBox(this);
    QString datasetName;
    for (const RunListEntry &entry : runs) {
        if (entry.run.id == currentRunId)
            datasetName = entry.run.datasetName;
    }
    // Runs of the same dataset first: comparing item by item needs the same items.
    for (bool sameDataset : {true, false}) {
        for (const RunListEntry &entry : runs) {
            if (entry.run.id == currentRunId || (entry.run.datasetName == datasetName) != sameDataset)
                continue;
            m_other->addItem(tr("%1 (%2, %3)").arg(entry.run.name, entry.run.datasetName, entry.run.createdAt.left(10)), entry.run.id);
        }
    }
    m_metric = new QComboBox(this);
    m_summary = new QLabel(this);
    m_table = new QTableWidget(0, 5, this);
    m_table->setHorizontalHeaderLabels({tr("#"), tr("Question"), tr("Other run"), tr("This run"), tr("Change")});
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    connect(m_table, &QTableWidget::cellDoubleClicked, this,
            [this](int row, int) { emit itemActivated(m_table->item(row, 0)->data(Qt::UserRole).toLongLong()); });
    auto *choices = new QHBoxLayout;
    choices->addWidget(new QLabel(tr("Compare with:"), this));
    choices->addWidget(m_other, 1);
    choices->addWidget(new QLabel(tr("Metric:"), this));
    choices->addWidget(m_metric);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(choices);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    resize(900, 600);
    connect(m_other, &QComboBox::currentIndexChanged, this, &CompareRunsDialog::refresh);
    connect(m_metric, &QComboBox::currentIndexChanged, this, &CompareRunsDialog::refresh);
    refresh();
}

void CompareRunsDialog::refresh()
{
    const qint64 other = m_other->currentData().toLongLong();
    const qint64 current = m_currentRunId;
    const QString metric = m_metric->currentText();
    if (!other)
        return;
    m_summary->setText(tr("Comparing…"));
    m_worker.run<Comparison>(
        [other, current, metric](Workspace &workspace) -> Result<Comparison> {
            auto before = RunTable::load(workspace, other);
            if (!before)
                return before.error();
            auto after = RunTable::load(workspace, current);
            if (!after)
                return after.error();
            Comparison comparison;
            for (const QString &name : after.value().metrics) {
                if (before.value().metrics.contains(name))
                    comparison.metrics << name;
            }
            const QString chosen = comparison.metrics.contains(metric) ? metric : comparison.metrics.value(0);
            const int beforeColumn = before.value().metricColumn(chosen);
            const int afterColumn = after.value().metricColumn(chosen);
            if (beforeColumn < 0 || afterColumn < 0)
                return comparison;
            QHash<qint64, float> previous;
            for (const RunRow &row : before.value().rows)
                previous.insert(row.index, row.values[size_t(beforeColumn)]);
            for (const RunRow &row : after.value().rows) {
                const float was = previous.value(row.index, std::nanf(""));
                const float now = row.values[size_t(afterColumn)];
                if (std::isnan(was) || std::isnan(now))
                    continue;
                const double change = double(now) - double(was);
                comparison.better += change > 1e-9;
                comparison.worse += change < -1e-9;
                comparison.same += std::abs(change) <= 1e-9;
                if (std::abs(change) > 1e-9)
                    comparison.changes.append({row.index, row.question, was, now});
            }
            std::sort(comparison.changes.begin(), comparison.changes.end(), [](const auto &left, const auto &right) {
                return std::abs(left.after - left.before) > std::abs(right.after - right.before);
            });
            return comparison;
        },
        this, [this](Result<Comparison> comparison) {
            if (!comparison) {
                m_summary->setText(comparison.error().describe());
                return;
            }
            if (m_metric->count() == 0) {
                const QSignalBlocker blocker(m_metric);
                m_metric->addItems(comparison.value().metrics);
            }
            m_summary->setText(tr("%1 items got better, %2 got worse, %3 stayed the same (items scored in both runs).")
                                   .arg(comparison.value().better).arg(comparison.value().worse).arg(comparison.value().same));
            const auto &changes = comparison.value().changes;
            const int shown = int(qMin<qsizetype>(changes.size(), 2000));
            m_table->setRowCount(shown);
            for (int row = 0; row < shown; ++row) {
                const auto &change = changes[row];
                auto *index = new QTableWidgetItem(QString::number(change.item + 1));
                index->setData(Qt::UserRole, change.item);
                m_table->setItem(row, 0, index);
                m_table->setItem(row, 1, new QTableWidgetItem(change.question.simplified().left(200)));
                m_table->setItem(row, 2, new QTableWidgetItem(QString::number(change.before, 'f', 2)));
                m_table->setItem(row, 3, new QTableWidgetItem(QString::number(change.after, 'f', 2)));
                auto *delta = new QTableWidgetItem(QStringLiteral("%1%2").arg(change.after > change.before ? QStringLiteral("+") : QString())
                                                       .arg(change.after - change.before, 0, 'f', 2));
                delta->setForeground(change.after > change.before ? QColor(0x2e, 0xa0, 0x43) : QColor(0xe0, 0x52, 0x60));
                m_table->setItem(row, 4, delta);
            }
        });
}
