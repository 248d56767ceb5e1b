#pragma once

#include "core/edge/reviewmanifest.h"

#include <QAbstractTableModel>

// Defective and low-confidence inspections waiting for a reviewer's label. Capped: when full, the
// oldest unlabelled item makes room (a label, once given, is never dropped), and a full queue takes
// only the newest few of each update: under a flood it still turns over faster than anyone reviews,
// and each row it drops costs the sorted view a re-layout.
class ReviewQueueModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Time, Device, Prediction, Confidence, Label, Image, ColumnCount };
    static constexpr int capacity = 5000;
    static constexpr int takenWhenFull = 50;
    // What the review table sorts by: time and confidence as numbers, the rest as shown.
    static constexpr int SortRole = Qt::UserRole + 1;

    explicit ReviewQueueModel(QObject *parent = nullptr);

    void append(const QList<InspectionResult> &candidates);
    void setLabel(int row, ReviewItem::Label label);
    // Labelled items from the workspace, ahead of the live queue; those already shown are skipped.
    void restore(const QList<ReviewItem> &labelled);
    const ReviewItem &item(int row) const { return m_items[row]; }
    const QList<ReviewItem> &items() const { return m_items; }
    int labelledCount() const { return m_labelled; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    static QString labelText(ReviewItem::Label label);

private:
    QList<ReviewItem> m_items;
    int m_labelled = 0;
};
