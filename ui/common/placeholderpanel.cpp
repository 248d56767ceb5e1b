#include "common/placeholderpanel.h"

#include <QLabel>
#include <QVBoxLayout>

PlaceholderPanel::PlaceholderPanel(const QString &title, const QString &purpose,
                                   const QStringList &plannedFeatures, QWidget *parent)
    : QWidget(parent)
{
    auto *heading = new QLabel(title, this);
    QFont headingFont = heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.6);
    headingFont.setBold(true);
    heading->setFont(headingFont);

    auto *status = new QLabel(tr("Not available yet. This panel arrives in a later release of the "
                                 "workbench; nothing here is working yet."),
                              this);
    status->setObjectName(QStringLiteral("notAvailable"));
    status->setWordWrap(true);
    status->setStyleSheet(QStringLiteral("QLabel { background: rgba(255, 193, 7, 45); border: 1px solid "
                                         "rgba(255, 193, 7, 140); border-radius: 4px; padding: 10px; }"));

    auto *description = new QLabel(purpose, this);
    description->setWordWrap(true);

    QString list = QStringLiteral("<p>") + tr("What it will do:") + QStringLiteral("</p><ul>");
    for (const QString &feature : plannedFeatures)
        list += QStringLiteral("<li>") + feature.toHtmlEscaped() + QStringLiteral("</li>");
    list += QStringLiteral("</ul>");
    auto *features = new QLabel(list, this);
    features->setWordWrap(true);
    features->setTextFormat(Qt::RichText);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 28, 32, 28);
    layout->setSpacing(14);
    layout->addWidget(heading);
    layout->addWidget(status);
    layout->addWidget(description);
    layout->addWidget(features);
    layout->addStretch(1);
}
