#pragma once

#include <QDialog>
#include <QMap>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QRadioButton;
class QSpinBox;
class WorkspaceWorker;

// Starts a run: a golden dataset (JSONL or CSV), where responses come from (the dataset or a
// model), which metrics, which judge model, and how many items at once.
class NewRunDialog : public QDialog
{
    Q_OBJECT

public:
    explicit NewRunDialog(WorkspaceWorker &worker, QWidget *parent = nullptr);

    void accept() override;

signals:
    void runCreated(qint64 runId);

private:
    QGroupBox *buildMetrics();
    QFormLayout *buildForm();
    void updateState();

    WorkspaceWorker &m_worker;
    QLineEdit *m_dataset;
    QLineEdit *m_name;
    QRadioButton *m_fromDataset;
    QRadioButton *m_generate;
    QComboBox *m_generatorProfile;
    QLineEdit *m_generatorModel;
    QMap<QString, QCheckBox *> m_metrics;
    QComboBox *m_judgeProfile;
    QLineEdit *m_judgeModel;
    QSpinBox *m_concurrency;
    QSpinBox *m_repeats;
    QSpinBox *m_judgeRepeats;
    QLineEdit *m_clusterBy;
    QLabel *m_problem;
};
