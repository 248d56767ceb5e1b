#pragma once

#include "core/edge/inspectionresult.h"
#include "core/edge/reviewmanifest.h"

#include <QHash>
#include <QModelIndex>
#include <QSet>
#include <QWidget>

class InspectionImageView;
class QComboBox;
class QLabel;
class QPushButton;
class QTableView;
class ReviewFilterProxy;
class ReviewQueueModel;
class S3ImageChooser;
class QHBoxLayout;

// The review queue: defective and low-confidence inspections, the selected one's image, and the
// reviewer's verdict (G good, D defective, U unsure; each moves on to the next unlabelled item).
// The queue can be narrowed to a device (it follows the fleet table's selection) and a prediction,
// and sorted by any column. Export writes the labels as a JSONL manifest for retraining.
class ReviewPane : public QWidget
{
    Q_OBJECT

public:
    explicit ReviewPane(QWidget *parent = nullptr);

    void append(const QList<InspectionResult> &candidates);
    // The labels given before (from the workspace), so that a closed window loses none.
    void restore(const QList<ReviewItem> &labelled);
    ReviewQueueModel *model() const { return m_model; }
    // Rows of model(): selected (clearing a filter that hides it) and current.
    void selectRow(int row);
    int currentRow() const;
    // Shows only `device`'s inspections (empty: every device's), as the fleet selection moves.
    void followDevice(const QString &device);
    // "Review this device": its inspections, the most doubtful first, the first unlabelled chosen
    // and the keys G, D and U ready.
    void reviewDevice(const QString &device);
    QTableView *table() const { return m_table; }
    // Puts the S3 connection choice beside the filters; its reader fetches the images shown.
    void useS3Chooser(S3ImageChooser *chooser);
    InspectionImageView *imageView() const { return m_image; }
    void exportManifest(const QString &path);

signals:
    void statusMessage(const QString &message);
    // A label was given: the panel stores it in the workspace at once.
    void labelGiven(const ReviewItem &item);

private:
    void showCurrent();
    void label(int label);
    void chooseExportFile();
    void chooseImageFolder();
    void showImageFolder(); // the button's tooltip says which folder, or that none is chosen
    void updateSummary();
    // The device and prediction filters learn of an inspection's values.
    void addChoices(const InspectionResult &inspection);
    // Of `count` shown rows from row `from` on (wrapping), the first without a label.
    QModelIndex firstUnlabelledShown(int from, int count) const;
    void addChoice(QComboBox *box, const QString &value);

    ReviewQueueModel *m_model;
    ReviewFilterProxy *m_filter;
    QComboBox *m_device;
    QComboBox *m_prediction;
    QHash<const QComboBox *, QSet<QString>> m_offered; // what each filter box lists already
    QHBoxLayout *m_filters;
    QTableView *m_table;
    InspectionImageView *m_image;
    QLabel *m_summary;
    QPushButton *m_export;
    QPushButton *m_folder;
};
