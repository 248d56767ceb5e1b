#pragma once

#include "core/edge/inspectionresult.h"

#include <QImage>
#include <QPointer>
#include <QWidget>

class QLabel;
class S3ObjectReader;

// The image of one inspection: decoded from base64, read from a local file inside the chosen images
// folder (on a worker thread),
// fetched from S3 with the chosen AWS connection (setS3Reader), or, for https:// URIs and S3
// without a connection, a link with the URI.
class InspectionImageView : public QWidget
{
    Q_OBJECT

public:
    explicit InspectionImageView(QWidget *parent = nullptr);

    void showInspection(const InspectionResult &inspection);
    // Reads s3:// images from now on; nullptr: S3 images are shown as their URI.
    void setS3Reader(S3ObjectReader *reader);
    // Local images (paths, file:// URIs) are read only from inside this folder (ImageLocation);
    // empty: none are read, and the view says how to choose one.
    void setImageFolder(const QString &folder) { m_folder = folder; }
    QString imageFolder() const { return m_folder; }
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
    QPointer<S3ObjectReader> m_s3;
    QString m_folder;
    quint64 m_generation = 0; // a late file read for an older selection is ignored
};
