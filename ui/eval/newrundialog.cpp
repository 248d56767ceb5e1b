#include "ui/eval/newrundialog.h"

#include "core/eval/datasetrepository.h"
#include "core/eval/runsetup.h"
#include "core/secrets/credentialprofilerepository.h"
#include "core/storage/workspaceworker.h"
#include "ui/common/profilemarks.h"
#include "ui/eval/generatorrows.h"
#include "ui/eval/pipelineoptions.h"
#include "ui/theme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

namespace {

constexpr int datasetIdRole = Qt::UserRole;
constexpr int datasetPathRole = Qt::UserRole + 1;
// Below zero the temperature box reads "model's default": the request leaves it out.
constexpr double noTemperature = -0.1;

struct Choices
{
    QStringList profiles;
    QSet<QString> unverified; // verify_tls "no": marked in red
    QList<Dataset> datasets;
    QStringList awsProfiles; // what a guardrail's connection can be
};

} // namespace

NewRunDialog::NewRunDialog(WorkspaceWorker &worker, QWidget *parent) : QDialog(parent), m_worker(worker)
{
    setWindowTitle(tr("New evaluation run"));
    m_dataset = new QComboBox(this);
    m_dataset->setObjectName(QStringLiteral("datasetChoice"));
    m_dataset->setPlaceholderText(tr("choose a dataset…"));
    m_name = new QLineEdit(this);
    m_name->setPlaceholderText(tr("defaults to the dataset's name and the date"));
    m_fromDataset = new QRadioButton(tr("Responses are in the dataset"), this);
    m_generate = new QRadioButton(tr("Generate responses with"), this);
    m_fromDataset->setChecked(true);
    buildGeneration();
    m_judgeProfile = new QComboBox(this);
    m_judgeProfile->setObjectName(QStringLiteral("judgeChoice"));
    m_judgeProfile->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_judgeModel = new QLineEdit(this);
    m_judgeModel->setPlaceholderText(tr("judge model id, e.g. anthropic.claude-3-haiku-20240307-v1:0"));
    m_concurrency = new QSpinBox(this);
    m_concurrency->setRange(1, 256);
    m_concurrency->setValue(8);
    m_repeats = new QSpinBox(this);
    m_repeats->setRange(1, 20);
    m_repeats->setPrefix(tr("responses per item: "));
    m_repeats->setToolTip(
        tr("Generate each response this many times; figures use each item's mean and unstable items are flagged"));
    m_judgeRepeats = new QSpinBox(this);
    m_judgeRepeats->setRange(1, 20);
    m_judgeRepeats->setPrefix(tr("judge calls per response: "));
    m_judgeRepeats->setToolTip(tr("Judge each response this many times, to see how much of the spread is the judge's"));
    m_clusterBy = new QLineEdit(this);
    m_clusterBy->setPlaceholderText(tr("optional: a dataset field grouping items, e.g. source"));
    m_clusterBy->setToolTip(tr("Items that share this field (the same source document, say) are not independent: "
                               "their intervals are clustered by it"));
    m_problem = new QLabel(this);
    m_problem->setWordWrap(true);
    m_problem->hide();

    QFormLayout *form = buildForm();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Start run"));
    connect(buttons, &QDialogButtonBox::accepted, this, &NewRunDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    connect(m_generate, &QRadioButton::toggled, this, &NewRunDialog::updateState);
    // Typing a model says where the responses come from.
    connect(m_generators, &GeneratorRows::edited, this, [this]() { m_generate->setChecked(true); });
    connect(m_judgeProfile, &QComboBox::activated, this, &NewRunDialog::judgeChosen);
    resize(680, sizeHint().height());

    m_worker.run<Choices>(
        [](Workspace &workspace) -> Result<Choices> {
            auto profiles = CredentialProfileRepository(workspace).choices(CredentialProfile::modelKinds());
            if (!profiles)
                return profiles.error();
            auto datasets = DatasetRepository(workspace).latest();
            if (!datasets)
                return datasets.error();
            auto aws = CredentialProfileRepository(workspace).choices({CredentialProfile::Kind::Aws});
            if (!aws)
                return aws.error();
            return Choices{profiles.value().names, profiles.value().withoutTlsVerification, datasets.value(),
                           aws.value().names};
        },
        this,
        [this](Result<Choices> choices) {
            if (!choices)
                return showProblem(choices.error().describe());
            m_pipeline->setAwsProfiles(choices.value().awsProfiles, choices.value().unverified);
            fill(choices.value().profiles, choices.value().unverified, choices.value().datasets);
        });
    updateState();
}

void NewRunDialog::buildGeneration()
{
    m_generators = new GeneratorRows(this);
    m_pipeline = new PipelineOptions(this);
    m_systemPrompt = new QLineEdit(this);
    m_systemPrompt->setPlaceholderText(tr("default: answer from the contexts only, or say they do not hold it"));
    m_temperature = new QDoubleSpinBox(this);
    m_temperature->setRange(noTemperature, 2.0);
    m_temperature->setSingleStep(0.1);
    m_temperature->setDecimals(2);
    m_temperature->setSpecialValueText(tr("model's default"));
    m_temperature->setValue(noTemperature);
    m_maxTokens = new QSpinBox(this);
    m_maxTokens->setRange(1, 200000);
    m_maxTokens->setValue(1024);
    m_maxTokens->setPrefix(tr("at most "));
    m_maxTokens->setSuffix(tr(" tokens"));
}

QGroupBox *NewRunDialog::buildMetrics()
{
    auto *metricsBox = new QGroupBox(tr("Metrics"), this);
    auto *metricsLayout = new QGridLayout(metricsBox);
    const QStringList lexical = Metrics::lexical() + Metrics::retrieval();
    const QStringList judge = Metrics::judged();
    for (qsizetype index = 0; index < lexical.size() + judge.size(); ++index) {
        const bool isLexical = index < lexical.size();
        const QString metric = isLexical ? lexical[index] : judge[index - lexical.size()];
        auto *box = new QCheckBox(
            isLexical ? tr("%1 (lexical, no model)").arg(metric) : tr("%1 (needs a judge)").arg(metric), metricsBox);
        box->setObjectName(metric);
        box->setChecked(Metrics::lexical().contains(metric));
        m_metrics.insert(metric, box);
        // Lexical metrics in the first column, the judge's in the second.
        metricsLayout->addWidget(box, int(isLexical ? index : index - lexical.size()), isLexical ? 0 : 1);
        connect(box, &QCheckBox::toggled, this, &NewRunDialog::updateState);
    }
    return metricsBox;
}

QFormLayout *NewRunDialog::buildForm()
{
    auto *browse = new QPushButton(tr("File…"), this);
    browse->setToolTip(tr("A JSONL or CSV file not yet in the workspace"));
    connect(browse, &QPushButton::clicked, this, [this]() {
        const QString path = QFileDialog::getOpenFileName(this, tr("Golden dataset"), {},
                                                          tr("Datasets (*.jsonl *.json *.csv);;All files (*)"));
        if (!path.isEmpty())
            chooseDataset(0, path);
    });
    auto *datasetRow = new QHBoxLayout;
    datasetRow->addWidget(m_dataset, 1);
    datasetRow->addWidget(browse);
    auto *parameters = new QHBoxLayout;
    parameters->addWidget(new QLabel(tr("Temperature:"), this));
    parameters->addWidget(m_temperature);
    parameters->addWidget(m_maxTokens);
    parameters->addStretch();
    auto *judgeRow = new QHBoxLayout;
    judgeRow->addWidget(m_judgeProfile);
    judgeRow->addWidget(m_judgeModel, 1);
    auto *form = new QFormLayout;
    form->addRow(tr("Dataset:"), datasetRow);
    form->addRow(tr("Run name:"), m_name);
    form->addRow(QString(), m_fromDataset);
    form->addRow(m_generate, m_generators);
    form->addRow(tr("System prompt:"), m_systemPrompt);
    form->addRow(QString(), parameters);
    form->addRow(m_pipeline);
    form->addRow(tr("Judge:"), judgeRow);
    form->addRow(buildMetrics());
    form->addRow(tr("Items at once:"), m_concurrency);
    auto *repeatsRow = new QHBoxLayout;
    repeatsRow->addWidget(m_repeats);
    repeatsRow->addWidget(m_judgeRepeats);
    repeatsRow->addStretch();
    form->addRow(tr("Repeats:"), repeatsRow);
    form->addRow(tr("Cluster by:"), m_clusterBy);
    return form;
}

void NewRunDialog::fill(const QStringList &profiles, const QSet<QString> &unverified, const QList<Dataset> &datasets)
{
    m_generators->setProfiles(profiles, unverified);
    m_judgeProfile->addItem(tr("No judge"));
    m_judgeProfile->addItems(profiles);
    ProfileMarks::apply(m_judgeProfile, unverified);
    for (const Dataset &dataset : datasets) {
        m_dataset->addItem(
            tr("%1 · v%2 · %n items", nullptr, int(dataset.itemCount)).arg(dataset.name).arg(dataset.version));
        m_dataset->setItemData(m_dataset->count() - 1, dataset.id, datasetIdRole);
        m_dataset->setItemData(m_dataset->count() - 1, dataset.sourcePath, Qt::ToolTipRole);
    }
    m_loaded = true;
    if (m_again)
        runAgain(*m_again);
    else
        restore();
}

void NewRunDialog::chooseDataset(qint64 datasetId, const QString &path)
{
    for (int index = 0; index < m_dataset->count(); ++index) {
        if ((datasetId > 0 && m_dataset->itemData(index, datasetIdRole).toLongLong() == datasetId)
            || (datasetId <= 0 && !path.isEmpty() && m_dataset->itemData(index, datasetPathRole).toString() == path)) {
            m_dataset->setCurrentIndex(index);
            return;
        }
    }
    if (path.isEmpty() || datasetId > 0)
        return; // a remembered dataset that is gone: the newest stays chosen
    m_dataset->addItem(tr("%1 (file, imported when the run starts)").arg(QFileInfo(path).fileName()));
    m_dataset->setItemData(m_dataset->count() - 1, path, datasetPathRole);
    m_dataset->setItemData(m_dataset->count() - 1, path, Qt::ToolTipRole);
    m_dataset->setCurrentIndex(m_dataset->count() - 1);
}

void NewRunDialog::apply(const RunSettings &settings, const QList<ProviderSelection> &models)
{
    (settings.responsesFromDataset ? m_fromDataset : m_generate)->setChecked(true);
    m_generators->setModels(models);
    m_systemPrompt->setText(settings.generationSystemPrompt);
    m_temperature->setValue(settings.temperature.value_or(noTemperature));
    m_maxTokens->setValue(settings.maxTokens);
    const int judge = settings.judge.profile.isEmpty() ? -1 : m_judgeProfile->findText(settings.judge.profile);
    m_judgeProfile->setCurrentIndex(std::max(0, judge));
    m_judgeModel->setText(settings.judge.model);
    for (auto it = m_metrics.cbegin(); it != m_metrics.cend(); ++it)
        it.value()->setChecked(settings.metrics.contains(it.key()));
    m_concurrency->setValue(settings.concurrency);
    m_repeats->setValue(settings.repeats);
    m_judgeRepeats->setValue(settings.judgeRepeats);
    m_clusterBy->setText(settings.clusterBy);
    m_pipeline->apply(settings);
    updateState();
}

void NewRunDialog::runAgain(const EvalRun &run)
{
    if (!m_loaded) {
        m_again = run;
        return;
    }
    m_again.reset();
    chooseDataset(run.datasetId, {});
    apply(run.settings, {run.settings.generator});
    m_generate->setChecked(true);
    m_generators->clearModels(run.settings.responsesFromDataset ? QString() : run.settings.generator.model);
}

void NewRunDialog::remember(qint64 datasetId, const RunSettings &settings, const QList<ProviderSelection> &models) const
{
    // Profile names and model ids only: secrets stay in the keyring.
    QJsonArray modelList;
    for (const ProviderSelection &model : models)
        modelList.append(
            QJsonObject{{QStringLiteral("profile"), model.profile}, {QStringLiteral("model"), model.model}});
    QSettings stored;
    stored.beginGroup(QStringLiteral("newRun"));
    // The stored dataset, also when it was a file just imported: next time it is in the list.
    stored.setValue(QStringLiteral("datasetId"), datasetId);
    stored.setValue(QStringLiteral("settings"), QJsonDocument(settings.toJson()).toJson(QJsonDocument::Compact));
    stored.setValue(QStringLiteral("models"), QJsonDocument(modelList).toJson(QJsonDocument::Compact));
}

void NewRunDialog::restore()
{
    QSettings stored;
    stored.beginGroup(QStringLiteral("newRun"));
    if (m_dataset->count() > 0)
        m_dataset->setCurrentIndex(0); // the newest dataset, unless another was used last
    chooseDataset(stored.value(QStringLiteral("datasetId")).toLongLong(), {});
    if (!stored.contains(QStringLiteral("settings")))
        return updateState();
    const RunSettings settings = RunSettings::fromJson(
        QJsonDocument::fromJson(stored.value(QStringLiteral("settings")).toByteArray()).object());
    QList<ProviderSelection> models;
    for (const QJsonValue &value :
         QJsonDocument::fromJson(stored.value(QStringLiteral("models")).toByteArray()).array()) {
        ProviderSelection model;
        model.profile = value.toObject().value(QStringLiteral("profile")).toString();
        model.model = value.toObject().value(QStringLiteral("model")).toString();
        models << model;
    }
    apply(settings, models);
}

void NewRunDialog::judgeChosen()
{
    // Choosing a judge offers its metrics ticked; "No judge" takes them away.
    const bool judge = m_judgeProfile->currentIndex() > 0;
    for (const QString &metric : Metrics::judge())
        m_metrics.value(metric)->setChecked(judge);
    updateState();
    if (judge && m_judgeModel->text().isEmpty())
        m_judgeModel->setFocus();
}

void NewRunDialog::updateState()
{
    const bool generate = m_generate->isChecked();
    for (QWidget *widget : std::initializer_list<QWidget *>{m_systemPrompt, m_temperature, m_maxTokens, m_repeats})
        widget->setEnabled(generate); // a dataset's own responses are the same every time
    const bool judge = m_judgeProfile->currentIndex() > 0;
    m_judgeModel->setEnabled(judge);
    for (const QString &metric : Metrics::judged()) {
        QCheckBox *box = m_metrics.value(metric);
        box->setEnabled(judge);
        if (!judge)
            box->setChecked(false);
    }
    m_judgeRepeats->setEnabled(judge);
}

void NewRunDialog::showProblem(const QString &problem)
{
    m_problem->setStyleSheet(Theme::textStyle(Theme::Role::Bad));
    m_problem->setText(problem);
    m_problem->show();
}

std::optional<RunSettings> NewRunDialog::settings()
{
    RunSettings settings;
    settings.responsesFromDataset = m_fromDataset->isChecked();
    const QList<ProviderSelection> models = m_generators->models();
    settings.generator = m_pipeline->adjusted(models).value(0);
    settings.generationSystemPrompt = m_systemPrompt->text().trimmed();
    if (m_temperature->value() >= 0)
        settings.temperature = m_temperature->value();
    settings.maxTokens = m_maxTokens->value();
    if (m_judgeProfile->currentIndex() > 0)
        settings.judge.profile = m_judgeProfile->currentText();
    settings.judge.model = m_judgeModel->text().trimmed();
    settings.concurrency = m_concurrency->value();
    settings.repeats = m_repeats->isEnabled() ? m_repeats->value() : 1;
    settings.judgeRepeats = m_judgeRepeats->isEnabled() ? m_judgeRepeats->value() : 1;
    settings.clusterBy = m_clusterBy->text().trimmed();
    for (auto it = m_metrics.cbegin(); it != m_metrics.cend(); ++it) {
        if (it.value()->isChecked())
            settings.metrics << it.key();
    }
    QString problem;
    if (m_dataset->currentIndex() < 0)
        problem = tr("Choose a dataset, or a file with the File… button.");
    else if (settings.metrics.isEmpty())
        problem = tr("Choose at least one metric.");
    else if (!settings.responsesFromDataset && (models.isEmpty() || m_generators->lacksProfile()))
        problem = tr("Generating responses needs a connection and a model id.");
    else if (settings.needsJudge() && settings.judge.model.isEmpty())
        problem = tr("Judge metrics need a judge model id.");
    else
        problem = m_pipeline->applyTo(settings);
    if (!problem.isEmpty()) {
        showProblem(problem);
        return std::nullopt;
    }
    return settings;
}

void NewRunDialog::accept()
{
    const std::optional<RunSettings> chosen = settings();
    if (!chosen)
        return;
    const RunSettings settings = *chosen;
    const QList<ProviderSelection> models = m_pipeline->adjusted(m_generators->models());
    const qint64 datasetId = m_dataset->currentData(datasetIdRole).toLongLong();
    const QString path = m_dataset->currentData(datasetPathRole).toString();
    const QString name = m_name->text().trimmed();
    m_problem->setStyleSheet(QString());
    m_problem->setText(datasetId > 0 ? tr("Creating the runs…") : tr("Importing the dataset…"));
    m_problem->show();
    m_worker.run<QList<EvalRun>>(
        [datasetId, path, settings, models, name](Workspace &workspace) {
            return RunSetup::createForModels(workspace, datasetId, path, settings, models, name);
        },
        this,
        [this, settings, models](Result<QList<EvalRun>> runs) {
            if (!runs)
                return showProblem(runs.error().describe());
            if (!runs.value().isEmpty())
                remember(runs.value().first().datasetId, settings, m_generators->models());
            QList<qint64> ids;
            for (const EvalRun &run : runs.value())
                ids << run.id;
            emit runsCreated(ids);
            QDialog::accept();
        });
}
