#include "alertrulesdialog.h"

#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>

AlertRulesDialog::AlertRulesDialog(const AlertRules &rules, QWidget *parent) : QDialog(parent), m_rules(rules)
{
    setWindowTitle(tr("Alert rules"));
    const auto share = [this](double value) {
        auto *box = new QDoubleSpinBox(this);
        box->setRange(0, 100);
        box->setDecimals(1);
        box->setSuffix(QStringLiteral(" %"));
        box->setValue(value * 100);
        return box;
    };
    const auto fraction = [this](double value) {
        auto *box = new QDoubleSpinBox(this);
        box->setRange(0, 1);
        box->setDecimals(3);
        box->setSingleStep(0.01);
        box->setValue(value);
        return box;
    };
    const auto whole = [this](int value, int maximum, const QString &suffix) {
        auto *box = new QSpinBox(this);
        box->setRange(1, maximum);
        box->setSuffix(suffix);
        box->setValue(value);
        return box;
    };
    m_defectRate = share(rules.defectRateAbove);
    m_window = whole(rules.windowSeconds, 3600, tr(" s"));
    m_minimum = whole(rules.minimumWindowMessages, 100000, tr(" messages"));
    m_meanConfidence = fraction(rules.meanConfidenceBelow);
    m_lowConfidence = fraction(rules.lowConfidenceBelow);
    m_latency = new QDoubleSpinBox(this);
    m_latency->setRange(1, 600000);
    m_latency->setSuffix(tr(" ms"));
    m_latency->setValue(rules.p95LatencyAbove);
    m_silent = whole(rules.silentSeconds, 86400, tr(" s"));

    auto *form = new QFormLayout;
    form->addRow(tr("Defect rate above"), m_defectRate);
    form->addRow(tr("…over a window of"), m_window);
    form->addRow(tr("…judged from at least"), m_minimum);
    form->addRow(tr("Mean confidence below"), m_meanConfidence);
    form->addRow(tr("Low confidence (review queue) below"), m_lowConfidence);
    form->addRow(tr("p95 latency above"), m_latency);
    form->addRow(tr("Offline after silence of"), m_silent);
    auto *note = new QLabel(tr("Changing the rules starts the statistics afresh."), this);
    note->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(buttons);
}

AlertRules AlertRulesDialog::rules() const
{
    AlertRules rules = m_rules;
    rules.defectRateAbove = m_defectRate->value() / 100.0;
    rules.windowSeconds = m_window->value();
    rules.minimumWindowMessages = m_minimum->value();
    rules.meanConfidenceBelow = m_meanConfidence->value();
    rules.lowConfidenceBelow = m_lowConfidence->value();
    rules.p95LatencyAbove = m_latency->value();
    rules.silentSeconds = m_silent->value();
    return rules;
}
