#include "ui/playground/usagedialog.h"

#include "core/providers/invocationlog.h"
#include "core/storage/workspaceworker.h"
#include "ui/theme.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLocale>
#include <QStackedBarSeries>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QValueAxis>

UsageDialog::UsageDialog(WorkspaceWorker &worker, QWidget *parent) : QDialog(parent), m_worker(worker)
{
    setWindowTitle(tr("Model usage (last 30 days)"));
    m_table = new QTableWidget(0, 8, this);
    m_table->setTabKeyNavigation(false); // Tab moves on to the next control, as elsewhere
    m_table->setHorizontalHeaderLabels({tr("Day"), tr("Provider"), tr("Model"), tr("Calls"), tr("Errors"),
                                        tr("Tokens in"), tr("Tokens out"), tr("Cost (USD)")});
    m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_chart = new QChartView(this);
    m_chart->setMinimumHeight(220);
    m_chart->setRenderHint(QPainter::Antialiasing);
    m_recordPrompts = new QCheckBox(tr("Also record prompt texts in the invocation log"), this);
    m_recordPrompts->setToolTip(tr("Off by default: prompts may hold confidential data."));
    connect(m_recordPrompts, &QCheckBox::toggled, this, [this](bool on) {
        m_worker.run<Done>([on](Workspace &workspace) { return InvocationLog(workspace).setRecordsPrompts(on); }, this,
                           [](Status) {});
    });
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_chart);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_recordPrompts);
    layout->addWidget(buttons);
    resize(900, 600);
    load();
}

void UsageDialog::load()
{
    m_worker.run<InvocationLog::Usage>(
        [](Workspace &workspace) { return InvocationLog(workspace).usage(30); }, this,
        [this](Result<InvocationLog::Usage> usage) {
            if (!usage)
                return;
            const QSignalBlocker blocker(m_recordPrompts);
            m_recordPrompts->setChecked(usage.value().recordsPrompts);
            const QList<UsageRow> &rows = usage.value().rows;
            m_table->setRowCount(int(rows.size()));
            QStringList days;
            QMap<QString, QMap<QString, double>> costByModel; // model → day → cost
            for (int row = 0; row < rows.size(); ++row) {
                const UsageRow &usageRow = rows[row];
                const QStringList cells{usageRow.day,
                                        usageRow.provider,
                                        usageRow.model,
                                        QLocale().toString(usageRow.calls),
                                        QLocale().toString(usageRow.errors),
                                        QLocale().toString(usageRow.inputTokens),
                                        QLocale().toString(usageRow.outputTokens),
                                        QStringLiteral("%1").arg(usageRow.costUsd, 0, 'f', 4)};
                for (int column = 0; column < cells.size(); ++column)
                    m_table->setItem(row, column, new QTableWidgetItem(cells[column]));
                if (!days.contains(usageRow.day))
                    days << usageRow.day;
                costByModel[usageRow.model][usageRow.day] += usageRow.costUsd;
            }
            std::sort(days.begin(), days.end());
            auto *chart = new QChart;
            // Axis numbers in the user's locale (0,5 in German), as the tables show them.
            chart->setLocale(QLocale());
            chart->setLocalizeNumbers(true);
            chart->setTitle(tr("Cost per day (USD)"));
            auto *series = new QStackedBarSeries;
            for (auto model = costByModel.cbegin(); model != costByModel.cend(); ++model) {
                auto *set = new QBarSet(model.key());
                for (const QString &day : std::as_const(days))
                    *set << model.value().value(day);
                series->append(set);
            }
            chart->addSeries(series);
            auto *axisX = new QBarCategoryAxis;
            axisX->append(days);
            chart->addAxis(axisX, Qt::AlignBottom);
            series->attachAxis(axisX);
            auto *axisY = new QValueAxis;
            axisY->setLabelFormat(QStringLiteral("%.4f"));
            chart->addAxis(axisY, Qt::AlignLeft);
            series->attachAxis(axisY);
            chart->legend()->setAlignment(Qt::AlignRight);
            if (Theme::isDark())
                chart->setTheme(QChart::ChartThemeDark);
            QChart *previous = m_chart->chart();
            m_chart->setChart(chart);
            delete previous;
        });
}
