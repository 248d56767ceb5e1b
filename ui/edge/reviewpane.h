#pragma once

#include "core/edge/inspectionresult.h"

#include <QWidget>

class InspectionImageView;
class QLabel;
class QPushButton;
class QTableView;
class ReviewQueueModel;

// The review queue: defective and low-confidence inspections, the selected one's image, and the
// reviewer's verdict (G good, D defective, U unsure; each moves on to the next unlabelled item).
// Export writes the labels as a JSONL manifest for retraining.
class ReviewPane : public QWidget
{
    Q_OBJECT

public:
    explicit ReviewPane(QWidget *parent = nullptr);

    void append(const QList<InspectionResult> &candidates);
    ReviewQueueModel *model() const { return m_model; }
    void selectRow(int row);
    int currentRow() const;
    void exportManifest(const QString &path);

signals:
    void statusMessage(const QString &message);

private:
    void showCurrent();
    void label(int label);
    void chooseExportFile();
    void updateSummary();

    ReviewQueueModel *m_model;
    QTableView *m_table;
    InspectionImageView *m_image;
    QLabel *m_summary;
    QPushButton *m_export;
};
