#include "ui/registry/decisiondialog.h"

#include "ui/common/displaynames.h"
#include "ui/theme.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {

QString actionTitle(DecisionAction action)
{
    switch (action) {
    case DecisionAction::Approve:
        return DecisionDialog::tr("Approve");
    case DecisionAction::Reject:
        return DecisionDialog::tr("Reject");
    case DecisionAction::Promote:
        return DecisionDialog::tr("Promote");
    case DecisionAction::Archive:
        return DecisionDialog::tr("Archive");
    case DecisionAction::Register:
        return DecisionDialog::tr("Register");
    }
    return {};
}

} // namespace

DecisionDialog::DecisionDialog(DecisionAction action, const ModelVersion &version, const Actor &actor, Checker check,
                               QWidget *parent)
    : QDialog(parent), m_action(action), m_version(version), m_checker(std::move(check))
{
    setWindowTitle(tr("%1 %2 version %3").arg(actionTitle(action), version.group).arg(version.version));
    auto *form = new QFormLayout;
    form->addRow(tr("Version:"),
                 new QLabel(tr("%1 v%2 — %3, stage %4, registered by %5")
                                .arg(version.group)
                                .arg(version.version)
                                .arg(DisplayNames::approval(version.status),
                                     version.stage == Stage::None ? tr("none") : DisplayNames::stage(version.stage),
                                     version.registrant),
                            this));
    form->addRow(tr("Acting as:"), new QLabel(tr("%1 (%2)").arg(actor.user, DisplayNames::role(actor.role)), this));
    if (action == DecisionAction::Promote || action == DecisionAction::Approve) {
        m_stage = new QComboBox(this);
        for (Stage stage : {Stage::Dev, Stage::Test, Stage::Prod})
            m_stage->addItem(DisplayNames::stage(stage), int(stage));
        // Approving decides the version's current stage; promoting proposes the next one.
        const int current = version.stage == Stage::Test ? 1 : version.stage == Stage::Prod ? 2 : 0;
        const int next = qMin(2, version.stage == Stage::None ? 0 : current + 1);
        m_stage->setCurrentIndex(action == DecisionAction::Promote ? next : current);
        form->addRow(action == DecisionAction::Promote ? tr("To stage:") : tr("For stage:"), m_stage);
        connect(m_stage, &QComboBox::currentIndexChanged, this, &DecisionDialog::scheduleCheck);
    }
    m_comment = new QPlainTextEdit(this);
    m_comment->setPlaceholderText(tr("Why — recorded in the audit trail (required for rejections and Prod decisions)"));
    m_comment->setMaximumHeight(90);
    form->addRow(tr("Comment:"), m_comment);
    m_override = new QLineEdit(this);
    m_override->setPlaceholderText(tr("only when a Prod decision has no passing evaluation gate"));
    form->addRow(tr("Override reason:"), m_override);

    m_rules = new QTreeWidget(this);
    m_rules->setColumnCount(3);
    m_rules->setHeaderLabels({tr("Rule"), tr("Check"), tr("Detail")});
    m_rules->setRootIsDecorated(false);
    m_rules->header()->setStretchLastSection(true);
    m_rules->setColumnWidth(0, 120);
    m_rules->setColumnWidth(1, 90);
    m_rules->setMinimumHeight(150);
    m_summary = new QLabel(tr("Checking the policy…"), this);
    m_summary->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_commit = buttons->addButton(actionTitle(action), QDialogButtonBox::AcceptRole);
    m_commit->setEnabled(false);
    m_commit->setObjectName(QStringLiteral("commitButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Policy check:"), this));
    layout->addWidget(m_rules, 1);
    layout->addWidget(m_summary);
    layout->addWidget(buttons);
    resize(720, 580);

    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(250);
    connect(m_debounce, &QTimer::timeout, this, [this]() {
        const int generation = ++m_generation;
        m_checker(decision(), [this, generation](const PolicyCheck &result, const QString &problem) {
            if (generation == m_generation)
                showCheck(result, problem);
        });
    });
    connect(m_comment, &QPlainTextEdit::textChanged, this, &DecisionDialog::scheduleCheck);
    connect(m_override, &QLineEdit::textChanged, this, &DecisionDialog::scheduleCheck);
    m_debounce->start(0);
}

Decision DecisionDialog::decision() const
{
    Decision decision;
    decision.action = m_action;
    decision.group = m_version.group;
    decision.version = m_version.version;
    if (m_stage)
        decision.toStage = Stage(m_stage->currentData().toInt());
    decision.comment = m_comment->toPlainText().trimmed();
    decision.overrideReason = m_override->text().trimmed();
    decision.expectedModifiedAt = m_version.modifiedAt;
    return decision;
}

void DecisionDialog::scheduleCheck()
{
    m_commit->setEnabled(false);
    m_debounce->start();
}

void DecisionDialog::showCheck(const PolicyCheck &check, const QString &problem)
{
    m_check = check;
    m_rules->clear();
    for (const PolicyRule &rule : check.rules) {
        auto *item = new QTreeWidgetItem(
            m_rules,
            {DisplayNames::policyRule(rule.name), rule.satisfied ? tr("✔ satisfied") : tr("✘ missing"), rule.detail});
        item->setForeground(1, rule.satisfied ? Theme::color(Theme::Role::Good) : Theme::color(Theme::Role::Bad));
        item->setToolTip(2, rule.detail);
    }
    const bool allowed = problem.isEmpty() && check.allowed();
    m_commit->setEnabled(allowed);
    if (!problem.isEmpty())
        m_summary->setText(problem);
    else if (allowed)
        m_summary->setText(tr("Every rule is satisfied; the decision will be recorded in the audit trail."));
    else
        m_summary->setText(
            tr("Refused by rule \"%1\": %2").arg(check.firstRefusal()->name, check.firstRefusal()->detail));
    emit checked();
}
