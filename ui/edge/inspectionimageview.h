#pragma once

#include "core/edge/inspectionresult.h"

#include <QImage>
#include <QWidget>

class QLabel;

// The image of one inspection: decoded from base64, read from a local file (on a worker thread),
// or, for s3:// and https:// URIs the viewer cannot fetch on its own, a link with the URI.
class InspectionImageView : public QWidget
{
    Q_OBJECT

public:
    explicit InspectionImageView(QWidget *parent = nullptr);

    void showInspection(const InspectionResult &inspection);
    void clear(const QString &message);
    bool hasPicture() const;
    // What the view says instead of a picture ("Cannot read …: file not found"); empty with one.
    QString message() const;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void showImage(const QImage &image, const InspectionResult &inspection);
    // The image scaled to the pane as it is now, with the model's bounding box drawn on it.
    void render();

    QLabel *m_picture;
    QLabel *m_caption;
    QImage m_source; // as decoded: the pane is re-rendered from it when it is resized
    InspectionResult m_shown;
    quint64 m_generation = 0; // a late file read for an older selection is ignored
};
