#include "ui/registry/auditdialog.h"

#include "core/registry/audittrail.h"
#include "core/storage/workspaceworker.h"
#include "ui/common/displaynames.h"
#include "ui/theme.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

AuditDialog::AuditDialog(WorkspaceWorker &worker, const QString &group, QWidget *parent)
    : QDialog(parent), m_worker(worker), m_group(group)
{
    setWindowTitle(tr("Audit trail of %1").arg(group));
    m_table = new QTableWidget(0, 8, this);
    m_table->setTabKeyNavigation(false); // Tab moves on to the next control, as elsewhere
    m_table->setHorizontalHeaderLabels(
        {tr("#"), tr("When"), tr("Who"), tr("Role"), tr("Action"), tr("Version"), tr("Change"), tr("Comment")});
    m_table->horizontalHeader()->setSectionResizeMode(7, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_verdict = new QLabel(this);
    m_verdict->setWordWrap(true);
    auto *verifyButton = new QPushButton(tr("Verify the chain"), this);
    connect(verifyButton, &QPushButton::clicked, this, &AuditDialog::verify);

    m_stage = new QComboBox(this);
    for (Stage stage : {Stage::Prod, Stage::Test, Stage::Dev})
        m_stage->addItem(DisplayNames::stage(stage), int(stage));
    m_at = new QDateTimeEdit(QDateTime::currentDateTime(), this);
    m_at->setCalendarPopup(true);
    m_answer = new QLabel(this);
    auto *ask = new QPushButton(tr("Ask"), this);
    connect(ask, &QPushButton::clicked, this, &AuditDialog::askStage);
    auto *question = new QHBoxLayout;
    question->addWidget(new QLabel(tr("Which version was in"), this));
    question->addWidget(m_stage);
    question->addWidget(new QLabel(tr("on"), this));
    question->addWidget(m_at);
    question->addWidget(ask);
    question->addWidget(m_answer, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(verifyButton, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_verdict);
    layout->addLayout(question);
    layout->addWidget(buttons);
    resize(980, 560);
    load();
    verify();
}

void AuditDialog::load()
{
    const QString group = m_group;
    m_worker.run<QList<AuditEntry>>(
        [group](Workspace &workspace) { return AuditTrail(workspace).entries(group); }, this,
        [this](Result<QList<AuditEntry>> entries) {
            if (!entries) {
                m_verdict->setText(entries.error().describe());
                return;
            }
            m_table->setRowCount(int(entries.value().size()));
            for (int row = 0; row < entries.value().size(); ++row) {
                const AuditEntry &entry = entries.value()[row];
                const QString change
                    = QStringLiteral("%1%2 → %3%4")
                          .arg(entry.fromStatus,
                               entry.fromStage.isEmpty() ? QString() : QStringLiteral("/") + entry.fromStage,
                               entry.toStatus,
                               entry.toStage.isEmpty() ? QString() : QStringLiteral("/") + entry.toStage);
                const QStringList cells{QString::number(entry.sequence),
                                        entry.at.left(19).replace(QLatin1Char('T'), QLatin1Char(' ')),
                                        entry.actor,
                                        entry.role,
                                        entry.action,
                                        QString::number(entry.version),
                                        change,
                                        entry.overrideReason.isEmpty()
                                            ? entry.comment
                                            : tr("%1 (override: %2)").arg(entry.comment, entry.overrideReason)};
                for (int column = 0; column < cells.size(); ++column) {
                    auto *item = new QTableWidgetItem(cells[column]);
                    item->setToolTip(cells[column]);
                    m_table->setItem(row, column, item);
                }
            }
            // Every column but the comment as wide as what it holds (an audit trail is read, not skimmed).
            for (int column = 0; column < 7; ++column)
                m_table->resizeColumnToContents(column);
        });
}

void AuditDialog::verify()
{
    m_worker.run<AuditTrail::Verification>(
        [](Workspace &workspace) { return AuditTrail(workspace).verify(); }, this,
        [this](Result<AuditTrail::Verification> verification) {
            if (!verification) {
                m_verdict->setText(verification.error().describe());
                return;
            }
            const AuditTrail::Verification &report = verification.value();
            if (report.ok) {
                m_verdict->setStyleSheet(Theme::textStyle(Theme::Role::Good));
                m_verdict->setText(tr("✔ The chain of %n entries is intact.", nullptr, int(report.entries)));
            } else {
                m_verdict->setStyleSheet(Theme::textStyle(Theme::Role::Bad));
                m_verdict->setText(tr("✘ Entry %1 is not as written (%2): %3")
                                       .arg(report.brokenSequence)
                                       .arg(report.problem, report.detail));
            }
        });
}

void AuditDialog::askStage()
{
    const QString group = m_group;
    const Stage stage = Stage(m_stage->currentData().toInt());
    const QDateTime at = m_at->dateTime().toUTC();
    m_worker.run<QList<int>>(
        [group, stage, at](Workspace &workspace) { return AuditTrail(workspace).versionInStageAt(group, stage, at); },
        this,
        [this](Result<QList<int>> versions) {
            if (!versions) {
                m_answer->setText(versions.error().describe());
                return;
            }
            QStringList names;
            for (int version : versions.value())
                names << tr("v%1").arg(version);
            m_answer->setText(names.isEmpty() ? tr("none") : names.join(QStringLiteral(", ")));
        });
}
