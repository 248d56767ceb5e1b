#include "ui/connections/connectionspanel.h"

#include "core/edge/mqttclient.h"
#include "core/providers/chatcall.h"
#include "core/providers/chatprovider.h"
#include "core/providers/invocationrecorder.h"
#include "core/providers/providerselection.h"
#include "core/secrets/credentialprofilerepository.h"
#include "core/secrets/credentialstore.h"
#include "core/storage/workspaceworker.h"
#include "ui/common/banner.h"
#include "ui/connections/credentialprofilemodel.h"
#include "ui/connections/profiledialog.h"

#include <QAction>
#include <QDir>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

ConnectionsPanel::ConnectionsPanel(WorkspaceWorker &worker, CredentialStore &store, QWidget *parent)
    : QWidget(parent), m_worker(worker), m_store(store), m_model(new CredentialProfileModel(this)),
      m_network(new QNetworkAccessManager(this))
{
    auto *heading = new QLabel(tr("Connections"), this);
    QFont headingFont = heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.4);
    headingFont.setBold(true);
    heading->setFont(headingFont);
    auto *intro = new QLabel(tr("Profiles for model endpoints, AWS accounts and MQTT brokers. The workspace "
                                "keeps their names and settings; keys and passphrases live only in the OS keyring."),
                             this);
    intro->setWordWrap(true);

    auto *toolbar = new QToolBar(this);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_addAction = toolbar->addAction(tr("&Add…"), this, &ConnectionsPanel::addProfile);
    m_addAction->setShortcut(QKeySequence::New);
    m_addAction->setToolTip(
        tr("Add a connection profile (%1)").arg(QKeySequence(QKeySequence::New).toString(QKeySequence::NativeText)));
    m_editAction = toolbar->addAction(tr("&Edit…"), this, &ConnectionsPanel::editSelected);
    m_deleteAction = toolbar->addAction(tr("&Delete"), this, &ConnectionsPanel::deleteSelected);
    m_deleteAction->setShortcut(QKeySequence::Delete);
    m_testAction = toolbar->addAction(tr("&Test"), this, &ConnectionsPanel::testSelected);
    m_testAction->setToolTip(tr("Send a minimal prompt through the selected connection"));
    for (QAction *action : {m_addAction, m_editAction, m_deleteAction})
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addActions({m_addAction, m_deleteAction});

    m_banner = new Banner(this);
    connect(m_banner, &Banner::actionTriggered, this, &ConnectionsPanel::probeKeyring);

    m_table = new QTableView(this);

    m_table->setTabKeyNavigation(false); // Tab moves on to the next control, as elsewhere
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(CredentialProfileModel::SettingsColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(CredentialProfileModel::UpdatedColumn,
                                                      QHeaderView::ResizeToContents);
    m_table->setColumnWidth(CredentialProfileModel::NameColumn, 180);
    m_table->setColumnWidth(CredentialProfileModel::KindColumn, 220);
    connect(m_table, &QTableView::doubleClicked, this, &ConnectionsPanel::editSelected);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ConnectionsPanel::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ConnectionsPanel::updateActions);

    m_emptyState = new QLabel(tr("<h3>No connections yet</h3><p>Add a profile to call a model endpoint "
                                 "(OpenAI-compatible servers such as Ollama, vLLM or LiteLLM, or Amazon Bedrock), "
                                 "a SageMaker registry or an MQTT broker.</p><p>Press <b>Add…</b> or %1.</p>")
                                  .arg(QKeySequence(QKeySequence::New).toString(QKeySequence::NativeText)),
                              this);
    m_emptyState->setAlignment(Qt::AlignCenter);
    m_emptyState->setWordWrap(true);
    m_views = new QStackedWidget(this);
    m_views->addWidget(m_emptyState);
    m_views->addWidget(m_table);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 20);
    layout->addWidget(heading);
    layout->addWidget(intro);
    layout->addWidget(m_banner);
    layout->addWidget(toolbar);
    layout->addWidget(m_views, 1);
    updateActions();
}

void ConnectionsPanel::reload()
{
    m_worker.run<QList<CredentialProfile>>(
        [](Workspace &workspace) { return CredentialProfileRepository(workspace).list(); }, this,
        [this](Result<QList<CredentialProfile>> profiles) {
            if (profiles)
                m_model->setProfiles(profiles.value());
            else
                showProblem(profiles.error());
            m_views->setCurrentWidget(m_model->rowCount() > 0 ? static_cast<QWidget *>(m_table) : m_emptyState);
            emit loaded();
        });
}

void ConnectionsPanel::probeKeyring()
{
    m_store.probe(this, [this](Status reachable) {
        const bool unreachable = !reachable;
        m_keyringProblem = unreachable ? reachable.error().message : QString();
        if (unreachable)
            m_banner->showMessage(Banner::Tone::Warning,
                                  tr("The OS keyring is not reachable, so profiles with secrets cannot be "
                                     "saved or used. %1")
                                      .arg(CredentialStore::keyringHelp()),
                                  tr("Check again"));
        else
            m_banner->hide();
    });
}

const CredentialProfile *ConnectionsPanel::selectedProfile() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? nullptr : m_model->profileAt(rows.first().row());
}

void ConnectionsPanel::updateActions()
{
    const bool selected = selectedProfile() != nullptr;
    m_editAction->setEnabled(selected);
    m_deleteAction->setEnabled(selected);
    m_testAction->setEnabled(selected && !m_testing);
    m_testAction->setToolTip(selected && selectedProfile()->kind == CredentialProfile::Kind::Mqtt
                                 ? tr("Connect to the profile's broker and disconnect again")
                                 : tr("Send a minimal prompt through the selected connection"));
}

void ConnectionsPanel::showProblem(const Error &error)
{
    m_banner->showMessage(Banner::Tone::Error, error.describe().toHtmlEscaped());
}

void ConnectionsPanel::saveProfile(const CredentialProfile &profile, const SecretMap &secrets,
                                   std::function<void(Status)> done)
{
    auto storeProfile = [this, profile, done]() {
        m_worker.run<Done>(
            [profile](Workspace &workspace) { return CredentialProfileRepository(workspace).save(profile); }, this,
            [this, done](Status saved) {
                reload();
                emit profilesChanged();
                done(saved);
            });
    };
    if (secrets.isEmpty()) {
        storeProfile();
        return;
    }
    // Edits merge with what the keyring holds, so untouched secret fields keep their values.
    m_store.read(profile.name, this, [this, profile, secrets, storeProfile, done](Result<SecretMap> stored) {
        if (!stored)
            return done(stored.error());
        SecretMap merged = stored.value();
        for (auto it = secrets.cbegin(); it != secrets.cend(); ++it)
            merged.insert(it.key(), it.value());
        m_store.write(profile.name, merged, this, [storeProfile, done](Status written) {
            if (!written) {
                done(written);
                return;
            }
            storeProfile();
        });
    });
}

void ConnectionsPanel::deleteProfile(const QString &name, std::function<void(Status)> done)
{
    m_store.remove(name, this, [this, name, done](Status removed) {
        if (!removed) {
            done(removed);
            return;
        }
        m_worker.run<Done>([name](Workspace &workspace) { return CredentialProfileRepository(workspace).remove(name); },
                           this,
                           [this, done](Status deleted) {
                               reload();
                               emit profilesChanged();
                               done(deleted);
                           });
    });
}

void ConnectionsPanel::addProfile()
{
    auto *dialog = new ProfileDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog]() {
        const CredentialProfile profile = dialog->profile();
        saveProfile(profile, dialog->enteredSecrets(), [this, name = profile.name](Status saved) {
            if (!saved)
                showProblem(saved.error());
            else
                emit statusMessage(tr("Saved connection \"%1\".").arg(name));
        });
    });
    dialog->open();
}

void ConnectionsPanel::editSelected()
{
    const CredentialProfile *selected = selectedProfile();
    if (!selected)
        return;
    auto *dialog = new ProfileDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setProfile(*selected);
    connect(dialog, &QDialog::accepted, this, [this, dialog]() {
        const CredentialProfile profile = dialog->profile();
        saveProfile(profile, dialog->enteredSecrets(), [this, name = profile.name](Status saved) {
            if (!saved)
                showProblem(saved.error());
            else
                emit statusMessage(tr("Updated connection \"%1\".").arg(name));
        });
    });
    dialog->open();
}

void ConnectionsPanel::deleteSelected()
{
    const CredentialProfile *selected = selectedProfile();
    if (!selected)
        return;
    const QString name = selected->name;
    const auto answer = QMessageBox::question(
        this, tr("Delete connection"),
        tr("Delete the connection \"%1\" and remove its secrets from the OS keyring? This cannot be undone.").arg(name),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    deleteProfile(name, [this, name](Status deleted) {
        if (!deleted)
            showProblem(deleted.error());
        else
            emit statusMessage(tr("Deleted connection \"%1\".").arg(name));
    });
}

void ConnectionsPanel::testSelected()
{
    const CredentialProfile *selected = selectedProfile();
    if (!selected || m_testing)
        return;
    const CredentialProfile profile = *selected;
    if (profile.kind == CredentialProfile::Kind::Mqtt) {
        testBroker(profile);
        return;
    }
    QSettings settings;
    const QString key = QStringLiteral("connections/testModel/") + profile.name;
    const QString fallback = profile.kind == CredentialProfile::Kind::Aws
        ? QStringLiteral("anthropic.claude-3-haiku-20240307-v1:0")
        : QStringLiteral("gpt-4o-mini");
    bool ok = false;
    const QString model
        = QInputDialog::getText(this, tr("Test %1").arg(profile.name), tr("Model id to send a one-line prompt to:"),
                                QLineEdit::Normal, settings.value(key, fallback).toString(), &ok)
              .trimmed();
    if (!ok || model.isEmpty())
        return;
    settings.setValue(key, model);
    testProfile(profile, model);
}

void ConnectionsPanel::testProfile(const CredentialProfile &profile, const QString &model)
{
    m_testing = true;
    updateActions();
    m_banner->showMessage(Banner::Tone::Information,
                          tr("Testing %1 with %2…").arg(profile.name.toHtmlEscaped(), model.toHtmlEscaped()));
    auto test = [this, profile, model](const SecretMap &secrets) {
        ProviderSelection selection;
        selection.profile = profile.name;
        selection.model = model;
        auto config = selection.resolve(QProcessEnvironment::systemEnvironment(), QDir::homePath(), profile, secrets);
        if (!config) {
            finishTest(profile.name, config.error());
            return;
        }
        config.value().retry.maxAttempts = 1; // a test reports the first answer as it is
        config.value().firstByteTimeoutMs = config.value().idleTimeoutMs = 20000;
        ChatRequest request = ChatRequest::fromPrompt(QStringLiteral("Reply with the single word OK."));
        request.parameters.maxTokens = 5;
        request.stream = false;
        auto provider = std::shared_ptr<ChatProvider>(ChatProvider::create(config.value(), m_network));
        ChatCall *call = provider->start(request, this);
        connect(call, &ChatCall::finished, this,
                [this, provider, call, name = profile.name, config = config.value()](const Result<ChatResult> &result) {
                    call->deleteLater();
                    m_worker.run<std::optional<double>>(
                        [config, result](Workspace &workspace) -> Result<std::optional<double>> {
                            return InvocationRecorder::record(workspace, QStringLiteral("connection-test"), config,
                                                              QString(), result);
                        },
                        this, [](Result<std::optional<double>>) {});
                    finishTest(name, result);
                });
    };
    if (CredentialProfile::secretFields(profile.kind).isEmpty())
        test({});
    else
        m_store.read(profile.name, this, [this, test, name = profile.name](Result<SecretMap> secrets) {
            if (!secrets)
                return finishTest(name, secrets.error());
            test(secrets.value());
        });
}

void ConnectionsPanel::testBroker(const CredentialProfile &profile)
{
    const QString url = profile.settings.value(QStringLiteral("broker_url")).toString();
    Result<MqttSettings> parsed = MqttSettings::fromUrl(url);
    if (!parsed) {
        finishTest(profile.name, parsed.error());
        return;
    }
    m_testing = true;
    updateActions();
    m_banner->showMessage(Banner::Tone::Information, tr("Connecting to %1…").arg(url.toHtmlEscaped()));
    m_store.read(profile.name, this, [this, profile, settings = parsed.value()](Result<SecretMap> secrets) mutable {
        if (!secrets)
            return finishTest(profile.name, secrets.error());
        settings.topics.clear(); // a connection test subscribes to nothing
        settings.applyProfile(profile.settings, secrets.value());
        auto client = std::make_shared<MqttClient>(settings);
        auto clock = std::make_shared<QElapsedTimer>();
        clock->start();
        const auto done = [this, client, name = profile.name](const Result<ChatResult> &result) {
            QObject::disconnect(client.get(), nullptr, this, nullptr);
            QTimer::singleShot(0, this, [client]() { client->stop(0); }); // not from inside its own signal
            finishTest(name, result);
        };
        connect(client.get(), &MqttClient::stateChanged, this,
                [done, clock, url = settings.url()](MqttClient::State state) {
                    if (state != MqttClient::State::Connected)
                        return;
                    ChatResult connected;
                    connected.model = url;
                    connected.text = tr("connected");
                    connected.latencyMs = clock->elapsed();
                    done(connected);
                });
        connect(client.get(), &MqttClient::connectionFailed, this, [done, url = settings.url()](const QString &reason) {
            done(makeError(Error::Kind::Network, reason, url));
        });
        if (Status started = client->start(); !started)
            done(started.error());
    });
}

void ConnectionsPanel::finishTest(const QString &name, const Result<ChatResult> &result)
{
    m_testing = false;
    updateActions();
    if (!result) {
        const QString message = tr("%1 failed the test: %2").arg(name, result.error().describe());
        m_banner->showMessage(Banner::Tone::Error, message.toHtmlEscaped());
        emit testFinished(false, message);
        return;
    }
    // One arg() call with every value, so a reply that itself contains "%1" is not substituted.
    const QString message = tr("%1 works: %2 answered \"%3\" in %4 ms.")
                                .arg(name, result.value().model, result.value().text.trimmed().left(80),
                                     QLocale().toString(result.value().latencyMs));
    m_banner->showMessage(Banner::Tone::Information, message.toHtmlEscaped());
    emit testFinished(true, message);
}
