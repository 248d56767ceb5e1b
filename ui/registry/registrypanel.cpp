#include "ui/registry/registrypanel.h"

#include "core/registry/registryservice.h"
#include "core/secrets/credentialprofilerepository.h"
#include "core/storage/workspaceworker.h"
#include "core/workspaceschema.h"
#include "ui/common/banner.h"
#include "ui/common/selectionresolver.h"
#include "ui/registry/auditdialog.h"
#include "ui/registry/compareversionsdialog.h"
#include "ui/registry/decisiondialog.h"
#include "ui/theme.h"

#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QTableWidget>
#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>

namespace {

QString age(const QString &createdAt)
{
    const QDateTime created = QDateTime::fromString(createdAt, Qt::ISODate);
    if (!created.isValid())
        return createdAt;
    const qint64 days = created.daysTo(QDateTime::currentDateTimeUtc());
    if (days >= 1)
        return RegistryPanel::tr("%n day(s)", nullptr, int(days));
    const qint64 hours = created.secsTo(QDateTime::currentDateTimeUtc()) / 3600;
    return hours >= 1 ? RegistryPanel::tr("%n hour(s)", nullptr, int(hours)) : RegistryPanel::tr("just now");
}

QString keyMetrics(const ModelVersion &version)
{
    QStringList parts;
    for (auto it = version.metrics.cbegin(); it != version.metrics.cend() && parts.size() < 3; ++it)
        parts << QStringLiteral("%1 %2").arg(it.key()).arg(it.value(), 0, 'g', 3);
    return parts.join(QStringLiteral(" · "));
}

QColor statusColour(ApprovalStatus status)
{
    switch (status) {
    case ApprovalStatus::Approved:
        return Theme::color(Theme::Role::Good);
    case ApprovalStatus::Rejected:
        return Theme::color(Theme::Role::Bad);
    case ApprovalStatus::PendingManualApproval:
        return Theme::color(Theme::Role::Warning);
    }
    return {};
}

} // namespace

RegistryPanel::RegistryPanel(WorkspaceWorker &worker, CredentialStore &store, QWidget *parent)
    : QWidget(parent), m_worker(worker), m_store(store)
{
    m_options.backend = QStringLiteral("workspace");
    m_actor.user = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME", QStringLiteral("me")));
    buildLayout();
}

RegistryPanel::~RegistryPanel()
{
    // A remote call in flight aborts within a poll of its token instead of running to its timeout
    // while the remote worker's destructor waits for it.
    m_cancel.cancel();
}

template<typename T>
void RegistryPanel::withService(std::function<Result<T>(RegistryService &, Workspace &)> job,
                                std::function<void(Result<T>)> done)
{
    // The service is made per job on a worker thread, where a workspace connection lives (the audit
    // trail is always local). A remote backend's blocking calls wait on a worker of their own, so a
    // slow SageMaker or MLflow endpoint holds up neither this thread nor the other panels' jobs.
    RegistryOptions options = m_options;
    const bool remote = options.backend != QLatin1String("workspace");
    const CancelToken token = m_cancel;
    if (remote) {
        ++m_remoteJobs;
        updateBusy();
    }
    (remote ? remoteWorker() : m_worker)
        .run<T>(
            [job, options, token](Workspace &workspace) mutable -> Result<T> {
                const CancelToken::Scope scope(token);
                if (token.isCancelled())
                    return makeError(Error::Kind::Cancelled, tr("cancelled"));
                options.workspace = &workspace;
                auto backend = RegistryBackends::create(options.backend, options);
                if (!backend)
                    return backend.error();
                RegistryService service(*backend.value(), workspace);
                return job(service, workspace);
            },
            this,
            [this, remote, done = std::move(done)](Result<T> result) {
                if (remote) {
                    --m_remoteJobs;
                    updateBusy();
                }
                if (!result && result.error().kind == Error::Kind::Cancelled) {
                    m_banner->showMessage(Banner::Tone::Information, tr("Stopped waiting for the registry."));
                    return;
                }
                done(std::move(result));
            });
}

WorkspaceWorker &RegistryPanel::remoteWorker()
{
    if (!m_remote) {
        m_remote = std::make_unique<WorkspaceWorker>();
        m_remote->open(m_worker.location(), Workspace::OpenMode::ExistingOnly, WorkspaceSchema::modules(), this,
                       [this](Result<Workspace::Info> info) {
                           if (!info)
                               showProblem(info.error().describe());
                       });
    }
    return *m_remote;
}

void RegistryPanel::cancelRemote()
{
    m_cancel.cancel();
    m_cancel = CancelToken(); // later calls start afresh
}

void RegistryPanel::updateBusy()
{
    m_busy->setVisible(m_remoteJobs > 0);
    m_cancelRemote->setVisible(m_remoteJobs > 0);
    m_busy->setFormat(
        tr("Waiting for %1…").arg(m_options.backend == QLatin1String("mlflow") ? tr("MLflow") : tr("SageMaker")));
}

void RegistryPanel::buildLayout()
{
    m_banner = new Banner(this);
    m_identity = new QLabel(this);
    m_role = new QComboBox(this);
    for (Role role : {Role::DataScientist, Role::AiEngineer, Role::GovernanceOfficer, Role::Viewer})
        m_role->addItem(RegistryNames::role(role), int(role));
    m_role->setToolTip(tr("The role you decide in. On a single-user workspace file this is a label recorded in the "
                          "audit trail, not a security boundary."));
    connect(m_role, &QComboBox::activated, this, [this]() { setRole(Role(m_role->currentData().toInt())); });
    m_inbox = new QPushButton(tr("Waiting for my decision"), this);
    m_inbox->setCheckable(true);
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

    m_groups = new QListWidget(this);
    m_groups->setMinimumWidth(180);
    connect(m_groups, &QListWidget::currentTextChanged, this, [this](const QString &text) {
        const QString group = text.section(QLatin1Char('\n'), 0, 0);
        if (!group.isEmpty() && (group != m_group || m_inboxMode)) {
            m_group = group;
            m_inboxMode = false;
            const QSignalBlocker blocker(m_inbox);
            m_inbox->setChecked(false);
            loadVersions();
        }
    });
    m_versionTable = new QTableWidget(0, 7, this);
    m_versionTable->setHorizontalHeaderLabels(
        {tr("Group"), tr("Version"), tr("Status"), tr("Stage"), tr("Key metrics"), tr("Registrant"), tr("Age")});
    m_versionTable->horizontalHeader()->setSectionResizeMode(4, QHeaderView::Stretch);
    m_versionTable->verticalHeader()->hide();
    m_versionTable->setWordWrap(false);
    m_versionTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_versionTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_versionTable->setSelectionMode(QAbstractItemView::SingleSelection);
    connect(m_versionTable, &QTableWidget::currentCellChanged, this, [this](int row) { showVersion(row); });

    m_page = new QTextBrowser(this);
    m_page->setOpenLinks(false);
    connect(m_page, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (url.scheme() == QLatin1String("genaiops-eval"))
            emit openEvaluationRun(url.path().toLongLong());
    });
    m_approve = new QPushButton(tr("Approve…"), this);
    m_reject = new QPushButton(tr("Reject…"), this);
    m_promote = new QPushButton(tr("Promote…"), this);
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

void RegistryPanel::showProblem(const QString &message)
{
    m_banner->showMessage(Banner::Tone::Error, message.toHtmlEscaped());
}

void RegistryPanel::reload()
{
    struct Overview
    {
        QList<ModelGroup> groups;
        Role role = Role::DataScientist;
        int waiting = 0;
    };
    const QString user = m_actor.user;
    withService<Overview>(
        [user](RegistryService &service, Workspace &workspace) -> Result<Overview> {
            auto groups = service.groups();
            if (!groups)
                return groups.error();
            Overview overview{groups.value(), RegistryService::workspaceRole(workspace), 0};
            auto inbox = service.inbox({user, overview.role});
            if (inbox)
                overview.waiting = int(inbox.value().size());
            return overview;
        },
        [this](Result<Overview> overview) {
            if (!overview) {
                showProblem(overview.error().describe());
                emit loaded();
                return;
            }
            m_actor.role = overview.value().role;
            m_role->setCurrentIndex(m_role->findData(int(m_actor.role)));
            m_identity->setText(tr("You are <b>%1</b>, deciding as").arg(m_actor.user.toHtmlEscaped()));
            m_inbox->setText(tr("Waiting for my decision (%1)").arg(overview.value().waiting));
            const QSignalBlocker blocker(m_groups);
            m_groups->clear();
            for (const ModelGroup &group : overview.value().groups)
                m_groups->addItem(
                    tr("%1\n%2 versions, %3 pending").arg(group.name).arg(group.versionCount).arg(group.pendingCount));
            if (overview.value().groups.isEmpty()) {
                m_page->setHtml(
                    tr("<h3>No model groups yet</h3><p>Register a version with "
                       "<code>genaiops registry register GROUP --artifact URI --eval-run RUN_ID</code>, or add "
                       "demo content from the File menu.</p>"));
                emit loaded();
                return;
            }
            // A first look opens the inbox when something waits for this role: that is what people come for.
            if (m_group.isEmpty() && overview.value().waiting > 0)
                m_inboxMode = true;
            const QSignalBlocker inboxBlocker(m_inbox);
            m_inbox->setChecked(m_inboxMode);
            if (m_group.isEmpty())
                m_group = overview.value().groups.first().name;
            for (int row = 0; row < m_groups->count(); ++row)
                if (m_groups->item(row)->text().section(QLatin1Char('\n'), 0, 0) == m_group)
                    m_groups->setCurrentRow(row);
            loadVersions();
        });
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
    withService<QList<ModelVersion>>(
        [group, inbox, actor](RegistryService &service, Workspace &) {
            return inbox ? service.inbox(actor) : service.versions(group);
        },
        [this](Result<QList<ModelVersion>> versions) {
            if (!versions) {
                showProblem(versions.error().describe());
                emit loaded();
                return;
            }
            m_versions = versions.value();
            if (!m_inboxMode)
                std::sort(
                    m_versions.begin(), m_versions.end(),
                    [](const ModelVersion &left, const ModelVersion &right) { return left.version > right.version; });
            m_versionTable->setRowCount(int(m_versions.size()));
            for (int row = 0; row < m_versions.size(); ++row) {
                const ModelVersion &version = m_versions[row];
                const QStringList cells{version.group,
                                        QString::number(version.version),
                                        RegistryNames::status(version.status),
                                        version.stage == Stage::None ? QStringLiteral("—")
                                                                     : RegistryNames::stage(version.stage),
                                        keyMetrics(version),
                                        version.registrant,
                                        age(version.createdAt)};
                for (int column = 0; column < cells.size(); ++column)
                    m_versionTable->setItem(row, column, new QTableWidgetItem(cells[column]));
                m_versionTable->item(row, 2)->setForeground(statusColour(version.status));
            }
            m_versionTable->setColumnHidden(0, !m_inboxMode);
            if (m_versions.isEmpty())
                m_page->setHtml(m_inboxMode ? tr("<h3>Nothing waits for your decision</h3>")
                                            : tr("<h3>This group has no versions</h3>"));
            else
                m_versionTable->selectRow(0);
            updateButtons();
            emit loaded();
        });
}

void RegistryPanel::selectVersion(int version)
{
    for (int row = 0; row < m_versions.size(); ++row)
        if (m_versions[row].version == version)
            m_versionTable->selectRow(row);
}

QString RegistryPanel::versionPageText() const
{
    return m_page->toPlainText();
}

void RegistryPanel::updateButtons()
{
    const int row = m_versionTable->currentRow();
    const bool selected = row >= 0 && row < m_versions.size();
    for (QPushButton *button : {m_approve, m_reject, m_promote})
        button->setEnabled(selected && m_actor.role != Role::Viewer);
    m_compare->setEnabled(selected && !m_inboxMode && m_versions.size() > 1);
}

void RegistryPanel::showVersion(int row)
{
    updateButtons();
    if (row < 0 || row >= m_versions.size())
        return;
    const ModelVersion version = m_versions[row];
    struct Page
    {
        QList<RunEvidence> evidence;
        QList<AuditEntry> history;
    };
    withService<Page>(
        [version](RegistryService &service, Workspace &) -> Result<Page> {
            auto audit = service.audit(version.group);
            if (!audit)
                return audit.error();
            Page page{service.evidence(version), {}};
            for (const AuditEntry &entry : audit.value())
                if (entry.version == version.version)
                    page.history << entry;
            return page;
        },
        [this, version](Result<Page> page) {
            QString html = tr("<h3>%1 — version %2</h3>").arg(version.group.toHtmlEscaped()).arg(version.version);
            html += tr("<p><b>%1</b> · stage %2 · registered by %3 on %4</p>")
                        .arg(RegistryNames::status(version.status),
                             version.stage == Stage::None ? tr("none") : RegistryNames::stage(version.stage),
                             version.registrant.toHtmlEscaped(),
                             version.createdAt.left(16).replace(QLatin1Char('T'), QLatin1Char(' ')));
            html += tr("<p>Artifact: <code>%1</code></p>").arg(version.artifactUri.toHtmlEscaped());
            if (!version.description.isEmpty())
                html += QStringLiteral("<p>%1</p>").arg(version.description.toHtmlEscaped());
            html += tr("<h4>Metrics</h4>");
            if (version.metrics.isEmpty())
                html += tr("<p><i>none recorded</i></p>");
            else {
                html += QStringLiteral("<table cellpadding=\"3\">");
                for (auto it = version.metrics.cbegin(); it != version.metrics.cend(); ++it)
                    html += QStringLiteral("<tr><td>%1</td><td align=\"right\">%2</td></tr>")
                                .arg(it.key().toHtmlEscaped())
                                .arg(it.value(), 0, 'g', 4);
                html += QStringLiteral("</table>");
            }
            html += tr("<h4>Evidence: linked evaluation runs</h4>");
            if (page && !page.value().evidence.isEmpty()) {
                for (const RunEvidence &run : page.value().evidence) {
                    html += QStringLiteral("<p><a href=\"genaiops-eval:%1\">%2</a> — %3</p>")
                                .arg(run.runId)
                                .arg(run.name.toHtmlEscaped(), run.describe().toHtmlEscaped());
                    const QStringList agreement = run.agreementLines();
                    if (!agreement.isEmpty())
                        html += tr("<p style=\"margin-left: 16px\">Judge against people: %1</p>")
                                    .arg(agreement.join(QStringLiteral("; ")).toHtmlEscaped());
                }
            } else {
                html += tr("<p><i>no evaluation run linked: a Prod decision will need an override reason</i></p>");
            }
            html += tr("<h4>Decision history</h4>");
            if (!page || page.value().history.isEmpty())
                html += tr("<p><i>no decisions yet</i></p>");
            else {
                for (const AuditEntry &entry : page.value().history)
                    html += tr("<p>%1 — <b>%2</b> by %3 (%4): %5 → %6%7</p>")
                                .arg(entry.at.left(16).replace(QLatin1Char('T'), QLatin1Char(' ')), entry.action,
                                     entry.actor.toHtmlEscaped(), entry.role,
                                     entry.fromStatus
                                         + (entry.fromStage.isEmpty() ? QString()
                                                                      : QStringLiteral("/") + entry.fromStage),
                                     entry.toStatus
                                         + (entry.toStage.isEmpty() ? QString() : QStringLiteral("/") + entry.toStage),
                                     entry.comment.isEmpty()
                                         ? QString()
                                         : QStringLiteral("<br><i>“%1”</i>").arg(entry.comment.toHtmlEscaped()));
            }
            m_page->setHtml(html);
        });
}

void RegistryPanel::decide(DecisionAction action)
{
    const int row = m_versionTable->currentRow();
    if (row < 0 || row >= m_versions.size())
        return;
    const ModelVersion version = m_versions[row];
    const Actor actor = m_actor;
    auto checker
        = [this, actor](const Decision &decision, std::function<void(const PolicyCheck &, const QString &)> done) {
              withService<PolicyCheck>(
                  [decision, actor](RegistryService &service, Workspace &) { return service.check(decision, actor); },
                  [done](Result<PolicyCheck> check) {
                      done(check ? check.value() : PolicyCheck{}, check ? QString() : check.error().describe());
                  });
          };
    auto *dialog = new DecisionDialog(action, version, actor, checker, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(QStringLiteral("decisionDialog"));
    connect(dialog, &QDialog::accepted, this, [this, dialog, actor]() {
        const Decision decision = dialog->decision();
        withService<RegistryService::Outcome>(
            [decision, actor](RegistryService &service, Workspace &) { return service.decide(decision, actor); },
            [this, decision](Result<RegistryService::Outcome> outcome) {
                if (!outcome) {
                    showProblem(outcome.error().describe());
                    reload();
                    return;
                }
                m_banner->hide();
                emit statusMessage(tr("%1 v%2 is now %3.")
                                       .arg(decision.group)
                                       .arg(decision.version)
                                       .arg(RegistryNames::status(outcome.value().version.status)));
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
    const int row = m_versionTable->currentRow();
    if (row < 0 || m_versions.size() < 2)
        return;
    const int other = row + 1 < m_versions.size() ? row + 1 : row - 1;
    auto *dialog = new CompareVersionsDialog(m_versions, m_versions[other].version, m_versions[row].version, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void RegistryPanel::chooseBackend(int index)
{
    const QString kind = m_backend->itemData(index).toString();
    QSettings settings;
    if (kind == QLatin1String("workspace")) {
        RegistryOptions options;
        options.backend = kind;
        useBackend(options, tr("Workspace registry"));
        return;
    }
    if (kind == QLatin1String("mlflow")) {
        bool ok = false;
        const QString uri
            = QInputDialog::getText(
                  this, tr("MLflow registry"), tr("Tracking server URL:"), QLineEdit::Normal,
                  settings.value(QStringLiteral("registry/trackingUri"), QStringLiteral("http://localhost:5000"))
                      .toString(),
                  &ok)
                  .trimmed();
        if (!ok || uri.isEmpty())
            return m_backend->setCurrentIndex(m_backend->findData(m_options.backend));
        settings.setValue(QStringLiteral("registry/trackingUri"), uri);
        RegistryOptions options;
        options.backend = kind;
        options.trackingUri = uri;
        useBackend(options, uri);
        return;
    }
    // SageMaker: an AWS connection profile gives keys (from the keyring), region and endpoint.
    m_worker.run<QList<CredentialProfile>>(
        [](Workspace &workspace) { return CredentialProfileRepository(workspace).list(); }, this,
        [this, kind](Result<QList<CredentialProfile>> profiles) {
            QStringList names;
            if (profiles)
                for (const CredentialProfile &profile : profiles.value())
                    if (profile.kind == CredentialProfile::Kind::Aws)
                        names << profile.name;
            if (names.isEmpty()) {
                showProblem(tr("Add an AWS connection on the Connections page first."));
                return m_backend->setCurrentIndex(m_backend->findData(m_options.backend));
            }
            bool ok = false;
            const QString name = QInputDialog::getItem(this, tr("Amazon SageMaker Model Registry"),
                                                       tr("AWS connection:"), names, 0, false, &ok);
            if (!ok)
                return m_backend->setCurrentIndex(m_backend->findData(m_options.backend));
            ProviderSelection selection;
            selection.provider = QStringLiteral("bedrock");
            selection.model = QStringLiteral("registry"); // the resolver wants a model; the registry needs none
            selection.profile = name;
            SelectionResolver::resolve(
                selection, m_worker, m_store, this, [this, kind, name](Result<ProviderConfig> config) {
                    if (!config) {
                        showProblem(config.error().describe());
                        return m_backend->setCurrentIndex(m_backend->findData(m_options.backend));
                    }
                    RegistryOptions options;
                    options.backend = kind;
                    options.region = config.value().region;
                    options.endpointUrl = config.value().endpointUrl.toString();
                    options.aws = config.value().aws;
                    useBackend(options, tr("SageMaker (%1, %2)").arg(name, options.region));
                });
        });
}

void RegistryPanel::useBackend(RegistryOptions options, const QString &label)
{
    m_options = std::move(options);
    m_group.clear();
    m_inboxMode = false;
    // "You" on a remote registry is who the service says we are (STS GetCallerIdentity on SageMaker).
    withService<QString>([](RegistryService &service, Workspace &) { return service.backend().callerIdentity(); },
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
