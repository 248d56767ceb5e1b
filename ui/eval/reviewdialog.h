#pragma once

#include "core/eval/humanlabel.h"
#include "core/eval/itemdetail.h"

#include <QDialog>

#include <optional>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTextBrowser;
class WorkspaceWorker;

// A reviewer labels a run's items for one judged metric, from a queue the review queue samples
// (random, stratified by score, or the unstable items of a repeated run). In blind mode the judge's
// verdict and explanation stay hidden until the reviewer's own label is saved, so the label is
// theirs and not the judge's echo. Keyboard first: P pass, F fail, S save the score, N or → next,
// ← previous; each label is stored as it is given.
class ReviewDialog : public QDialog
{
    Q_OBJECT

public:
    ReviewDialog(WorkspaceWorker &worker, qint64 runId, const QStringList &judgedMetrics, bool repeated,
                 const QString &reviewer, QWidget *parent = nullptr);

    void setMetric(const QString &metric);
    void setBlind(bool blind);
    void startQueue();
    void saveLabel(HumanLabel::Verdict verdict);
    void next();
    void previous();

    qsizetype queueSize() const { return m_queue.size(); }
    std::optional<qint64> currentItem() const;
    bool isJudgeShown() const;
    QString itemText() const;
    QString judgeText() const;

signals:
    void queueReady();
    void itemShown(qint64 itemIndex);
    void labelSaved(qint64 itemIndex);
    void labelsChanged(qint64 runId);

private:
    void buildLayout(const QStringList &judgedMetrics, bool repeated);
    void showItem(qsizetype position);
    void showJudge();
    void updateStatus();
    QString chosenMetric() const; // not metric(): QPaintDevice has a virtual of that name

    WorkspaceWorker &m_worker;
    qint64 m_runId;
    QString m_reviewer;
    QComboBox *m_metric;
    QComboBox *m_sampling;
    QSpinBox *m_size;
    QCheckBox *m_blind;
    QPushButton *m_start;
    QLabel *m_status;
    QProgressBar *m_progress;
    QTextBrowser *m_item;
    QTextBrowser *m_judge;
    QLineEdit *m_comment;
    QDoubleSpinBox *m_score;
    QPushButton *m_pass;
    QPushButton *m_fail;
    QPushButton *m_saveScore;
    QPushButton *m_previous;
    QPushButton *m_next;
    QList<qint64> m_queue;
    QString m_queueMetric;
    QString m_queueSource;
    qsizetype m_position = -1;
    qsizetype m_labelled = 0;
    std::optional<ItemDetail> m_detail;
    bool m_revealed = false;
};
