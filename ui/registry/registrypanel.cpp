#include "ui/registry/registrypanel.h"

#include "core/registry/registryservice.h"
#include "core/storage/workspaceworker.h"
#include "ui/common/banner.h"
#include "ui/common/displaynames.h"
#include "ui/registry/auditdialog.h"
#include "ui/registry/compareversionsdialog.h"
#include "ui/registry/decisiondialog.h"
#include "ui/registry/modelgroupmodel.h"
#include "ui/registry/modelversionmodel.h"
#include "ui/registry/registrybackendchooser.h"
#include "ui/registry/registryjobs.h"
#include "ui/registry/versionpageview.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListView>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

RegistryPanel::RegistryPanel(WorkspaceWorker &worker, CredentialStore &store, QWidget *parent)
    : QWidget(parent), m_worker(worker), m_jobs(new RegistryJobs(worker, this)),
      m_chooser(new RegistryBackendChooser(worker, store, this))
{
    m_actor.user = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME", QStringLiteral("me")));
    connect(m_jobs, &RegistryJobs::waitingChanged, this, &RegistryPanel::updateBusy);
    connect(m_jobs, &RegistryJobs::problem, this, &RegistryPanel::showProblem);
    connect(m_jobs, &RegistryJobs::cancelled, this,
            [this]() { m_banner->showMessage(Banner::Tone::Information, tr("Stopped waiting for the registry.")); });
    // Another officer's decision in a team workspace: shown here as soon as the database says so.
    connect(&worker, &WorkspaceWorker::notified, this, [this](const QString &channel) {
        if (channel == QLatin1String("genaiops_registry"))
            reload();
    });
    buildLayout();
}

RegistryPanel::~RegistryPanel() = default;

QLayout *RegistryPanel::buildToolbar()
{
    m_identity = new QLabel(this);
    m_role = new QComboBox(this);
    for (Role role : {Role::DataScientist, Role::AiEngineer, Role::GovernanceOfficer, Role::Viewer})
        m_role->addItem(DisplayNames::role(role), int(role));
    m_role->setToolTip(tr("The role you decide in. On a single-user workspace file this is a label recorded in the "
                          "audit trail, not a security boundary."));
    connect(m_role, &QComboBox::activated, this, [this]() { setRole(Role(m_role->currentData().toInt())); });
    m_inbox = new QPushButton(tr("Waiting for my decision"), this);
    m_inbox->setCheckable(true);
    m_inbox->setObjectName(QStringLiteral("inboxButton"));
    connect(m_inbox, &QPushButton::toggled, this, &RegistryPanel::showInbox);
    m_backend = new QComboBox(this);
    m_backend->addItem(tr("Workspace registry"), QStringLiteral("workspace"));
    m_backend->addItem(tr("Amazon SageMaker…"), QStringLiteral("sagemaker"));
    m_backend->addItem(tr("MLflow…"), QStringLiteral("mlflow"));
    m_backend->setToolTip(
        tr("Where the model versions live. Decisions are always recorded in this workspace's audit trail."));
    connect(m_backend, &QComboBox::activated, this, &RegistryPanel::chooseBackend);
    m_busy = new QProgressBar(this);
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(true);
    m_busy->setMaximumWidth(220);
    m_cancelRemote = new QPushButton(tr("Cancel"), this);
    m_cancelRemote->setToolTip(tr("Stop waiting for the remote registry"));
    connect(m_cancelRemote, &QPushButton::clicked, this, &RegistryPanel::cancelRemote);
    auto *audit = new QPushButton(tr("Audit trail…"), this);
    connect(audit, &QPushButton::clicked, this, &RegistryPanel::showAudit);
    auto *top = new QHBoxLayout;
    top->addWidget(m_identity);
    top->addWidget(m_role);
    top->addSpacing(16);
    top->addWidget(m_inbox);
    top->addStretch(1);
    top->addWidget(m_busy);
    top->addWidget(m_cancelRemote);
    top->addWidget(new QLabel(tr("Registry:"), this));
    top->addWidget(m_backend);
    top->addWidget(audit);
    return top;
}

void RegistryPanel::buildLayout()
{
    m_banner = new Banner(this);
    QLayout *top = buildToolbar();

    m_groupModel = new ModelGroupModel(this);
    m_groups = new QListView(this);
    m_groups->setObjectName(QStringLiteral("groupList"));
    m_groups->setModel(m_groupModel);
    m_groups->setMinimumWidth(180);
    m_groups->setEditTriggers(QAbstractItemView::NoEditTriggers);
    connect(m_groups->selectionModel(), &QItemSelectionModel::currentChanged, this, &RegistryPanel::groupChosen);

    m_versionModel = new ModelVersionModel(this);
    m_versionTable = new QTableView(this);
    m_versionTable->setObjectName(QStringLiteral("versionTable"));
    m_versionTable->setModel(m_versionModel);
    // A registry holds tens of versions, not thousands: columns fit their words.
    m_versionTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_versionTable->horizontalHeader()->setSectionResizeMode(ModelVersionModel::MetricsColumn, QHeaderView::Stretch);
    m_versionTable->verticalHeader()->hide();
    m_versionTable->setWordWrap(false);
    m_versionTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_versionTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_versionTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_versionTable->setTabKeyNavigation(false);
    connect(m_versionTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &RegistryPanel::showVersion);

    m_page = new VersionPageView(this);
    connect(m_page, &VersionPageView::openEvaluationRun, this, &RegistryPanel::openEvaluationRun);
    m_approve = new QPushButton(tr("Approve…"), this);
    m_reject = new QPushButton(tr("Reject…"), this);
    m_promote = new QPushButton(tr("Promote…"), this);
    m_promote->setObjectName(QStringLiteral("promoteButton"));
    m_compare = new QPushButton(tr("Compare…"), this);
    connect(m_approve, &QPushButton::clicked, this, [this]() { decide(DecisionAction::Approve); });
    connect(m_reject, &QPushButton::clicked, this, [this]() { decide(DecisionAction::Reject); });
    connect(m_promote, &QPushButton::clicked, this, [this]() { decide(DecisionAction::Promote); });
    connect(m_compare, &QPushButton::clicked, this, &RegistryPanel::compare);
    auto *buttons = new QHBoxLayout;
    for (QPushButton *button : {m_approve, m_reject, m_promote, m_compare})
        buttons->addWidget(button);
    buttons->addStretch(1);
    auto *pageBox = new QWidget(this);
    auto *pageLayout = new QVBoxLayout(pageBox);
    pageLayout->setContentsMargins(0, 0, 0, 0);
    pageLayout->addLayout(buttons);
    pageLayout->addWidget(m_page, 1);

    auto *right = new QSplitter(Qt::Vertical, this);
    right->addWidget(m_versionTable);
    right->addWidget(pageBox);
    right->setStretchFactor(0, 2);
    right->setStretchFactor(1, 3);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_groups);
    split->addWidget(right);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 5);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->addLayout(top);
    layout->addWidget(m_banner);
    layout->addWidget(split, 1);
    updateButtons();
    updateBusy();
}

bool RegistryPanel::isWaitingForRemote() const
{
    return m_jobs->waiting() > 0;
}

void RegistryPanel::cancelRemote()
{
    m_jobs->cancel();
}

void RegistryPanel::updateBusy()
{
    const bool waiting = m_jobs->waiting() > 0;
    m_busy->setVisible(waiting);
    m_cancelRemote->setVisible(waiting);
    const bool mlflow = m_jobs->options().backend == QLatin1String("mlflow");
    m_busy->setFormat(tr("Waiting for %1…").arg(mlflow ? tr("MLflow") : tr("SageMaker")));
}

void RegistryPanel::showProblem(const QString &message)
{
    m_banner->showMessage(Banner::Tone::Error, message.toHtmlEscaped());
}

void RegistryPanel::reload()
{
    const QString user = m_actor.user;
    m_jobs->run<RegistryService::Overview>(
        [user](RegistryService &service) { return service.overview(user); }, this,
        [this](Result<RegistryService::Overview> overview) {
            if (!overview) {
                showProblem(overview.error().describe());
                emit loaded();
                return;
            }
            const RegistryService::Overview &shown = overview.value();
            m_actor.role = shown.role;
            m_actor.user = shown.user;
            m_team = shown.team;
            // In a team workspace the database says who you are and your grant is your role: nothing to choose.
            m_role->setVisible(!shown.team);
            m_role->setCurrentIndex(m_role->findData(int(m_actor.role)));
            m_identity->setText(shown.team ? tr("You are <b>%1</b>, %2 in this team workspace")
                                                 .arg(m_actor.user.toHtmlEscaped(), DisplayNames::role(m_actor.role))
                                           : tr("You are <b>%1</b>, deciding as").arg(m_actor.user.toHtmlEscaped()));
            m_inbox->setText(tr("Waiting for my decision (%1)").arg(shown.waiting));
            m_fillingGroups = true;
            m_groupModel->setGroups(shown.groups);
            if (shown.groups.isEmpty()) {
                m_fillingGroups = false;
                showVersions({});
                m_page->showEmpty(tr("No model groups yet"),
                                  tr("Register a version with <code>genaiops registry register GROUP --artifact URI "
                                     "--eval-run RUN_ID</code>, or add demo content from the File menu."));
                emit loaded();
                return;
            }
            // A first look opens the inbox when something waits for this role: that is what people come for.
            if (m_group.isEmpty() && shown.waiting > 0)
                m_inboxMode = true;
            const QSignalBlocker inboxBlocker(m_inbox);
            m_inbox->setChecked(m_inboxMode);
            if (m_groupModel->rowOf(m_group) < 0)
                m_group = shown.groups.first().name;
            m_groups->setCurrentIndex(m_groupModel->index(m_groupModel->rowOf(m_group)));
            m_fillingGroups = false;
            loadVersions();
        });
}

void RegistryPanel::groupChosen(const QModelIndex &index)
{
    const QString group = index.data(ModelGroupModel::NameRole).toString();
    if (m_fillingGroups || group.isEmpty() || (group == m_group && !m_inboxMode))
        return;
    selectGroup(group);
}

void RegistryPanel::setRole(Role role)
{
    m_actor.role = role;
    m_worker.run<Done>([role](Workspace &workspace) { return RegistryService::setWorkspaceRole(workspace, role); },
                       this, [this](Status) { reload(); });
}

void RegistryPanel::selectGroup(const QString &group)
{
    m_group = group;
    m_inboxMode = false;
    const QSignalBlocker blocker(m_inbox);
    m_inbox->setChecked(false);
    const int row = m_groupModel->rowOf(group);
    if (row >= 0 && m_groups->currentIndex().row() != row) {
        m_fillingGroups = true;
        m_groups->setCurrentIndex(m_groupModel->index(row));
        m_fillingGroups = false;
    }
    loadVersions();
}

void RegistryPanel::showInbox(bool inbox)
{
    m_inboxMode = inbox;
    if (m_inbox->isChecked() != inbox) {
        const QSignalBlocker blocker(m_inbox);
        m_inbox->setChecked(inbox);
    }
    loadVersions();
}

void RegistryPanel::loadVersions()
{
    const QString group = m_group;
    const bool inbox = m_inboxMode;
    const Actor actor = m_actor;
    m_jobs->run<QList<ModelVersion>>(
        [group, inbox, actor](RegistryService &service) {
            return inbox ? service.inbox(actor) : service.versions(group);
        },
        this,
        [this](Result<QList<ModelVersion>> versions) {
            if (!versions)
                showProblem(versions.error().describe());
            else
                showVersions(versions.value());
            emit loaded();
        });
}

void RegistryPanel::showVersions(const QList<ModelVersion> &loaded)
{
    QList<ModelVersion> versions = loaded;
    if (!m_inboxMode)
        std::sort(versions.begin(), versions.end(),
                  [](const ModelVersion &left, const ModelVersion &right) { return left.version > right.version; });
    m_versionModel->setVersions(versions);
    m_versionTable->setColumnHidden(ModelVersionModel::GroupColumn, !m_inboxMode);
    if (versions.isEmpty()) {
        m_page->showEmpty(m_inboxMode ? tr("Nothing waits for your decision") : tr("This group has no versions"));
        updateButtons();
        return;
    }
    // The version selected before stays selected when it is still shown; otherwise the first row.
    // The reset cleared the current row, so the page follows whichever row this selects.
    const int kept = m_versionModel->rowOf(m_selectedGroup, m_selectedVersion);
    m_versionTable->selectRow(kept >= 0 ? kept : 0);
}

void RegistryPanel::selectVersion(int version)
{
    const int row = m_versionModel->rowOf(m_inboxMode ? m_selectedGroup : m_group, version);
    if (row >= 0)
        m_versionTable->selectRow(row);
}

const QList<ModelVersion> &RegistryPanel::shownVersions() const
{
    return m_versionModel->versions();
}

const ModelVersion *RegistryPanel::selectedVersion() const
{
    return m_versionModel->versionAt(m_versionTable->currentIndex().row());
}

QString RegistryPanel::versionPageText() const
{
    return m_page->toPlainText();
}

void RegistryPanel::updateButtons()
{
    const bool selected = selectedVersion() != nullptr;
    const bool decides = m_actor.role != Role::Viewer && m_actor.role != Role::Admin;
    for (QPushButton *button : {m_approve, m_reject, m_promote}) {
        button->setEnabled(selected && decides);
        button->setToolTip(decides ? QString() : DisplayNames::decidesNothing(m_actor.role, m_team));
    }
    m_compare->setEnabled(selected && !m_inboxMode && m_versionModel->rowCount() > 1);
}

void RegistryPanel::showVersion(const QModelIndex &index)
{
    updateButtons();
    const ModelVersion *selected = m_versionModel->versionAt(index.row());
    if (!selected)
        return;
    const ModelVersion version = *selected;
    m_selectedGroup = version.group;
    m_selectedVersion = version.version;
    // The page switches to this version at once; its evidence follows, unless another version was
    // selected in the meantime.
    m_page->showVersion(version);
    const quint64 request = ++m_pageRequest;
    m_jobs->run<RegistryService::VersionPage>(
        [version](RegistryService &service) { return service.versionPage(version); }, this,
        [this, version, request](Result<RegistryService::VersionPage> page) {
            if (request == m_pageRequest)
                m_page->showPage(version, page);
        });
}

void RegistryPanel::decide(DecisionAction action)
{
    const ModelVersion *selected = selectedVersion();
    if (!selected)
        return;
    const Actor actor = m_actor;
    auto checker
        = [this, actor](const Decision &decision, std::function<void(const PolicyCheck &, const QString &)> done) {
              m_jobs->run<PolicyCheck>(
                  [decision, actor](RegistryService &service) { return service.check(decision, actor); }, this,
                  [done](Result<PolicyCheck> check) {
                      done(check ? check.value() : PolicyCheck{}, check ? QString() : check.error().describe());
                  });
          };
    auto *dialog = new DecisionDialog(action, *selected, actor, checker, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(QStringLiteral("decisionDialog"));
    connect(dialog, &QDialog::accepted, this, [this, dialog, actor]() {
        const Decision decision = dialog->decision();
        m_jobs->run<RegistryService::Outcome>(
            [decision, actor](RegistryService &service) { return service.decide(decision, actor); }, this,
            [this, decision](Result<RegistryService::Outcome> outcome) {
                if (!outcome) {
                    showProblem(outcome.error().describe());
                    reload();
                    return;
                }
                m_banner->hide();
                emit statusMessage(RegistryService::describe(decision, outcome.value()));
                emit decided(decision.group, decision.version);
                reload();
            });
    });
    dialog->open();
}

void RegistryPanel::showAudit()
{
    auto *dialog = new AuditDialog(m_worker, m_group, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void RegistryPanel::compare()
{
    const int row = m_versionTable->currentIndex().row();
    const QList<ModelVersion> &versions = m_versionModel->versions();
    if (row < 0 || versions.size() < 2)
        return;
    const int other = row + 1 < versions.size() ? row + 1 : row - 1;
    auto *dialog = new CompareVersionsDialog(versions, versions[other].version, versions[row].version, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void RegistryPanel::chooseBackend(int index)
{
    m_chooser->choose(
        m_backend->itemData(index).toString(),
        [this](RegistryOptions options, const QString &label) { useBackend(std::move(options), label); },
        [this](const QString &reason) {
            if (!reason.isEmpty())
                showProblem(reason);
            m_backend->setCurrentIndex(m_backend->findData(m_jobs->options().backend));
        });
}

void RegistryPanel::useBackend(RegistryOptions options, const QString &label)
{
    m_jobs->setOptions(std::move(options));
    m_backend->setCurrentIndex(m_backend->findData(m_jobs->options().backend));
    m_group.clear();
    m_inboxMode = false;
    // "You" on a remote registry is who the service says we are (STS GetCallerIdentity on SageMaker).
    m_jobs->run<QString>([](RegistryService &service) { return service.backend().callerIdentity(); }, this,
                         [this, label](Result<QString> identity) {
                             if (!identity) {
                                 showProblem(identity.error().describe());
                                 return;
                             }
                             m_actor.user = identity.value();
                             emit statusMessage(tr("Registry: %1, as %2").arg(label, m_actor.user));
                             reload();
                         });
}
