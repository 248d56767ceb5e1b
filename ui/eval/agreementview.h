#pragma once

#include "core/eval/judgeagreement.h"

#include <QWidget>

class AgreementModel;
class Banner;
class QChartView;
class QLabel;
class QTableView;

// The run page's "Judge agreement" tab: per judged metric, Cohen's κ between the judge and people
// with its interval (a chart against the 0.6 line and a table), raw agreement, bias, reviewer pairs,
// the corrected mean, and the selected metric's confusion of verdicts. A banner names each metric
// the judge cannot be trusted on.
class AgreementView : public QWidget
{
    Q_OBJECT

public:
    explicit AgreementView(QWidget *parent = nullptr);

    void setAgreement(const QList<MetricAgreement> &metrics);
    AgreementModel *model() const { return m_model; }
    // Every metric's warning, one per line; empty when the judge can be trusted on all of them.
    QString warningText() const;
    QString confusionText() const;

signals:
    void reviewRequested();

private:
    void showConfusion(int row);
    void showChart();

    AgreementModel *m_model;
    Banner *m_banner;
    QLabel *m_empty;
    QTableView *m_table;
    QLabel *m_confusion;
    QChartView *m_chart;
};
