#pragma once

#include "core/eval/evaltypes.h"

#include <QDialog>
#include <QMap>
#include <QSet>

#include <optional>

class GeneratorRows;
class PipelineOptions;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QRadioButton;
class QSpinBox;
class WorkspaceWorker;

// Starts runs: a golden dataset (one already in the workspace, or a JSONL or CSV file), where
// responses come from (the dataset, or up to three models, one run each, with a system prompt and
// parameters), which metrics, which judge, and how many items at once. It opens with the settings
// of the last run started from it; judge metrics are offered only once a judge is chosen.
class NewRunDialog : public QDialog
{
    Q_OBJECT

public:
    explicit NewRunDialog(WorkspaceWorker &worker, QWidget *parent = nullptr);

    // Opens on `run`'s dataset and settings with the model left empty: the same run, another model.
    void runAgain(const EvalRun &run);
    void accept() override;

signals:
    void runsCreated(const QList<qint64> &runIds);

private:
    QGroupBox *buildMetrics();
    QFormLayout *buildForm();
    void buildGeneration();
    void fill(const QStringList &profiles, const QSet<QString> &unverified, const QList<Dataset> &datasets);
    void chooseDataset(qint64 datasetId, const QString &path);
    void apply(const RunSettings &settings, const QList<ProviderSelection> &models);
    void remember(qint64 datasetId, const RunSettings &settings, const QList<ProviderSelection> &models) const;
    void restore();
    std::optional<RunSettings> settings();
    void showProblem(const QString &problem);
    void judgeChosen();
    void updateState();

    WorkspaceWorker &m_worker;
    QComboBox *m_dataset;
    QLineEdit *m_name;
    QRadioButton *m_fromDataset;
    QRadioButton *m_generate;
    GeneratorRows *m_generators;
    PipelineOptions *m_pipeline;
    QLineEdit *m_systemPrompt;
    QDoubleSpinBox *m_temperature;
    QSpinBox *m_maxTokens;
    QMap<QString, QCheckBox *> m_metrics;
    QComboBox *m_judgeProfile;
    QLineEdit *m_judgeModel;
    QSpinBox *m_concurrency;
    QSpinBox *m_repeats;
    QSpinBox *m_judgeRepeats;
    QLineEdit *m_clusterBy;
    QLabel *m_problem;
    std::optional<EvalRun> m_again; // runAgain() before the choices arrived
    bool m_loaded = false;
};
