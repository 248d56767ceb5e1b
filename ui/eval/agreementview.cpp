#include "ui/eval/agreementview.h"

#include "ui/common/banner.h"
#include "ui/eval/agreementmodel.h"
#include "ui/theme.h"

#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QScatterSeries>
#include <QTableView>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>

AgreementView::AgreementView(QWidget *parent)
    : QWidget(parent), m_model(new AgreementModel(this)), m_banner(new Banner(this)), m_empty(new QLabel(this)),
      m_table(new QTableView(this)), m_confusion(new QLabel(this)), m_chart(new QChartView(this))
{
    m_table->setTabKeyNavigation(false);
    m_empty->setWordWrap(true);
    m_empty->setText(
        tr("<h3>Nobody has labelled this run yet</h3><p>A judge's scores are only as good as its agreement "
           "with people. <a href=\"review\">Review…</a> opens a labelling queue: label 30 to 50 items drawn at "
           "random for each judged metric, and this tab shows Cohen's κ between the judge and you, the judge's "
           "bias, and the judged mean corrected by your labels.</p>"));
    connect(m_empty, &QLabel::linkActivated, this, &AgreementView::reviewRequested);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { showConfusion(current.row()); });
    m_confusion->setTextFormat(Qt::RichText);
    m_confusion->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_chart->setRenderHint(QPainter::Antialiasing);
    m_chart->setMinimumWidth(320);

    auto *left = new QVBoxLayout;
    left->addWidget(m_table, 1);
    left->addWidget(m_confusion);
    auto *body = new QHBoxLayout;
    body->addLayout(left, 3);
    body->addWidget(m_chart, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_banner);
    layout->addWidget(m_empty);
    layout->addLayout(body, 1);
    setAgreement({});
}

void AgreementView::setAgreement(const QList<MetricAgreement> &metrics)
{
    m_model->setMetrics(metrics);
    const bool empty = metrics.isEmpty();
    m_empty->setVisible(empty);
    m_table->setVisible(!empty);
    m_confusion->setVisible(!empty);
    m_chart->setVisible(!empty);
    const QString warning = warningText();
    if (warning.isEmpty())
        m_banner->hide();
    else
        m_banner->showMessage(Banner::Tone::Warning,
                              warning.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>")));
    m_table->resizeColumnsToContents();
    if (!empty)
        m_table->selectRow(0);
    showConfusion(empty ? -1 : 0);
    showChart();
}

QString AgreementView::warningText() const
{
    QStringList warnings;
    for (const MetricAgreement &metric : m_model->metrics())
        if (!metric.warning().isEmpty())
            warnings << metric.warning();
    return warnings.join(QLatin1Char('\n'));
}

QString AgreementView::confusionText() const
{
    return m_confusion->text();
}

void AgreementView::showConfusion(int row)
{
    const MetricAgreement *metric = m_model->metricAt(row);
    if (!metric) {
        m_confusion->clear();
        return;
    }
    const auto cell = [](qint64 count, bool agree) {
        return QStringLiteral("<td align=\"center\" style=\"padding: 4px 14px; %1\">%2</td>")
            .arg(agree ? QStringLiteral("font-weight: bold") : QString())
            .arg(count);
    };
    QString html = tr("<p><b>%1</b>: judge's verdict against people's (each label counts; threshold %2)</p>")
                       .arg(metric->metric.toHtmlEscaped())
                       .arg(metric->threshold);
    html += QStringLiteral("<table cellspacing=\"0\" border=\"1\"><tr><td></td><th>%1</th><th>%2</th></tr>")
                .arg(tr("people: pass"), tr("people: fail"));
    html += QStringLiteral("<tr><th>%1</th>%2%3</tr>")
                .arg(tr("judge: pass"), cell(metric->confusion[1][1], true), cell(metric->confusion[1][0], false));
    html += QStringLiteral("<tr><th>%1</th>%2%3</tr></table>")
                .arg(tr("judge: fail"), cell(metric->confusion[0][1], false), cell(metric->confusion[0][0], true));
    if (metric->withoutJudgeScore > 0)
        html += tr("<p>%n labelled item(s) left out: the judge gave them no score.</p>", nullptr,
                   int(metric->withoutJudgeScore));
    if (!metric->randomSample)
        html += tr(
            "<p>* Not every labelled item was drawn at random: the corrected mean may lean towards the items chosen. "
            "Label a random queue for an unbiased correction.</p>");
    m_confusion->setText(html);
}

void AgreementView::showChart()
{
    const bool dark = Theme::isDark();
    auto *chart = new QChart;
    // Axis numbers in the user's locale (0,5 in German), as the tables show them.
    chart->setLocale(QLocale());
    chart->setLocalizeNumbers(true);
    chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setTitle(tr("Judge–people κ, 95% CI (trusted from 0.6)"));
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->legend()->setVisible(false);
    const QList<MetricAgreement> &metrics = m_model->metrics();
    auto *rows = new QCategoryAxis;
    rows->setRange(-0.5, double(qMax<qsizetype>(1, metrics.size())) - 0.5);
    rows->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    auto *kappaAxis = new QValueAxis;
    kappaAxis->setRange(-0.2, 1.04); // room for a marker at κ = 1
    kappaAxis->setTickType(QValueAxis::TicksDynamic);
    kappaAxis->setTickAnchor(0.0);
    kappaAxis->setTickInterval(0.2);
    kappaAxis->setLabelFormat(QStringLiteral("%.1f"));
    kappaAxis->setTitleText(tr("κ"));
    chart->addAxis(kappaAxis, Qt::AlignBottom);
    chart->addAxis(rows, Qt::AlignLeft);
    auto *trusted = new QLineSeries;
    *trusted << QPointF(MetricAgreement::trustedKappa, rows->min())
             << QPointF(MetricAgreement::trustedKappa, rows->max());
    trusted->setPen(QPen(Theme::color(Theme::Role::Good), 1.5, Qt::DashLine));
    chart->addSeries(trusted);
    trusted->attachAxis(kappaAxis);
    trusted->attachAxis(rows);
    auto *points = new QScatterSeries;
    points->setMarkerSize(10);
    const QColor ink = Theme::color(Theme::Role::Ink, dark);
    points->setColor(ink);
    for (qsizetype i = 0; i < metrics.size(); ++i) {
        rows->append(metrics[i].metric, double(i));
        const KappaEstimate &kappa = metrics[i].judgeKappa;
        if (!kappa.kappa)
            continue;
        *points << QPointF(std::clamp(*kappa.kappa, -0.2, 1.0), double(i));
        if (!kappa.ci95.isKnown())
            continue;
        auto *whisker = new QLineSeries;
        const double y = double(i);
        constexpr double cap = 0.1;
        const double low = std::clamp(kappa.ci95.low, -0.2, 1.0);
        const double high = std::clamp(kappa.ci95.high, -0.2, 1.0);
        *whisker << QPointF(low, y - cap) << QPointF(low, y + cap) << QPointF(low, y) << QPointF(high, y)
                 << QPointF(high, y + cap) << QPointF(high, y - cap);
        whisker->setPen(
            QPen(metrics[i].trustworthy() ? Theme::color(Theme::Role::Good) : Theme::color(Theme::Role::Bad), 2));
        chart->addSeries(whisker);
        whisker->attachAxis(kappaAxis);
        whisker->attachAxis(rows);
    }
    chart->addSeries(points);
    points->attachAxis(kappaAxis);
    points->attachAxis(rows);
    QChart *old = m_chart->chart();
    m_chart->setChart(chart);
    delete old;
}
