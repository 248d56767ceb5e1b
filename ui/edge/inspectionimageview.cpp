#include "ui/edge/inspectionimageview.h"

#include "core/aws/s3objectreader.h"
#include "core/edge/imagelocation.h"
#include "ui/common/backgroundtask.h"
#include "ui/theme.h"

#include <QImage>
#include <QImageReader>
#include <QJsonArray>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QUrl>
#include <QVBoxLayout>

#include <utility>

InspectionImageView::InspectionImageView(QWidget *parent) : QWidget(parent)
{
    m_picture = new QLabel(this);
    m_picture->setAlignment(Qt::AlignCenter);
    m_picture->setWordWrap(true); // a message in place of the picture wraps inside the pane
    m_picture->setMinimumSize(220, 220);
    // The picture fits the pane, whatever its size: the pixmap must not hold the layout open.
    m_picture->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored);
    m_picture->setFrameShape(QFrame::StyledPanel);
    m_caption = new QLabel(this);
    m_caption->setWordWrap(true);
    m_caption->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_caption->setOpenExternalLinks(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_picture, 1);
    layout->addWidget(m_caption);
    clear(tr("Select an inspection to see its image."));
}

void InspectionImageView::setS3Reader(S3ObjectReader *reader)
{
    m_s3 = reader;
}

bool InspectionImageView::hasPicture() const
{
    return !m_picture->pixmap().isNull();
}

QString InspectionImageView::message() const
{
    return hasPicture() ? QString() : m_picture->text();
}

void InspectionImageView::clear(const QString &message)
{
    ++m_generation;
    m_source = {};
    m_picture->setPixmap({});
    m_picture->setText(message);
    m_caption->clear();
}

void InspectionImageView::showImage(const QImage &image, const InspectionResult &inspection)
{
    m_source = image.isNull() ? QImage() : image.convertToFormat(QImage::Format_RGB32);
    m_shown = inspection;
    if (image.isNull()) {
        m_picture->setPixmap({});
        m_picture->setText(tr("The image could not be decoded."));
        return;
    }
    render();
}

void InspectionImageView::render()
{
    if (m_source.isNull())
        return;
    QImage shown = m_source.scaled(m_picture->size() - QSize(8, 8), Qt::KeepAspectRatio, Qt::SmoothTransformation);
    // Draw the model's bounding box, when it sent one ([x, y, width, height] in image pixels).
    if (m_shown.boundingBox.size() == 4) {
        const double scale = double(shown.width()) / m_source.width();
        const QJsonArray &box = m_shown.boundingBox;
        QPainter painter(&shown);
        painter.setPen(QPen(Theme::color(Theme::Role::Defect), 2));
        painter.drawRect(QRectF(box[0].toDouble() * scale, box[1].toDouble() * scale, box[2].toDouble() * scale,
                                box[3].toDouble() * scale));
    }
    m_picture->setPixmap(QPixmap::fromImage(shown));
}

void InspectionImageView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    render();
}

void InspectionImageView::showInspection(const InspectionResult &inspection)
{
    const quint64 generation = ++m_generation;
    m_source = {};
    m_caption->setText(tr("<b>%1</b> · %2 · confidence %3%4")
                           .arg(inspection.deviceId.toHtmlEscaped(), inspection.prediction.toHtmlEscaped())
                           .arg(QLocale().toString(inspection.confidence, 'f', 3))
                           .arg(inspection.defectType.isEmpty()
                                    ? QString()
                                    : QStringLiteral(" · ") + inspection.defectType.toHtmlEscaped()));
    if (!inspection.imageBase64.isEmpty()) {
        showImage(QImage::fromData(QByteArray::fromBase64(inspection.imageBase64)), inspection);
        return;
    }
    const QUrl uri(inspection.imageUri);
    const QString scheme = uri.scheme().toLower();
    if (inspection.imageUri.isEmpty()) {
        m_picture->setPixmap({});
        m_picture->setText(tr("The device sent no image."));
    } else if (scheme == QLatin1String("https") || scheme == QLatin1String("http")) {
        m_picture->setPixmap({});
        m_picture->setText(tr("<a href=\"%1\">Open the image in the browser</a>").arg(uri.toString().toHtmlEscaped()));
        m_picture->setOpenExternalLinks(true);
    } else if (scheme == QLatin1String("s3") && m_s3) {
        m_picture->setPixmap({});
        m_picture->setText(tr("Loading from S3…"));
        m_s3->read(inspection.imageUri, this, [this, generation, inspection](Result<QByteArray> bytes) {
            if (m_generation != generation)
                return; // another inspection was chosen meanwhile
            if (!bytes)
                return m_picture->setText(tr("Cannot read %1: %2").arg(inspection.imageUri, bytes.error().describe()));
            showImage(QImage::fromData(bytes.value()), inspection);
        });
    } else if (scheme == QLatin1String("s3")) {
        m_picture->setPixmap({});
        m_picture->setTextInteractionFlags(Qt::TextSelectableByMouse);
        m_picture->setText(tr("Stored in S3:\n%1\nChoose \"S3 images via …\" beside the filters to see it here.")
                               .arg(inspection.imageUri));
    } else {
        // A local file: read it on a worker thread, the UI thread never waits on disk.
        m_picture->setPixmap({});
        m_picture->setText(tr("Loading…"));
        // The device names the file; only one inside the chosen folder is read (no .., no link out).
        const QString path = inspection.imageUri;
        BackgroundTask::run(
            this,
            [path, folder = m_folder]() {
                const Result<QString> located = ImageLocation::localPath(path, folder);
                if (!located)
                    return std::pair{QImage(), located.error().message};
                QImageReader reader(located.value());
                const QImage image = reader.read();
                return std::pair{image, image.isNull() ? reader.errorString() : QString()};
            },
            [this, generation, inspection, path](const std::pair<QImage, QString> &read) {
                if (m_generation != generation)
                    return; // another inspection was chosen meanwhile
                if (read.first.isNull())
                    m_picture->setText(tr("Cannot read %1: %2").arg(path, read.second));
                else
                    showImage(read.first, inspection);
            });
    }
}
