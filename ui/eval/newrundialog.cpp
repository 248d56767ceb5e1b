#include "ui/eval/newrundialog.h"

#include "core/eval/datasetimporter.h"
#include "core/eval/runsetup.h"
#include "core/secrets/credentialprofilerepository.h"
#include "core/storage/workspaceworker.h"
#include "ui/theme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

NewRunDialog::NewRunDialog(WorkspaceWorker &worker, QWidget *parent) : QDialog(parent), m_worker(worker)
{
    setWindowTitle(tr("New evaluation run"));
    m_dataset = new QLineEdit(this);
    m_dataset->setPlaceholderText(tr("golden dataset: .jsonl or .csv"));
    m_name = new QLineEdit(this);
    m_name->setPlaceholderText(tr("defaults to the dataset's name and the date"));

    m_fromDataset = new QRadioButton(tr("Responses are in the dataset"), this);
    m_generate = new QRadioButton(tr("Generate responses with"), this);
    m_fromDataset->setChecked(true);
    m_generatorProfile = new QComboBox(this);
    m_generatorModel = new QLineEdit(this);
    m_generatorModel->setPlaceholderText(tr("model id"));
    m_judgeProfile = new QComboBox(this);
    m_judgeModel = new QLineEdit(this);
    m_judgeModel->setPlaceholderText(tr("judge model id, e.g. anthropic.claude-3-haiku-20240307-v1:0"));

    m_concurrency = new QSpinBox(this);
    m_concurrency->setRange(1, 256);
    m_concurrency->setValue(8);
    m_repeats = new QSpinBox(this);
    m_repeats->setRange(1, 20);
    m_repeats->setSuffix(tr(" responses per item"));
    m_repeats->setToolTip(
        tr("Generate each response this many times; figures use each item's mean and unstable items are flagged"));
    m_judgeRepeats = new QSpinBox(this);
    m_judgeRepeats->setRange(1, 20);
    m_judgeRepeats->setSuffix(tr(" judge calls per response"));
    m_judgeRepeats->setToolTip(tr("Judge each response this many times, to see how much of the spread is the judge's"));
    m_clusterBy = new QLineEdit(this);
    m_clusterBy->setPlaceholderText(tr("optional: a dataset field grouping items, e.g. source"));
    m_clusterBy->setToolTip(tr("Items that share this field (the same source document, say) are not independent: "
                               "their intervals are clustered by it"));
    m_problem = new QLabel(this);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(Theme::textStyle(Theme::Role::Bad));
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
    resize(620, sizeHint().height());

    m_worker.run<QStringList>(
        [](Workspace &workspace) {
            return CredentialProfileRepository(workspace).names(CredentialProfile::modelKinds());
        },
        this,
        [this](Result<QStringList> names) {
            if (!names) {
                m_problem->setText(names.error().describe());
                m_problem->show();
                return;
            }
            m_generatorProfile->addItems(names.value());
            m_judgeProfile->addItems(names.value());
        });
    updateState();
}

QGroupBox *NewRunDialog::buildMetrics()
{
    auto *metricsBox = new QGroupBox(tr("Metrics"), this);
    auto *metricsLayout = new QVBoxLayout(metricsBox);
    for (const QString &metric : Metrics::lexical() + Metrics::judge()) {
        auto *box = new QCheckBox(Metrics::isLexical(metric) ? tr("%1 (lexical, no model)").arg(metric)
                                                             : tr("%1 (judge model)").arg(metric),
                                  metricsBox);
        box->setChecked(true);
        m_metrics.insert(metric, box);
        metricsLayout->addWidget(box);
        connect(box, &QCheckBox::toggled, this, &NewRunDialog::updateState);
    }
    return metricsBox;
}

QFormLayout *NewRunDialog::buildForm()
{
    auto *browse = new QPushButton(tr("Browse…"), this);
    connect(browse, &QPushButton::clicked, this, [this]() {
        const QString path = QFileDialog::getOpenFileName(this, tr("Golden dataset"), {},
                                                          tr("Datasets (*.jsonl *.json *.csv);;All files (*)"));
        if (!path.isEmpty())
            m_dataset->setText(path);
    });
    auto *datasetRow = new QHBoxLayout;
    datasetRow->addWidget(m_dataset, 1);
    datasetRow->addWidget(browse);
    auto *generatorRow = new QHBoxLayout;
    generatorRow->addWidget(m_generatorProfile);
    generatorRow->addWidget(m_generatorModel, 1);
    auto *judgeRow = new QHBoxLayout;
    judgeRow->addWidget(m_judgeProfile);
    judgeRow->addWidget(m_judgeModel, 1);
    auto *form = new QFormLayout;
    form->addRow(tr("Dataset:"), datasetRow);
    form->addRow(tr("Run name:"), m_name);
    form->addRow(QString(), m_fromDataset);
    form->addRow(m_generate, generatorRow);
    form->addRow(buildMetrics());
    form->addRow(tr("Judge:"), judgeRow);
    form->addRow(tr("Items at once:"), m_concurrency);
    auto *repeatsRow = new QHBoxLayout;
    repeatsRow->addWidget(m_repeats);
    repeatsRow->addWidget(m_judgeRepeats);
    repeatsRow->addStretch();
    form->addRow(tr("Repeats:"), repeatsRow);
    form->addRow(tr("Cluster by:"), m_clusterBy);
    return form;
}

void NewRunDialog::updateState()
{
    m_generatorProfile->setEnabled(m_generate->isChecked());
    m_generatorModel->setEnabled(m_generate->isChecked());
    bool judge = false;
    for (const QString &metric : Metrics::judge())
        judge = judge || m_metrics.value(metric)->isChecked();
    m_judgeProfile->setEnabled(judge);
    m_judgeModel->setEnabled(judge);
    // A dataset's own responses are the same every time; only generated ones can be repeated.
    m_repeats->setEnabled(m_generate->isChecked());
    m_judgeRepeats->setEnabled(judge);
}

void NewRunDialog::accept()
{
    RunSettings settings;
    settings.responsesFromDataset = m_fromDataset->isChecked();
    settings.generator.profile = m_generatorProfile->currentText();
    settings.generator.model = m_generatorModel->text().trimmed();
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
    if (m_dataset->text().trimmed().isEmpty())
        problem = tr("Choose a dataset file.");
    else if (settings.metrics.isEmpty())
        problem = tr("Choose at least one metric.");
    else if (!settings.responsesFromDataset
             && (settings.generator.profile.isEmpty() || settings.generator.model.isEmpty()))
        problem = tr("Generating responses needs a connection and a model id.");
    else if (m_judgeModel->isEnabled() && (settings.judge.profile.isEmpty() || settings.judge.model.isEmpty()))
        problem = tr("Judge metrics need a connection and a judge model id.");
    if (!problem.isEmpty()) {
        m_problem->setText(problem);
        m_problem->show();
        return;
    }
    const QString path = m_dataset->text().trimmed();
    const QString name = m_name->text().trimmed();
    m_problem->setText(tr("Importing the dataset…"));
    m_problem->setStyleSheet(QString());
    m_problem->show();
    m_worker.run<EvalRun>(
        [path, name, settings](Workspace &workspace) {
            return RunSetup::createFromFile(workspace, path, settings, name);
        },
        this,
        [this](Result<EvalRun> run) {
            if (!run) {
                m_problem->setStyleSheet(Theme::textStyle(Theme::Role::Bad));
                m_problem->setText(run.error().describe());
                return;
            }
            emit runCreated(run.value().id);
            QDialog::accept();
        });
}
