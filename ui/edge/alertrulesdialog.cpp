#include "ui/edge/alertrulesdialog.h"

#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>

AlertRulesDialog::AlertRulesDialog(const AlertRules &rules, const InspectionParser::Classes &classes, QWidget *parent)
    : QDialog(parent), m_rules(rules)
{
    setWindowTitle(tr("Alert rules and classes"));
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
    m_drift = fraction(rules.confidenceDriftBelow);
    m_drift->setToolTip(tr("How far the window's mean confidence may sink under the device's own baseline (its "
                           "first %n messages) before it counts as drifting",
                           nullptr, rules.baselineMessages));

    auto *form = new QFormLayout;
    form->addRow(tr("Defect rate above"), m_defectRate);
    form->addRow(tr("…over a window of"), m_window);
    form->addRow(tr("…judged from at least"), m_minimum);
    form->addRow(tr("Mean confidence below"), m_meanConfidence);
    form->addRow(tr("Low confidence (review queue) below"), m_lowConfidence);
    form->addRow(tr("p95 latency above"), m_latency);
    form->addRow(tr("Silent after no message for"), m_silent);
    form->addRow(tr("Drifting when confidence sinks by"), m_drift);
    m_goodClasses = new QLineEdit(classes.good.join(QStringLiteral(", ")), this);
    m_defectiveClasses = new QLineEdit(classes.defective.join(QStringLiteral(", ")), this);
    m_goodClasses->setToolTip(tr("Prediction values that mean a good part, separated by commas"));
    m_defectiveClasses->setToolTip(tr("Prediction values that mean a defective part, separated by commas"));
    form->addRow(tr("Classes meaning good"), m_goodClasses);
    form->addRow(tr("Classes meaning defective"), m_defectiveClasses);
    auto *note = new QLabel(tr("Changing the rules starts the statistics afresh. A prediction that is in neither "
                               "list counts as malformed (unknown_class)."),
                            this);
    note->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(buttons);
}

InspectionParser::Classes AlertRulesDialog::classes() const
{
    const auto names = [](const QLineEdit *field) {
        QStringList list;
        for (const QString &name : field->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
            if (!name.trimmed().isEmpty())
                list << name.trimmed();
        return list;
    };
    InspectionParser::Classes classes;
    classes.good = names(m_goodClasses);
    classes.defective = names(m_defectiveClasses);
    return classes;
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
    rules.confidenceDriftBelow = m_drift->value();
    return rules;
}
